import TutorCore

/// 7. Rendering, and the sub-resources fetched on the same connection.
extension JourneyBuilder {
    mutating func renderStage() {
        let https = tls, version = httpVersion
        note(.render, at: .browser, "parse HTML → DOM",
             ko: "브라우저가 HTML을 받는 대로 파싱해 DOM을 만들고, <link rel=stylesheet>와 <script>를 발견합니다.",
             en: "The browser parses the HTML as it streams in, builds the DOM, and discovers a stylesheet and a script.", takes: 3)
        data(.render, .application, "GET /style.css, /app.js", fromClient: true, len: 160, tlsRecord: https ? "Application Data (encrypted)" : nil,
             payload: version == "HTTP/2" ? "HEADERS stream 3 :path /style.css; HEADERS stream 5 :path /app.js" : "GET /style.css HTTP/1.1 (keep-alive)",
             ko: version == "HTTP/2" ? "하위 리소스 두 개를 같은 연결에서 스트림 두 개로 동시에 요청합니다(HTTP/2 다중화). 새 DNS, TCP, TLS가 필요 없습니다."
                                     : "하위 리소스를 같은 keep-alive 연결로 요청합니다. HTTP/1.1은 한 연결에서 한 번에 하나라 브라우저는 연결을 몇 개 더 엽니다.",
             en: version == "HTTP/2" ? "Both sub-resources are requested at once as two streams on the same connection (HTTP/2 multiplexing): no new DNS, TCP or TLS."
                                     : "The sub-resources are requested on the same keep-alive connection; HTTP/1.1 carries one at a time, so browsers open a few more connections.")
        note(.render, at: .cache, "cache HIT ×2",
             ko: "정적 파일은 에지 캐시에 있습니다.", en: "The static files are in the edge cache.", takes: 0.5)
        data(.render, .application, "200 OK ×2", fromClient: false, len: 20_000, tlsRecord: https ? "Application Data (encrypted)" : nil,
             payload: "200 text/css (stream 3); 200 application/javascript (stream 5); cache-control: max-age=31536000, immutable", after: 2,
             ko: "CSS와 JS가 도착합니다. 긴 max-age와 immutable로 다음 방문에는 네트워크 없이 씁니다.", en: "The CSS and JS arrive; a long max-age with immutable lets the next visit skip the network.")
        note(.render, at: .browser, "layout → paint",
             ko: "CSSOM과 DOM으로 렌더 트리를 만들고, 레이아웃, 페인트, 합성을 거쳐 화면에 픽셀이 나옵니다.",
             en: "DOM and CSSOM make the render tree; layout, paint and compositing put pixels on the screen.", takes: 8)
    }
}
