import TutorCore

extension CORSFetch {
    /// What the CORS scenes say, with the Fetch Standard section each sentence rests on.
    enum Words {
        static let legend = Localized(
            ko: "페이지 https://app.example의 스크립트가 https://api.example을 fetch합니다. 검사는 서버가 아니라 브라우저가 합니다.",
            en: "A script on https://app.example fetches from https://api.example. The browser, not the server, does the checking.")

        static let stateNames = [
            "preflight-ok": Localized(ko: "preflight 통과", en: "preflight ok"),
            "cors-ok": Localized(ko: "CORS 검사 통과", en: "CORS check ok"),
            "blocked": Localized(ko: "차단", en: "blocked"),
            "order-created": Localized(ko: "주문 생성됨", en: "order created"),
            "served": Localized(ko: "응답 보냄", en: "served"),
        ]

        static func fetchDetail(_ r: Request) -> String {
            var d = "\(r.method) \(r.path)"
            if let h = r.headers.first { d += " \(h.0 == "Content-Type" ? h.1 : h.0)" }
            if r.credentials { d += " +cookies" }
            return d
        }

        static func fetch(_ r: Request) -> Localized {
            if r.credentials {
                return Localized(ko: "스크립트가 credentials: \"include\"로 fetch(\"https://api.example/me\")를 부릅니다. 다른 출처이므로 CORS 요청이고, 쿠키를 함께 보냅니다.",
                                 en: "The script calls fetch(\"https://api.example/me\") with credentials: \"include\": a cross-origin request that carries the cookies.")
            }
            if let h = r.headers.first {
                return Localized(ko: "스크립트가 다른 출처로 fetch(\"https://api.example\(r.path)\", {method: \"\(r.method)\"})를 부르며 \(h.0): \(h.1) 헤더를 붙입니다.",
                                 en: "The script calls fetch(\"https://api.example\(r.path)\", {method: \"\(r.method)\"}) on another origin, setting \(h.0): \(h.1).")
            }
            return Localized(ko: "스크립트가 다른 출처로 fetch(\"https://api.example\(r.path)\")를 부릅니다. 헤더는 따로 붙이지 않습니다.",
                             en: "The script calls fetch(\"https://api.example\(r.path)\") on another origin, with no headers of its own.")
        }

        static func needsPreflight(_ r: Request, unsafe: [String]) -> Localized {
            Localized(ko: "\(unsafe.joined(separator: ", ")) 헤더는 CORS-safelisted 헤더가 아닙니다. 그래서 브라우저는 요청을 보내기 전에 먼저 허락을 구해야 합니다(Fetch 표준 4.8절, CORS-preflight fetch).",
                      en: "\(unsafe.joined(separator: ", ")) is not a CORS-safelisted request-header, so the browser must ask permission before it sends the request (Fetch Standard Section 4.8, CORS-preflight fetch).")
        }

        static func preflight(_ r: Request, unsafe: [String]) -> Localized {
            Localized(ko: "preflight: OPTIONS에 Origin: \(origin), Access-Control-Request-Method: \(r.method), Access-Control-Request-Headers: \(unsafe.joined(separator: ","))를 담습니다. 쿠키는 보내지 않습니다(Fetch 표준 4.8절).",
                      en: "The preflight: an OPTIONS carrying Origin: \(origin), Access-Control-Request-Method: \(r.method) and Access-Control-Request-Headers: \(unsafe.joined(separator: ",")). No cookies (Fetch Standard Section 4.8).")
        }

        static func simple(_ r: Request) -> Localized {
            r.headers.isEmpty && !r.credentials || r.credentials
                ? Localized(ko: "\(r.method)이고 따로 붙인 헤더가 없으니 simple request입니다. preflight 없이 Origin 헤더만 더해 바로 보냅니다(Fetch 표준 3.2.2절).",
                            en: "\(r.method) with no headers of its own is a simple request: it goes at once, with an Origin header and no preflight (Fetch Standard Section 3.2.2).")
                : Localized(ko: "POST에 Content-Type: text/plain은 HTML form도 보낼 수 있는 요청이라 CORS-safelisted입니다. preflight 없이 바로 보냅니다.",
                            en: "A POST with Content-Type: text/plain is what an HTML form could send anyway: safelisted, so it goes at once, without a preflight.")
        }

        static func preflightReply(_ p: Policy, _ r: Request) -> Localized {
            Localized(ko: "서버가 OPTIONS에 204로 답합니다: Access-Control-Allow-Origin: \(p.allowOrigin ?? "-"), -Allow-Methods: \(r.method), -Allow-Headers: \(p.allowHeaders.joined(separator: ",")), -Max-Age: 600(Fetch 표준 3.2.3절).",
                      en: "The server answers the OPTIONS with 204: Access-Control-Allow-Origin: \(p.allowOrigin ?? "-"), -Allow-Methods: \(r.method), -Allow-Headers: \(p.allowHeaders.joined(separator: ",")), -Max-Age: 600 (Fetch Standard Section 3.2.3).")
        }

        static let preflightPassed = Localized(
            ko: "preflight 응답이 출처, 메서드, 헤더를 모두 허락합니다. 이제야 브라우저가 실제 요청을 보냅니다. Max-Age 동안은 같은 요청에 preflight를 다시 하지 않습니다(Fetch 표준 4.9절).",
            en: "The preflight response allows the origin, the method and the header. Only now does the browser send the request itself; for Max-Age seconds it will not ask again (Fetch Standard Section 4.9).")

        static func preflightFailed(_ missing: [String]) -> Localized {
            Localized(ko: "Access-Control-Allow-Headers에 \(missing.joined(separator: ", "))가 없습니다. preflight가 실패했으니 브라우저는 실제 요청을 보내지 않습니다(Fetch 표준 4.8절).",
                      en: "Access-Control-Allow-Headers does not list \(missing.joined(separator: ", ")). The preflight failed, so the browser never sends the request itself (Fetch Standard Section 4.8).")
        }

        static func actual(_ r: Request) -> Localized {
            r.credentials
                ? Localized(ko: "GET /me에 Origin과 쿠키(Cookie: sid=…)가 실려 갑니다.", en: "GET /me goes with an Origin header and the cookie (Cookie: sid=…).")
                : Localized(ko: "실제 요청 \(r.method) \(r.path)가 Origin: \(origin)\(r.headers.first.map { "과 \($0.0)" } ?? "")를 싣고 갑니다.",
                            en: "The request itself, \(r.method) \(r.path), goes with Origin: \(origin)\(r.headers.first.map { " and \($0.0)" } ?? "").")
        }

        static func processed(_ r: Request) -> Localized {
            r.method == "POST"
                ? Localized(ko: "서버가 요청을 처리해 주문을 만들었습니다. 이 부수 효과는 CORS와 상관없이 이미 일어났습니다.",
                            en: "The server processes the request and creates the order. That side effect has happened, whatever CORS decides later.")
                : Localized(ko: "서버가 요청을 처리하고 응답을 만듭니다. CORS를 검사하는 것은 서버가 아닙니다.",
                            en: "The server processes the request and builds the response. Checking CORS is not the server's job.")
        }

        static func response(_ p: Policy, status: String) -> Localized {
            switch p.allowOrigin {
            case nil:
                Localized(ko: "\(status) 응답에 Access-Control-Allow-Origin이 없습니다. 서버는 CORS를 설정하지 않았습니다.",
                          en: "The \(status) response carries no Access-Control-Allow-Origin: the server has no CORS set up.")
            case "*":
                Localized(ko: "\(status) 응답에 사용자 정보와 Access-Control-Allow-Origin: *, Access-Control-Allow-Credentials: true가 실려 옵니다.",
                          en: "The \(status) response carries the user's data with Access-Control-Allow-Origin: * and Access-Control-Allow-Credentials: true.")
            default:
                Localized(ko: "\(status) 응답이 Access-Control-Allow-Origin: \(origin)과 Vary: Origin을 싣고 옵니다(Fetch 표준 3.2.3절).",
                          en: "The \(status) response carries Access-Control-Allow-Origin: \(origin) and Vary: Origin (Fetch Standard Section 3.2.3).")
            }
        }

        static let checkPassed = Localized(
            ko: "CORS 검사: Access-Control-Allow-Origin이 페이지의 출처와 같습니다. 브라우저가 응답을 스크립트에 넘깁니다.",
            en: "CORS check: Access-Control-Allow-Origin matches the page's origin, so the browser hands the response to the script.")
        static let noAllowOrigin = Localized(
            ko: "CORS 검사 실패: Access-Control-Allow-Origin이 없습니다. 응답은 브라우저까지 왔지만 스크립트에는 넘기지 않습니다. 이유는 콘솔에만 적힙니다.",
            en: "CORS check failed: no Access-Control-Allow-Origin. The response has reached the browser, but the script does not get it; the reason goes to the console only.")
        static let wildcardWithCredentials = Localized(
            ko: "CORS 검사 실패: 쿠키를 보낸 요청에는 *가 통하지 않습니다. 출처를 정확히 적어야 합니다(Fetch 표준 3.2.5절).",
            en: "CORS check failed: for a request with credentials, * does not count; the exact origin must be named (Fetch Standard Section 3.2.5).")
        static let rejectedPreflight = Localized(
            ko: "fetch의 promise가 TypeError로 거부됩니다. 스크립트는 무엇이 빠졌는지 알 수 없습니다.",
            en: "fetch's promise rejects with a TypeError; the script cannot tell what was missing.")
        static let rejectedResponse = Localized(
            ko: "fetch의 promise가 TypeError로 거부됩니다. 스크립트가 보는 것은 네트워크 오류 하나뿐입니다.",
            en: "fetch's promise rejects with a TypeError: all the script sees is a network error.")
        static let resolved = Localized(
            ko: "fetch의 promise가 Response로 이행됩니다. 스크립트가 본문을 읽을 수 있습니다.",
            en: "fetch's promise resolves with the Response: the script can read the body.")
        static let retransmitted = Localized(
            ko: "TCP가 ACK를 받지 못해 재전송 타이머(RTO)가 끝난 뒤 같은 바이트를 다시 보냅니다(RFC 6298 5.4절). CORS와는 상관없습니다.",
            en: "No ACK came, so TCP sends the same bytes again when its retransmission timer expires (RFC 6298 Section 5.4). CORS has no part in it.")

        static func scriptSeesError(_ v: Variant) -> Localized {
            switch v {
            case .preflightDenied:
                Localized(ko: "서버에는 OPTIONS만 닿았고 POST는 한 번도 가지 않았습니다. preflight가 막는 것은 요청 자체입니다.",
                          en: "Only the OPTIONS reached the server; the POST was never sent. A preflight stops the request itself.")
            case .credentialsWildcard:
                Localized(ko: "서버는 쿠키로 사용자를 알아보고 정보를 보냈지만 브라우저가 막았습니다. 고치려면 서버가 출처를 정확히 적어야 합니다.",
                          en: "The server recognised the user by the cookie and sent the data; the browser withheld it. The fix is on the server: name the exact origin.")
            default:
                Localized(ko: "주문은 서버에 만들어졌는데 스크립트는 실패로 압니다. CORS는 읽기를 막을 뿐 요청을 막지 않습니다. 그래서 CSRF 방어가 아닙니다.",
                          en: "The order exists on the server, yet the script sees a failure. CORS blocks the reading, not the request: that is why it is no CSRF defence.")
            }
        }

        static func scriptReads(_ v: Variant, rtt: Double, now: Double) -> Localized {
            let rounds = v == .preflight ? 2 : 1
            return Localized(ko: "스크립트가 응답을 읽습니다. 서버까지 \(rounds)번 왕복해 약 \(Int(now)) ms가 걸렸습니다\(rounds == 2 ? ". preflight가 왕복 하나를 더했습니다" : "").",
                             en: "The script reads the response after \(rounds) round trip\(rounds == 2 ? "s" : "") to the server, about \(Int(now)) ms\(rounds == 2 ? ": the preflight cost one of them" : "").")
        }
    }
}
