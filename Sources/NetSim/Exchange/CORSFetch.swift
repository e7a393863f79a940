import TutorCore

/// A cross-origin `fetch` from a page on https://app.example to https://api.example (the
/// Fetch Standard's CORS protocol, §3.2): the page script calls, the browser decides whether a
/// preflight is needed and checks every response, the server only answers. The browser, not
/// the server, enforces: the server processes what reaches it either way.
public enum CORSFetch {
    public enum Variant: Sendable { case preflight, preflightDenied, simple, noAllowOrigin, credentialsWildcard }

    static let script = "script", browser = "browser", server = "server"
    static let origin = "https://app.example"
    static let options: [SceneOption] = [.drop, .rtt]

    /// What the script asks `fetch` for.
    struct Request {
        var method: String
        var path: String
        /// Header names and values the script sets.
        var headers: [(String, String)]
        var credentials: Bool
    }

    /// What the server puts in its responses.
    struct Policy {
        var allowOrigin: String?
        var allowHeaders: [String]
        var allowCredentials: Bool
    }

    static func request(_ v: Variant) -> Request {
        switch v {
        case .preflight, .preflightDenied: Request(method: "POST", path: "/orders", headers: [("X-Trace-Id", "7f3a")], credentials: false)
        case .simple: Request(method: "GET", path: "/orders", headers: [], credentials: false)
        case .noAllowOrigin: Request(method: "POST", path: "/orders", headers: [("Content-Type", "text/plain")], credentials: false)
        case .credentialsWildcard: Request(method: "GET", path: "/me", headers: [], credentials: true)
        }
    }

    static func policy(_ v: Variant) -> Policy {
        switch v {
        case .preflight, .simple: Policy(allowOrigin: origin, allowHeaders: ["x-trace-id"], allowCredentials: false)
        case .preflightDenied: Policy(allowOrigin: origin, allowHeaders: ["content-type"], allowCredentials: false)
        case .noAllowOrigin: Policy(allowOrigin: nil, allowHeaders: [], allowCredentials: false)
        case .credentialsWildcard: Policy(allowOrigin: "*", allowHeaders: [], allowCredentials: true)
        }
    }

    /// Fetch Standard "CORS-safelisted method": GET, HEAD, POST.
    static func safelistedMethod(_ m: String) -> Bool { ["GET", "HEAD", "POST"].contains(m) }

    /// Fetch Standard "CORS-safelisted request-header" (the common ones): Accept,
    /// Accept-Language, Content-Language, and Content-Type with a form's three MIME types.
    static func safelistedHeader(_ name: String, _ value: String) -> Bool {
        switch name.lowercased() {
        case "accept", "accept-language", "content-language": true
        case "content-type": ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"].contains(value.lowercased())
        default: false
        }
    }

    /// The names of the headers that are not safelisted, lower-cased and sorted, as the
    /// preflight lists them (Fetch "CORS-unsafe request-header names").
    static func unsafeHeaderNames(_ r: Request) -> [String] {
        r.headers.filter { !safelistedHeader($0.0, $0.1) }.map { $0.0.lowercased() }.sorted()
    }

    /// Fetch §4.8: a preflight is needed for a method that is not safelisted or any unsafe header.
    static func needsPreflight(_ r: Request) -> Bool { !safelistedMethod(r.method) || !unsafeHeaderNames(r).isEmpty }

    /// Fetch "CORS check": with credentials, `*` fails and Allow-Credentials must be `true`.
    static func corsCheck(allowOrigin: String?, allowCredentials: Bool, credentials: Bool) -> Bool {
        guard let allowOrigin else { return false }
        if !credentials && allowOrigin == "*" { return true }
        if allowOrigin != origin { return false }
        return !credentials || allowCredentials
    }

    static func simulate(_ v: Variant, scene: String, _ options: SceneOptions) throws -> Trace {
        let ex = try exchange(v, scene: scene, options)
        var trace = ex.run()
        trace.scaleNote = Words.legend
        trace.stateNames = Words.stateNames
        return trace
    }

    /// The exchange before it runs (the tests read its arrivals and their headers).
    static func exchange(_ v: Variant, scene: String, _ options: SceneOptions) throws -> Exchange {
        try TCPScene.checkShared(options)
        let rtt = options.rtt ?? 100
        let ex = Exchange(scene: scene, lanes: [script, browser, server], drops: options.drops) { a, b in
            a == server || b == server ? rtt / 2 : 1
        }
        ex.onWire = { a, b in a == server || b == server }
        // The connection below is TCP: a lost request or response is sent again after the RTO.
        let recovery = Exchange.Recovery(after: max(1000, 3 * rtt), narration: Words.retransmitted)
        let req = request(v), pol = policy(v)
        // The browser adds Origin (and, with credentials, the cookie) to what the script asked for.
        let actual = ExchangeMessage(req.method, detail: req.path + (req.credentials ? " Origin, Cookie" : " Origin: app.example"), role: .data, narration: Words.actual(req),
                                     info: ["origin": origin])

        ex.send(ExchangeMessage("fetch", detail: Words.fetchDetail(req), role: .open, narration: Words.fetch(req)), from: script, to: browser)
        ex.onArrival = { a, ex in
            switch (a.to, a.message.kind) {
            case (browser, "fetch"):
                if needsPreflight(req) {
                    ex.note(browser, Words.needsPreflight(req, unsafe: unsafeHeaderNames(req)))
                    ex.send(ExchangeMessage("OPTIONS", detail: req.path, role: .open, narration: Words.preflight(req, unsafe: unsafeHeaderNames(req)),
                                            info: ["origin": origin, "access-control-request-method": req.method,
                                                   "access-control-request-headers": unsafeHeaderNames(req).joined(separator: ",")]),
                            from: browser, to: server, after: 1, recovery: recovery)
                } else {
                    ex.note(browser, Words.simple(req))
                    ex.send(actual, from: browser, to: server, after: 1, recovery: recovery)
                }
            case (server, "OPTIONS"):
                let headers = pol.allowHeaders.joined(separator: ",")
                ex.send(ExchangeMessage("204", detail: "Allow-Headers: \(headers)", role: .ack, narration: Words.preflightReply(pol, req),
                                        info: ["access-control-allow-origin": pol.allowOrigin ?? "", "access-control-allow-methods": req.method,
                                               "access-control-allow-headers": headers]),
                        from: server, to: browser, recovery: recovery)
            case (browser, "204"):
                // Fetch §4.8: the preflight passes the CORS check, and every unsafe header is allowed.
                let allowed = Set((a.message.info["access-control-allow-headers"] ?? "").split(separator: ",").map(String.init))
                let origin = a.message.info["access-control-allow-origin"].flatMap { $0.isEmpty ? nil : $0 }
                let missing = unsafeHeaderNames(req).filter { !allowed.contains($0) }
                if corsCheck(allowOrigin: origin, allowCredentials: false, credentials: false) && missing.isEmpty {
                    ex.state(browser, "preflight-ok", Words.preflightPassed)
                    ex.send(actual, from: browser, to: server, after: 1, recovery: recovery)
                } else {
                    ex.state(browser, "blocked", Words.preflightFailed(missing))
                    ex.send(reject(Words.rejectedPreflight), from: browser, to: script, after: 1)
                }
            case (server, req.method):
                ex.state(server, req.method == "POST" ? "order-created" : "served", Words.processed(req))
                let detail = pol.allowOrigin.map { "Allow-Origin: \($0 == origin ? "app.example" : $0)" + (pol.allowCredentials ? " +Cred" : "") }
                    ?? "(no Allow-Origin)"
                let status = req.method == "POST" ? "201" : "200"
                ex.send(ExchangeMessage(status, detail: detail, role: .ack, narration: Words.response(pol, status: status),
                                        info: ["access-control-allow-origin": pol.allowOrigin ?? "",
                                               "access-control-allow-credentials": pol.allowCredentials ? "true" : ""]),
                        from: server, to: browser, after: 1, recovery: recovery)
            case (browser, "200"), (browser, "201"):
                let o = a.message.info["access-control-allow-origin"].flatMap { $0.isEmpty ? nil : $0 }
                let creds = a.message.info["access-control-allow-credentials"] == "true"
                if corsCheck(allowOrigin: o, allowCredentials: creds, credentials: req.credentials) {
                    ex.state(browser, "cors-ok", Words.checkPassed)
                    ex.send(ExchangeMessage("resolve", detail: "Response \(a.message.kind)", role: .ack, narration: Words.resolved), from: browser, to: script, after: 1)
                } else {
                    ex.state(browser, "blocked", o == nil ? Words.noAllowOrigin : Words.wildcardWithCredentials)
                    ex.send(reject(Words.rejectedResponse), from: browser, to: script, after: 1)
                }
            case (script, "reject"):
                ex.note(script, Words.scriptSeesError(v))
            case (script, "resolve"):
                ex.note(script, Words.scriptReads(v, rtt: rtt, now: ex.now))
            default: break
            }
        }
        return ex
    }

    static func reject(_ narration: Localized) -> ExchangeMessage {
        ExchangeMessage("reject", detail: "TypeError", role: .reset, narration: narration)
    }
}
