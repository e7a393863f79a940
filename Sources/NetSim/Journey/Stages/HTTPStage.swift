import TutorCore

/// 6. HTTP: the request, the edge's cache, the origin, the response in slow-start rounds.
extension JourneyBuilder {
    mutating func httpStage() {
        let https = tls, version = httpVersion
        let request = version == "HTTP/2"
            ? "HEADERS :method GET :scheme \(url.scheme) :authority \(host) :path \(url.path); user-agent, accept: text/html, accept-encoding: gzip, br"
            : "GET \(url.path) \(version); Host: \(host); User-Agent; Accept: text/html; Accept-Encoding: gzip, br; Connection: keep-alive"
        marks.requestStart = now
        data(.http, .application, "GET \(url.path)", fromClient: true, len: 320, tlsRecord: https ? "Application Data (encrypted)" : nil, payload: request,
             ko: "\(version) 요청: GET \(url.path). GET은 안전하고 멱등이며 본문이 없습니다. \(https ? "TLS 레코드 안에 암호화되어 중간 장비는 내용을 볼 수 없습니다." : "평문이라 경로의 모든 장비가 내용을 볼 수 있습니다.")",
             en: "\(version) request: GET \(url.path). GET is safe and idempotent and has no body. \(https ? "It is encrypted inside TLS records: devices on the path cannot read it." : "It is plain text: every device on the path can read it.")")
        let bodySize = 30_720
        let rtt = 2 * oneWay
        // Slow start from IW10 (RFC 6928): how many round trips the body takes.
        var flights = 0, sentBytes = 0, window = 10 * Self.mss
        while sentBytes < bodySize { sentBytes += window; window *= 2; flights += 1 }
        let transferExtra = Double(max(0, flights - 1)) * rtt + 2
        let responseHead = "\(version == "HTTP/2" ? ":status 200" : "\(version) 200 OK"); content-type: text/html; charset=utf-8; cache-control: max-age=300; etag: \"v42\"; content-length: \(bodySize)"
        if p.variant == .cdnHit {
            note(.http, at: .cache, "cache HIT (age 120)",
                 ko: "에지 캐시에 신선한 사본이 있습니다(Cache-Control: max-age=300, 저장된 지 120초). 원 서버에 가지 않고 바로 응답합니다(RFC 9111 §4.2).",
                 en: "The edge cache holds a fresh copy (Cache-Control: max-age=300, stored 120 s ago), so it answers without going to the origin (RFC 9111 §4.2).", takes: 0.5)
            data(.http, .application, "200 OK (HIT)", fromClient: false, len: bodySize, tlsRecord: https ? "Application Data (encrypted)" : nil,
                 payload: responseHead + "; age: 120; x-cache: HIT", extra: transferExtra,
                 ko: "200 OK가 캐시에서 옵니다(Age: 120). 본문 \(bodySize / 1024) KB는 IW10(\(10 * Self.mss)바이트)에서 시작하는 slow start로 \(flights)번의 왕복에 나뉘어 옵니다.",
                 en: "200 OK comes from the cache (Age: 120). The \(bodySize / 1024) KB body arrives in \(flights) round trip\(flights == 1 ? "" : "s") of slow start from IW10 (\(10 * Self.mss) bytes).")
        } else {
            note(.http, at: .cache, "cache MISS",
                 ko: "에지 캐시에 사본이 없습니다(MISS). 에지가 원 서버로 요청을 넘깁니다. 에지와 원 서버 사이에는 미리 열어 둔 keep-alive 연결이 있습니다.",
                 en: "The edge cache has no copy (MISS), so the edge forwards the request to the origin over a keep-alive connection it already holds.", takes: 0.5)
            send(.http, .application, "GET \(url.path) (to origin)", from: .cache, to: .server,
                 flow: Flow(proto: "TCP", srcIP: "10.0.0.2", dstIP: Self.originIP, srcPort: 47_000, dstPort: 80, detail: "ACK len=380", payload: "GET \(url.path) HTTP/1.1; Host: \(host); Via: 1.1 edge; X-Forwarded-For: \(Self.publicIP)"),
                 after: 25,
                 ko: "리버스 프록시가 새 요청을 만들어 원 서버로 보냅니다(Via, X-Forwarded-For에 클라이언트 정보를 남김). 원 서버가 페이지를 만드는 데 25 ms가 걸립니다.",
                 en: "The reverse proxy makes its own request to the origin (Via and X-Forwarded-For record the client). The origin takes 25 ms to build the page.")
            send(.http, .application, "200 OK (from origin)", from: .server, to: .cache,
                 flow: Flow(proto: "TCP", srcIP: Self.originIP, dstIP: "10.0.0.2", srcPort: 80, dstPort: 47_000, detail: "ACK len=\(bodySize + 200)", payload: responseHead),
                 after: 0.5,
                 ko: "원 서버의 200 OK. Cache-Control: max-age=300이라 에지가 5분 동안 저장해 다음 요청에 씁니다.",
                 en: "The origin's 200 OK. With Cache-Control: max-age=300 the edge stores it for five minutes for the next requests.")
            data(.http, .application, "200 OK", fromClient: false, len: bodySize, tlsRecord: https ? "Application Data (encrypted)" : nil,
                 payload: responseHead + "; age: 0; x-cache: MISS", extra: transferExtra,
                 ko: "에지가 200 OK를 브라우저에 보냅니다. 본문 \(bodySize / 1024) KB는 IW10(\(10 * Self.mss)바이트)에서 시작하는 slow start로 \(flights)번의 왕복에 나뉘어 옵니다.",
                 en: "The edge sends 200 OK to the browser. The \(bodySize / 1024) KB body arrives in \(flights) round trip\(flights == 1 ? "" : "s") of slow start from IW10 (\(10 * Self.mss) bytes).")
        }
        marks.lastByte = now
        marks.firstByte = messages.last!.steps.last!.arrival
    }
}
