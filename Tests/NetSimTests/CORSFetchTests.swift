import Testing
import TutorCore
@testable import NetSim

/// The CORS scenes' rules, each against the Fetch Standard section it comes from.
struct CORSFetchTests {
    func run(_ v: CORSFetch.Variant, _ configure: (inout SceneOptions) -> Void = { _ in }) throws -> (Trace, Exchange) {
        var o = SceneOptions()
        configure(&o)
        let ex = try CORSFetch.exchange(v, scene: "cors", o)
        return (ex.run(), ex)
    }

    @Test("Fetch §4.8: a non-simple request is preceded by an OPTIONS preflight carrying Origin, Access-Control-Request-Method and -Headers")
    func preflightFirst() throws {
        let (t, ex) = try run(.preflight)
        let options = try #require(ex.received("OPTIONS", at: "server").first)
        #expect(options.message.info["origin"] == "https://app.example")
        #expect(options.message.info["access-control-request-method"] == "POST")
        #expect(options.message.info["access-control-request-headers"] == "x-trace-id")
        let preflight = try #require(sends(t, from: "browser", to: "server", "OPTIONS").first)
        let post = try #require(sends(t, from: "browser", to: "server", "POST").first)
        #expect(preflight.t < post.t)
        // The first thing the browser puts on the wire is the preflight.
        #expect(t.events.first { $0.kind == .send && $0.to == "server" }?.label == preflight.label)
    }

    @Test("Fetch §4.8: the request itself leaves only after a preflight response that allows it")
    func actualAfterAllowingPreflight() throws {
        let (t, _) = try run(.preflight)
        let reply = try #require(t.events.first { $0.kind == .deliver && $0.to == "browser" && ($0.label ?? "").hasPrefix("204") })
        let post = try #require(sends(t, from: "browser", to: "server", "POST").first)
        #expect(post.t >= reply.t)
        // A reply that does not list the header: the POST is never sent, the script gets an error.
        let (denied, ex) = try run(.preflightDenied)
        #expect(sends(denied, from: "browser", to: "server", "POST").isEmpty)
        #expect(ex.received("POST", at: "server").isEmpty)
        #expect(sends(denied, from: "browser", to: "script", "reject TypeError").count == 1)
    }

    @Test("Fetch §4.8, CORS-safelisted method and request-header: which requests need a preflight")
    func safelisted() {
        func r(_ m: String, _ h: [(String, String)] = []) -> CORSFetch.Request { .init(method: m, path: "/", headers: h, credentials: false) }
        #expect(!CORSFetch.needsPreflight(r("GET")) && !CORSFetch.needsPreflight(r("HEAD")) && !CORSFetch.needsPreflight(r("POST")))
        #expect(CORSFetch.needsPreflight(r("PUT")) && CORSFetch.needsPreflight(r("DELETE")))
        #expect(!CORSFetch.needsPreflight(r("POST", [("Content-Type", "text/plain")])))
        #expect(CORSFetch.needsPreflight(r("POST", [("Content-Type", "application/json")])))
        #expect(CORSFetch.needsPreflight(r("GET", [("X-Trace-Id", "1")])))
        #expect(CORSFetch.unsafeHeaderNames(r("GET", [("X-B", "1"), ("Accept", "*/*"), ("X-A", "2")])) == ["x-a", "x-b"])
    }

    @Test("Fetch §3.2.2: a simple request goes without a preflight", arguments: [CORSFetch.Variant.simple, .noAllowOrigin, .credentialsWildcard])
    func simpleHasNoPreflight(v: CORSFetch.Variant) throws {
        let (t, ex) = try run(v)
        #expect(sends(t, from: "browser", "OPTIONS").isEmpty)
        #expect(ex.arrivals.filter { $0.to == "server" }.count == 1)
    }

    @Test("Fetch CORS check: without Access-Control-Allow-Origin the server has processed the request, the browser got the response, the script gets a TypeError")
    func missingAllowOrigin() throws {
        let (t, ex) = try run(.noAllowOrigin)
        #expect(ex.received("POST", at: "server").count == 1)
        #expect(t.events.contains { $0.kind == .state && $0.endpoint == "server" && $0.state == "order-created" })
        #expect(ex.received("201", at: "browser").count == 1)
        #expect(ex.received("reject", at: "script").count == 1 && ex.received("resolve", at: "script").isEmpty)
        // With Allow-Origin naming the page, the same kind of request resolves.
        let (_, ok) = try run(.simple)
        #expect(ok.received("resolve", at: "script").count == 1)
    }

    @Test("Fetch §3.2.5: with credentials, Access-Control-Allow-Origin: * fails the CORS check, even with Allow-Credentials: true")
    func wildcardWithCredentials() throws {
        let (_, ex) = try run(.credentialsWildcard)
        let response = try #require(ex.received("200", at: "browser").first)
        #expect(response.message.info["access-control-allow-origin"] == "*")
        #expect(response.message.info["access-control-allow-credentials"] == "true")
        #expect(ex.received("reject", at: "script").count == 1)
        #expect(!CORSFetch.corsCheck(allowOrigin: "*", allowCredentials: true, credentials: true))
        #expect(CORSFetch.corsCheck(allowOrigin: "*", allowCredentials: false, credentials: false))
        #expect(CORSFetch.corsCheck(allowOrigin: "https://app.example", allowCredentials: true, credentials: true))
        #expect(!CORSFetch.corsCheck(allowOrigin: "https://app.example", allowCredentials: false, credentials: true))
    }

    @Test("The browser enforces: the server never refuses, and only browser-to-script messages carry the verdict")
    func browserEnforces() throws {
        for v in [CORSFetch.Variant.preflight, .preflightDenied, .simple, .noAllowOrigin, .credentialsWildcard] {
            let (t, _) = try run(v)
            #expect(t.events.allSatisfy { $0.kind != .send || $0.from != "server" || !($0.label ?? "").hasPrefix("4") })
            #expect(sends(t, from: "browser", to: "script", "").count == 1)
            // The page script and the browser are one process: their calls take no ordinal.
            #expect(t.events.filter { $0.kind == .send && $0.n == nil }.allSatisfy { $0.from != "server" && $0.to != "server" })
        }
    }

    @Test("RFC 6298 §5.4: a lost preflight is sent again by TCP after the RTO")
    func lostPreflight() throws {
        let (t, _) = try run(.preflight) { $0.drops = [1] }
        let preflights = sends(t, from: "browser", "OPTIONS")
        #expect(preflights.count == 2 && preflights[1].retransmission && preflights[1].t - preflights[0].t == 1000)
        #expect(sends(t, from: "browser", to: "script", "resolve").count == 1)
    }

    @Test("The same options give the same trace")
    func deterministic() throws {
        for id in ["cors-preflight", "cors-preflight-denied", "cors-simple", "cors-no-allow-origin", "cors-credentials-wildcard"] {
            var o = SceneOptions()
            o.drops = [2]
            #expect(try SceneCatalog.lookup(id).simulate(o) == SceneCatalog.lookup(id).simulate(o))
        }
    }
}
