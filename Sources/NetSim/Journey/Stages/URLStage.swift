import TutorCore

/// 1. The URL and the browser's decisions before anything leaves it.
extension JourneyBuilder {
    mutating func urlStage() {
        let https = tls
        note(.url, at: .browser, url.text,
             ko: "주소창의 글자를 URL로 해석합니다(WHATWG URL 표준): scheme \(url.scheme), host \(host), port \(url.port)\(url.explicitPort ? "" : "(기본값)"), path \(url.path). #fragment는 서버로 가지 않습니다.",
             en: "The address bar text is parsed as a URL (WHATWG URL Standard): scheme \(url.scheme), host \(host), port \(url.port)\(url.explicitPort ? "" : " (default)"), path \(url.path). A #fragment never leaves the browser.", takes: 0.5)
        note(.url, at: .browser, https ? "HSTS: https" : "HSTS: no entry",
             ko: https ? "이미 https입니다. http로 입력했어도 HSTS 목록에 있는 사이트라면 브라우저가 요청을 보내기 전에 https로 바꿉니다(RFC 6797)."
                       : "HSTS 목록에 이 호스트가 없어 평문 HTTP로 갑니다. 목록에 있었다면 브라우저가 보내기 전에 https로 바꿨을 것입니다(RFC 6797).",
             en: https ? "Already https. Had it been typed as http, a host on the HSTS list would be upgraded to https before anything is sent (RFC 6797)."
                       : "The host is not on the HSTS list, so plain HTTP is used. On the list, the browser would have upgraded to https before sending anything (RFC 6797).", takes: 0.1)
        note(.url, at: .browser, "HTTP cache: miss",
             ko: "서비스 워커도 없고 HTTP 캐시(메모리, 디스크)에도 신선한 사본이 없어 네트워크로 갑니다(RFC 9111).",
             en: "No service worker answers and the HTTP cache (memory, disk) has no fresh copy, so the request goes to the network (RFC 9111).", takes: 0.2)
    }
}
