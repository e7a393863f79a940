import TutorCore

extension WebSocketSession {
    /// What the real-time scenes say, with the RFC section each sentence rests on. No sentence
    /// names a message before it is sent (predict mode).
    enum Words {
        static func legend(_ v: Variant) -> Localized {
            switch v {
            case .proxyIdle:
                Localized(ko: "클라이언트와 서버 사이에 리버스 프록시가 있습니다. 프록시의 유휴 제한은 60초입니다.",
                          en: "A reverse proxy sits between client and server; its idle limit is 60 s.")
            case .refused:
                Localized(ko: "TCP 연결은 이미 열려 있습니다. 이 서버는 WebSocket을 모르는 평범한 웹 서버입니다. RTT 100 ms.",
                          en: "The TCP connection is already open. This server is a plain web server that knows no WebSocket. RTT 100 ms.")
            default:
                Localized(ko: "TCP 연결은 이미 열려 있습니다. 서버 이벤트 두 개가 1000 ms와 1020 ms에 생깁니다. RTT 100 ms.",
                          en: "The TCP connection is already open. Two server events happen at 1000 and 1020 ms. RTT 100 ms.")
            }
        }

        static let stateNames = [
            "failed": Localized(ko: "WebSocket 실패", en: "WebSocket failed"),
            "event 1": Localized(ko: "이벤트 1", en: "event 1"),
            "event 2": Localized(ko: "이벤트 2", en: "event 2"),
        ]

        static let retransmitted = Localized(
            ko: "ACK가 오지 않아 TCP가 재전송 타이머(RTO)가 끝난 뒤 같은 바이트를 다시 보냅니다(RFC 6298 5.4절).",
            en: "No ACK came, so TCP sends the same bytes again when its retransmission timer expires (RFC 6298 Section 5.4).")

        static func upgrade(_ key: String) -> Localized {
            Localized(ko: "클라이언트가 평범한 HTTP/1.1 GET에 Upgrade: websocket, Connection: Upgrade, Sec-WebSocket-Version: 13, 그리고 무작위 16바이트를 base64로 적은 Sec-WebSocket-Key: \(key)를 담아 프로토콜 전환을 청합니다(RFC 6455 4.1절).",
                      en: "The client asks to switch protocols with an ordinary HTTP/1.1 GET: Upgrade: websocket, Connection: Upgrade, Sec-WebSocket-Version: 13, and Sec-WebSocket-Key: \(key), 16 random bytes in base64 (RFC 6455 Section 4.1).")
        }
        static let serverOpen = Localized(
            ko: "서버가 전환을 받아들입니다. 이 응답을 보내는 순간부터 서버 쪽 연결은 WebSocket입니다(RFC 6455 4.2.2절).",
            en: "The server accepts the switch: from the moment it answers, its side of the connection speaks WebSocket (RFC 6455 Section 4.2.2).")
        static func switching(_ accept: String) -> Localized {
            Localized(ko: "Switching Protocols 응답에 Sec-WebSocket-Accept: \(accept)를 담습니다. 키 뒤에 GUID 258EAFA5-E914-47DA-95CA-C5AB0DC85B11을 붙여 SHA-1을 구하고 base64로 적은 값입니다(RFC 6455 4.2.2절). 서버가 WebSocket 요청을 정말 읽었다는 증거일 뿐, 보안 장치는 아닙니다.",
                      en: "Switching Protocols, with Sec-WebSocket-Accept: \(accept): the key with the GUID 258EAFA5-E914-47DA-95CA-C5AB0DC85B11 appended, hashed with SHA-1, in base64 (RFC 6455 Section 4.2.2). It proves the server really read a WebSocket request; it is no security measure.")
        }
        static func clientOpen(_ accept: String) -> Localized {
            Localized(ko: "클라이언트가 자기 키로 같은 계산을 해 \(accept)와 맞는지 확인합니다. 맞으니 연결이 열렸습니다(RFC 6455 4.1절). 이제 같은 TCP 연결 위로 프레임이 양방향으로 오갑니다.",
                      en: "The client does the same computation with its own key and checks it matches \(accept). It does: the connection is open (RFC 6455 Section 4.1), and frames can flow both ways on the same TCP connection.")
        }
        static let clientFrame = Localized(
            ko: "클라이언트가 보내는 프레임은 모두 마스킹합니다. 4바이트 masking key로 페이로드를 XOR합니다(RFC 6455 5.3절). 클라이언트를 속여 캐시를 오염시키는 공격을 막으려는 것입니다(10.3절).",
            en: "Every frame a client sends is masked: the payload is XORed with a 4-byte masking key (RFC 6455 Section 5.3), against attacks that trick intermediaries' caches through a client (Section 10.3).")
        static func serverFrame(_ i: Int) -> Localized {
            Localized(ko: "서버는 이벤트 \(i + 1)\(josa(i + 1, "을")) 바로 밀어 넣습니다. 클라이언트가 묻지 않아도 됩니다. 서버 프레임은 마스킹하지 않습니다(RFC 6455 5.1절).",
                      en: "The server pushes event \(i + 1) at once, without being asked. A server's frames are not masked (RFC 6455 Section 5.1).")
        }
        static func eventHappens(_ i: Int) -> Localized {
            Localized(ko: "서버에서 이벤트 \(i + 1)\(josa(i + 1, "이")) 생깁니다(주문 \(7 + i) 발송). 클라이언트에 언제 닿을까요?",
                      en: "Event \(i + 1) happens on the server (order \(7 + i) shipped). When will the client learn of it?")
        }
        static func delay(_ v: Variant, _ i: Int, now: Double) -> Localized {
            let late = Int(now - events[i])
            return Localized(ko: "이벤트 \(i + 1)\(josa(i + 1, "은")) \(Int(events[i])) ms에 생겨 \(Int(now)) ms에 도착했습니다. 지연 \(late) ms.",
                             en: "Event \(i + 1) happened at \(Int(events[i])) ms and arrived at \(Int(now)) ms: \(late) ms late.")
        }
        static let ping = Localized(
            ko: "상대가 살아 있는지 확인하려고 Ping 제어 프레임을 보냅니다(RFC 6455 5.5.2절). 오래 조용한 연결을 중간 장비가 끊지 않게 하는 데도 씁니다.",
            en: "The server sends a Ping control frame to check the peer is alive (RFC 6455 Section 5.5.2); it also keeps middleboxes from dropping a quiet connection.")
        static let pong = Localized(
            ko: "Ping을 받은 쪽은 가능한 한 빨리 같은 페이로드의 Pong으로 답해야 합니다(RFC 6455 5.5.3절). 브라우저가 자동으로 하며 스크립트는 보지 못합니다.",
            en: "Whoever receives a Ping must answer with a Pong carrying the same payload, as soon as it can (RFC 6455 Section 5.5.3). The browser does it; the script never sees it.")
        static let pongArrived = Localized(ko: "Pong이 왔으니 상대는 살아 있습니다.", en: "The Pong came back: the peer is alive.")
        static let clientClose = Localized(
            ko: "스크립트가 ws.close()를 부릅니다. 클라이언트가 상태 코드 1000(정상 종료)을 담은 닫기 제어 프레임을 보냅니다(RFC 6455 5.5.1절, 7.4.1절).",
            en: "The script calls ws.close(): the client sends a closing control frame with status 1000, normal closure (RFC 6455 Sections 5.5.1 and 7.4.1).")
        static let serverGotClose = Localized(
            ko: "닫기 프레임을 받은 서버는 이제 데이터를 보내지 않고, 자기도 닫기 프레임으로 답해야 합니다(RFC 6455 5.5.1절).",
            en: "Having received a closing frame, the server sends no more data and must answer with a closing frame of its own (RFC 6455 Section 5.5.1).")
        static let serverClose = Localized(
            ko: "서버가 Close로 답합니다. 양쪽이 닫기 프레임을 주고받았으니 WebSocket 종료 핸드셰이크가 끝났습니다.",
            en: "The server answers with its Close: both sides have sent one, so the WebSocket closing handshake is complete.")
        static let clientGotClose = Localized(
            ko: "클라이언트가 서버의 닫기 프레임을 받았습니다. 이제 TCP 연결이 닫히기를 기다립니다.",
            en: "The client has the server's closing frame; it now waits for the TCP connection to close.")
        static let serverFIN = Localized(
            ko: "TCP 연결은 서버가 먼저 닫아야 합니다(RFC 6455 7.1.1절). 그래서 TIME-WAIT은 서버 쪽에 남습니다.",
            en: "The server should be the one to close the TCP connection first (RFC 6455 Section 7.1.1), so TIME-WAIT falls on the server.")
        static let clientFIN = Localized(
            ko: "클라이언트도 자기 FIN으로 답합니다. TCP는 방향마다 따로 닫히므로, 이제 양방향이 모두 닫힙니다(RFC 9293 3.6절).",
            en: "The client answers with a FIN of its own: TCP closes each direction separately, so now both are closed (RFC 9293 Section 3.6).")
        static let clientClosed = Localized(ko: "TCP까지 닫혔습니다. onclose가 code 1000, wasClean: true로 불립니다.",
                                           en: "TCP is closed too: onclose fires with code 1000, wasClean: true.")
        static let serverSeesFIN = Localized(ko: "서버 쪽 TCP 연결도 닫혔습니다.", en: "The server's side of the TCP connection is closed too.")

        static let refusedReply = Localized(
            ko: "이 서버는 WebSocket을 모릅니다. Upgrade 헤더를 무시하고 평범한 HTML 페이지로 답합니다.",
            en: "This server does not speak WebSocket: it ignores the Upgrade header and answers with an ordinary HTML page.")
        static let clientFails = Localized(
            ko: "Switching Protocols가 아닌 응답이니 클라이언트는 WebSocket 연결을 실패시켜야 합니다(RFC 6455 4.1절). WebSocket 연결을 실패시킨다는 것은 TCP 연결을 닫는다는 뜻이고(7.1.7절), 스크립트는 onerror와 code 1006의 onclose를 받습니다.",
            en: "Any answer but Switching Protocols means the client must fail the WebSocket connection (RFC 6455 Section 4.1). Failing it means closing the TCP connection (Section 7.1.7); the script gets onerror and an onclose with code 1006.")

        static let failCloses = Localized(
            ko: "WebSocket 연결을 실패시킨다는 것은 그 TCP 연결을 닫는다는 뜻입니다(RFC 6455 7.1.7절). 다음 시도는 새 연결로 합니다.",
            en: "Failing the WebSocket connection means closing its TCP connection (RFC 6455 Section 7.1.7); any retry uses a new one.")
        static let quiet = Localized(
            ko: "이제 한동안 아무도 아무것도 보내지 않습니다. 연결은 열려 있다고 양쪽 모두 믿고 있습니다.",
            en: "Now nobody sends anything for a while. Both ends believe the connection is open.")
        static let idleTimer = Localized(
            ko: "프록시는 마지막 바이트가 지나간 뒤부터 유휴 시간을 잽니다(nginx의 proxy_read_timeout 기본값 60초).",
            en: "The proxy times the silence since the last byte went through (nginx's proxy_read_timeout defaults to 60 s).")
        static let idleFires = Localized(
            ko: "60초 동안 아무 바이트도 없었습니다. 프록시가 양쪽 TCP 연결을 닫습니다. WebSocket 닫기 프레임은 없습니다.",
            en: "Sixty seconds without a byte: the proxy closes both TCP connections, with no WebSocket closing frame.")
        static func proxyCloses(_ lane: String) -> Localized {
            Localized(ko: "프록시가 \(koreanLaneName(lane)) 쪽 TCP 연결을 닫습니다.", en: "The proxy closes its TCP connection to the \(lane).")
        }
        static let abnormalClose = Localized(
            ko: "닫기 프레임 없이 TCP가 닫혔으니 onclose는 code 1006(비정상 종료)입니다(RFC 6455 7.1.5절). 30초마다 Ping을 보냈다면 연결은 살아 있었을 것입니다.",
            en: "TCP closed with no closing frame, so onclose reports code 1006, abnormal closure (RFC 6455 Section 7.1.5). A Ping every 30 s would have kept the connection alive.")

        static func poll(_ v: Variant) -> Localized {
            v == .polling
                ? Localized(ko: "polling: 클라이언트가 2초마다 새 소식이 있는지 묻습니다(RFC 6202 2절).", en: "Polling: every 2 s the client asks whether anything is new (RFC 6202 Section 2).")
                : Localized(ko: "long polling: 클라이언트가 묻고, 서버는 답할 것이 생길 때까지 응답을 붙잡아 둡니다(RFC 6202 2.1절).",
                            en: "Long polling: the client asks, and the server holds the answer until it has something to say (RFC 6202 Section 2.1).")
        }
        static let nothingNew = Localized(ko: "아직 새 소식이 없습니다. 빈 응답입니다.", en: "Nothing new yet: an empty answer.")
        static let holds = Localized(ko: "새 소식이 없으니 서버는 응답하지 않고 요청을 붙잡아 둡니다.", en: "Nothing new, so the server holds the request unanswered.")
        static func pollAnswer(_ v: Variant, _ list: [Int]) -> Localized {
            v == .polling
                ? Localized(ko: "다음 polling 요청에야 쌓여 있던 이벤트 \(list.count)개가 한꺼번에 나갑니다.", en: "Only the next poll takes the \(list.count) waiting event\(list.count == 1 ? "" : "s") along.")
                : Localized(ko: "붙잡아 둔 요청에 이벤트를 담아 바로 답합니다. 다음 이벤트를 받으려면 클라이언트가 다시 물어야 합니다.",
                            en: "The held request is answered with the event at once; for the next one the client has to ask again.")
        }
        static let sseRequest = Localized(
            ko: "new EventSource(\"/events\"): Accept: text/event-stream으로 GET을 보냅니다(HTML 표준 9.2절).",
            en: "new EventSource(\"/events\"): a GET with Accept: text/event-stream (HTML Standard Section 9.2).")
        static let sseOpen = Localized(
            ko: "서버가 Content-Type: text/event-stream으로 응답을 시작하고 본문을 끝내지 않습니다. 응답 하나가 계속 열려 있습니다.",
            en: "The server starts a response with Content-Type: text/event-stream and never ends the body: one response stays open.")
        static let sseOpened = Localized(ko: "스트림이 열렸습니다. 서버에서 클라이언트로만 흐릅니다.", en: "The stream is open, flowing from server to client only.")
        static func sseEvent(_ i: Int) -> Localized {
            Localized(ko: "열려 있는 응답 본문에 id: 줄, data: 줄, 빈 줄로 이벤트 \(i + 1)\(josa(i + 1, "을")) 씁니다. id가 있으므로 끊기면 브라우저가 마지막 id를 Last-Event-ID 헤더에 담아 다시 연결합니다(HTML 표준 9.2.3절, 9.2.6절).",
                      en: "Event \(i + 1) is written to the open response body as an id: line, a data: line and a blank line. Because it has an id, after a drop the browser reconnects sending the last id in a Last-Event-ID header (HTML Standard Sections 9.2.3 and 9.2.6).")
        }
    }
}
