import TutorCore

extension DNSResolution {
    /// What the DNS scenes say, with the RFC section each step rests on.
    enum Words {
        static func legend(_ v: Variant) -> Localized {
            switch v {
            case .truncated:
                Localized(ko: "스텁은 EDNS(0)를 쓰지 않아 UDP 답이 512바이트로 제한됩니다. 리졸버는 서버에 EDNS로 1232바이트까지 받겠다고 알립니다.",
                          en: "The stub uses no EDNS(0), so its UDP answers are limited to 512 bytes; the resolver offers servers 1232 bytes with EDNS.")
            default:
                Localized(ko: "질의는 UDP 53번 포트로 갑니다. 리졸버는 2초, 스텁은 5초 안에 답이 없으면 다시 묻습니다. 캐시는 리졸버에만 있습니다.",
                          en: "Queries go over UDP port 53. The resolver asks again after 2 s without an answer, the stub after 5 s; only the resolver caches.")
            }
        }

        static let stateNames = [
            "referral-cached": Localized(ko: "NS 캐시", en: "NS cached"),
            "answer-cached": Localized(ko: "답 캐시", en: "cached"),
            "negative-cached": Localized(ko: "부정 캐시", en: "neg. cached"),
        ]

        /// A server lane as the sentences name it.
        static func serverKo(_ lane: String) -> String { ["root": "루트 서버", "TLD": "TLD 서버"][lane] ?? "권한 서버" }
        static func serverEn(_ lane: String) -> String { ["root": "root server", "TLD": "TLD server"][lane] ?? "authoritative server" }

        static func stubQuery(_ name: String, _ type: String, _ v: Variant) -> Localized {
            let why: Localized = switch v {
            case .nxdomain: Localized(ko: " 주소창에 w를 하나 더 쳤습니다.", en: " Someone typed one w too many.")
            case .truncated: Localized(ko: " 메일 설정과 도메인 인증에 쓰는 TXT 레코드를 묻습니다.", en: " It asks for the TXT records used for mail settings and domain verification.")
            default: Localized(ko: "", en: "")
            }
            // getaddrinfo() asks only for addresses; other types go through the resolver library.
            let api = type == "A" || type == "AAAA" ? "getaddrinfo()" : "res_query()"
            return Localized(
                ko: "애플리케이션이 \(api)로 \(name.dropLast())의 \(type) 레코드를 찾습니다. OS의 스텁 리졸버는 트리를 따라가지 않고, 설정된 리졸버 하나에 RD(재귀 요청) 비트를 켠 질의를 UDP 53번으로 보냅니다(RFC 1034 5.3.1절, RFC 1035 4.1.1절)." + why.ko,
                en: "An application calls \(api) for the \(type) record of \(name.dropLast()). The OS's stub resolver does not walk the tree: it sends one query with the RD (recursion desired) bit set to its configured resolver, over UDP port 53 (RFC 1034 Section 5.3.1, RFC 1035 Section 4.1.1)." + why.en)
        }
        static func cacheMiss(_ name: String) -> Localized {
            Localized(ko: "리졸버의 캐시에 \(name.dropLast())\(josa(label: String(name.dropLast()), "이")) 없습니다. 아는 서버 가운데 이 이름에 가장 가까운 곳부터 묻습니다. 처음에는 설정 파일의 루트 힌트뿐입니다(RFC 1034 5.3.3절 2단계).",
                      en: "\(name.dropLast()) is not in the resolver's cache. It asks the closest servers it knows for this name; at first those are only the root hints it was configured with (RFC 1034 Section 5.3.3, step 2).")
        }
        static func iterative(_ lane: String, _ name: String, edns: Bool) -> Localized {
            let e = edns ? Localized(ko: " EDNS(0) OPT 레코드로 UDP 답을 1232바이트까지 받겠다고 알립니다(RFC 6891).", en: " An EDNS(0) OPT record offers to take UDP answers up to 1232 bytes (RFC 6891).") : Localized(ko: "", en: "")
            return Localized(
                ko: "\(serverKo(lane))에 반복 질의를 보냅니다. RD 비트가 꺼져 있어 \"아는 만큼만 답하라\"는 뜻입니다(RFC 1034 4.3.1절)." + e.ko,
                en: "An iterative query to the \(serverEn(lane)): the RD bit is clear, meaning \"tell me what you know\" (RFC 1034 Section 4.3.1)." + e.en)
        }
        static func referral(from lane: String, zone: String, ns: String, glue: String) -> Localized {
            Localized(
                ko: "\(serverKo(lane))는 답을 모르지만 \(zone) 존을 맡은 서버를 압니다. 권한 섹션에 NS \(ns)\(josa(label: ns, "을")), 추가 섹션에 그 주소(A \(glue), glue)를 담아 아래로 안내합니다. 주소가 없으면 그 이름을 또 찾아야 합니다(RFC 1034 4.2.1절, 4.3.2절).",
                en: "The \(serverEn(lane)) does not know the answer but knows who serves \(zone): NS \(ns) in the authority section and its address (A \(glue), the glue) in the additional section. Without the address the resolver would have to look that name up first (RFC 1034 Sections 4.2.1, 4.3.2).")
        }
        static func referralCached(_ zone: String, ns: String, glue: String) -> Localized {
            Localized(ko: "리졸버가 \(zone)의 NS와 glue 주소를 캐시합니다. 다음에 \(zone) 아래 이름을 찾을 때는 그 위 단계들을 건너뜁니다(RFC 1034 5.3.3절 4단계 b).",
                      en: "The resolver caches the NS and glue address of \(zone); its next lookup under \(zone) skips the levels above (RFC 1034 Section 5.3.3, step 4b).")
        }
        static func authoritative(_ r: DNSResult) -> Localized {
            if let target = r.cname {
                return Localized(ko: "권한 서버의 답은 별칭입니다: \(target.dropLast())\(josa(label: String(target.dropLast()), "이")) 정식 이름(canonical name)입니다. 이 서버에는 그 존이 없어 A 레코드는 함께 오지 않습니다(RFC 1034 3.6.2절).",
                                 en: "The authoritative server answers with an alias: \(target.dropLast()) is the canonical name. That zone is not on this server, so no A record comes with it (RFC 1034 Section 3.6.2).")
            }
            if r.bytes > udpLimit {
                return Localized(ko: "권한 서버가 TXT 레코드 여섯 개(약 \(r.bytes)바이트)를 보냅니다. 리졸버가 EDNS로 1232바이트까지 받겠다고 했으니 UDP 한 데이터그램에 들어갑니다.",
                                 en: "The authoritative server sends six TXT records, about \(r.bytes) bytes: the resolver offered 1232 bytes with EDNS, so they fit in one UDP datagram.")
            }
            return Localized(ko: "권한 서버가 답합니다. AA(권한 있는 답) 비트가 켜져 있고, TTL \(r.ttl)초 동안 캐시해도 된다고 알립니다(RFC 1035 4.1.1절, 3.2.1절).",
                             en: "The authoritative server answers with the AA (authoritative answer) bit set and a TTL: the record may be cached for \(r.ttl) s (RFC 1035 Sections 4.1.1, 3.2.1).")
        }
        static let nxdomainFromAuth = Localized(
            ko: "그런 이름은 이 존에 없습니다. 응답 코드 3(NXDOMAIN)과 함께 권한 섹션에 존의 SOA를 넣습니다. SOA의 MINIMUM과 SOA 자신의 TTL 가운데 작은 값이 부정 답의 수명입니다(RFC 2308 3절, 5절).",
            en: "No such name in the zone: response code 3 (NXDOMAIN), with the zone's SOA in the authority section. The smaller of the SOA's MINIMUM and its own TTL is how long the negative answer lives (RFC 2308 Sections 3 and 5).")
        static func cached(_ r: DNSResult) -> Localized {
            if r.negative {
                return Localized(ko: "리졸버가 \"이 이름은 없다\"는 답을 \(r.ttl)초 동안 캐시합니다(네거티브 캐시, RFC 2308 5절). 그동안 같은 질문에는 서버에 묻지 않고 답합니다.",
                                 en: "The resolver caches \"this name does not exist\" for \(r.ttl) s (negative caching, RFC 2308 Section 5): meanwhile it answers the same question without asking anyone.")
            }
            return Localized(ko: "리졸버가 이 레코드를 TTL \(r.ttl)초 동안 캐시합니다. 시간이 지나면 남은 TTL이 줄어듭니다(RFC 1035 3.2.1절).",
                             en: "The resolver caches the record for its TTL, \(r.ttl) s; the TTL left counts down as time passes (RFC 1035 Section 3.2.1).")
        }
        static func restartAtCanonical(_ target: String) -> Localized {
            Localized(ko: "별칭을 받은 리졸버는 질문의 이름을 \(target.dropLast())로 바꿔 처음부터 다시 찾습니다(RFC 1034 5.3.3절 3단계 c, 3.6.2절). 캐시에 net.의 서버가 없으니 가장 가까운 출발점은 다시 루트입니다.",
                      en: "Given an alias, the resolver changes the name it looks for to \(target.dropLast()) and starts over (RFC 1034 Section 5.3.3, step 3c; Section 3.6.2). Its cache knows no servers for net., so the closest place to start is the root again.")
        }
        static func answerToStub(_ r: DNSResult, remaining: Int, tcp: Bool) -> Localized {
            if tcp {
                return Localized(ko: "이번에는 TCP라 크기 제한이 없습니다. 리졸버는 캐시에 있는 TXT 레코드 전부를 보냅니다. TCP에서는 메시지 앞에 2바이트 길이가 붙습니다(RFC 1035 4.2.2절).",
                                 en: "Over TCP there is no such limit: the resolver sends all the TXT records from its cache, each message prefixed with a two-byte length (RFC 1035 Section 4.2.2).")
            }
            if r.text.hasPrefix("CNAME+") {
                return Localized(ko: "리졸버가 CNAME과 정식 이름의 A 레코드를 함께 돌려줍니다. 스텁은 사슬 전체를 한 번에 받습니다(RFC 1034 3.6.2절).",
                                 en: "The resolver returns the CNAME together with the canonical name's A record: the stub gets the whole chain at once (RFC 1034 Section 3.6.2).")
            }
            return Localized(ko: "리졸버가 RA(재귀 가능) 비트를 켜고 최종 답을 스텁에 돌려줍니다. TTL은 남은 시간입니다: \(remaining)초(RFC 1034 4.3.1절).",
                             en: "The resolver returns the final answer to the stub with the RA (recursion available) bit set; its TTL is the time left, \(remaining) s (RFC 1034 Section 4.3.1).")
        }
        static func nxdomainToStub(_ remaining: Int) -> Localized {
            Localized(ko: "리졸버가 스텁에 \"이름 없음\"을 전합니다. SOA도 함께 보내며 그 TTL은 부정 캐시에 남은 시간, \(remaining)초입니다(RFC 2308 5절).",
                      en: "The resolver tells the stub the name does not exist, with the SOA whose TTL is the time left in the negative cache: \(remaining) s (RFC 2308 Section 5).")
        }
        static func fromCache(_ r: DNSResult, remaining: Int) -> Localized {
            Localized(ko: "캐시에 있습니다. 리졸버는 아무 서버에도 묻지 않고 바로 답합니다. 저장한 TTL \(r.ttl)초에서 지난 시간만큼 뺀 \(remaining)초가 남았습니다(RFC 1035 3.2.1절).",
                      en: "It is in the cache: the resolver asks no server and answers at once. Of the \(r.ttl) s TTL it stored, \(remaining) s are left after the time that has passed (RFC 1035 Section 3.2.1).")
        }
        static let alreadyResolving = Localized(
            ko: "같은 질문을 이미 찾는 중입니다. 리졸버는 새로 묻지 않고 진행 중인 답을 기다립니다.",
            en: "It is already resolving this question: the resolver waits for the lookup in progress instead of starting another.")
        static let secondLookup = Localized(
            ko: "30초 뒤 다른 프로그램이 같은 이름을 찾습니다. 스텁은 캐시가 없어(glibc처럼) 다시 리졸버에 묻습니다.",
            en: "Thirty seconds later another program looks up the same name. The stub keeps no cache (like glibc's), so it asks the resolver again.")
        static func noAnswer(_ lane: String, after: Double) -> Localized {
            Localized(ko: "\(Int(after / 1000))초가 지나도 \(serverKo(lane))의 답이 없습니다. UDP는 잃어버린 데이터그램을 되살리지 않으므로 리졸버가 직접 다시 묻습니다(RFC 1035 4.2.1절: 재전송 간격은 최소 2~5초).",
                      en: "\(Int(after / 1000)) s and no answer from the \(serverEn(lane)). UDP does not recover a lost datagram, so the resolver itself asks again (RFC 1035 Section 4.2.1: a retransmission interval of at least 2-5 s).")
        }
        static func askAgain(_ lane: String) -> Localized {
            Localized(ko: "같은 질의를 \(serverKo(lane))에 다시 보냅니다. 실제 리졸버는 이때 같은 존의 다른 서버를 고르기도 합니다(RFC 1034 5.3.3절).",
                      en: "The same query goes to the \(serverEn(lane)) again; a real resolver may pick another server of the same zone here (RFC 1034 Section 5.3.3).")
        }
        static func resolverGivesUp(_ lane: String) -> Localized {
            Localized(ko: "\(serverKo(lane))가 \(maxTries)번 모두 답하지 않았습니다. 리졸버가 포기합니다.",
                      en: "The \(serverEn(lane)) did not answer any of \(maxTries) tries: the resolver gives up.")
        }
        static let servfail = Localized(
            ko: "리졸버가 답을 얻지 못해 SERVFAIL(응답 코드 2)을 돌려줍니다(RFC 1035 4.1.1절).",
            en: "The resolver could not get an answer and returns SERVFAIL (response code 2, RFC 1035 Section 4.1.1).")
        static let stubAsksAgain = Localized(
            ko: "5초 안에 답이 없어 스텁이 같은 질의를 다시 보냅니다(resolv.conf의 timeout 기본값).",
            en: "No answer within 5 s: the stub sends the same query again (resolv.conf's default timeout).")
        static let stubGivesUp = Localized(
            ko: "스텁이 포기합니다. getaddrinfo()는 오류를 돌려줍니다.", en: "The stub gives up: getaddrinfo() returns an error.")
        static func truncated(_ bytes: Int) -> Localized {
            Localized(ko: "답은 약 \(bytes)바이트인데 스텁은 EDNS를 쓰지 않았으니 UDP로는 512바이트까지만 보낼 수 있습니다. 리졸버는 들어가는 만큼만 넣고 TC(잘림) 비트를 켭니다(RFC 1035 4.2.1절, 4.1.1절).",
                      en: "The answer is about \(bytes) bytes, but the stub used no EDNS, so UDP carries at most 512 bytes: the resolver sends what fits and sets the TC (truncated) bit (RFC 1035 Sections 4.2.1, 4.1.1).")
        }
        static let retryOverTCP = Localized(
            ko: "잘린 답은 쓰지 않습니다. 스텁은 같은 질의를 TCP 53번으로 다시 보내려고 연결을 엽니다(RFC 7766 5절: DNS 구현은 TCP를 반드시 지원).",
            en: "A truncated answer is not used: the stub opens a connection to send the same query over TCP port 53 (RFC 7766 Section 5: every DNS implementation must support TCP).")
        static let tcpOpen = Localized(
            ko: "TCP 53번으로 3-way 핸드셰이크를 시작합니다. UDP 한 번이면 끝났을 일에 1 RTT가 더 듭니다(RFC 9293 3.5절).",
            en: "A 3-way handshake to TCP port 53: one more round trip than the single UDP exchange (RFC 9293 Section 3.5).")
        static let synAck = Localized(ko: "리졸버가 TCP 연결을 받아들입니다.", en: "The resolver accepts the TCP connection.")
        static let tcpAck = Localized(ko: "연결이 열렸습니다. 스텁은 곧바로 질의를 보냅니다.", en: "The connection is open; the stub sends its query right away.")
        static let queryOverTCP = Localized(
            ko: "같은 질의를 TCP로 보냅니다. 메시지 앞에 2바이트 길이 필드가 붙습니다(RFC 1035 4.2.2절).",
            en: "The same query over TCP, prefixed with a two-byte length field (RFC 1035 Section 4.2.2).")

        static func stubDone(_ m: ExchangeMessage, lookup: Int) -> Localized {
            switch (m.kind, lookup) {
            case ("NXDOMAIN", 1):
                Localized(ko: "getaddrinfo()가 \"이름 없음\" 오류를 돌려줍니다.", en: "getaddrinfo() returns \"no such name\".")
            case ("NXDOMAIN", _):
                Localized(ko: "이번에는 리졸버의 부정 캐시가 답했습니다. 권한 서버까지 간 질의는 없고, 그사이 누군가 이 이름을 만들어도 캐시가 끝날 때까지는 보이지 않습니다(RFC 2308 5절).",
                          en: "This time the resolver's negative cache answered: no query went out, and a name created meanwhile stays invisible until that entry expires (RFC 2308 Section 5).")
            case (_, 1) where m.label.contains("TXT"):
                Localized(ko: "스텁이 TXT 레코드 여섯 개를 잘리지 않은 채 받았습니다. UDP에 들어가는 답보다 2 RTT가 더 들었습니다. TCP 핸드셰이크와 TCP로 다시 보낸 질의입니다.",
                          en: "The stub has all six TXT records, whole; it cost two round trips more than an answer that fits in UDP: the TCP handshake and the query again over TCP.")
            case (_, 1):
                Localized(ko: "스텁이 답을 받았습니다. 애플리케이션은 이제 이 주소로 연결합니다.", en: "The stub has its answer; the application can now connect to the address.")
            default:
                Localized(ko: "두 번째 조회는 리졸버 캐시에서 끝났습니다: 루트, TLD, 권한 서버로 간 질의가 없고, TTL은 지난 30초만큼 줄었습니다.",
                          en: "The second lookup ended at the resolver's cache: no query to the root, TLD or authoritative server, and the TTL is 30 s smaller.")
            }
        }
    }
}
