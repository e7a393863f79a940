/// A lane (endpoint) as Korean says it: narration and the player's lanes use the same words.
/// The protocol in "TCP client" stays; an unknown name stays as it is.
public func koreanLaneName(_ name: String) -> String {
    let words = [
        "client": "클라이언트", "server": "서버", "sender": "송신자", "receiver": "수신자", "edge": "에지 서버",
        "resolver": "리졸버", "root": "루트", "auth": "권한 서버",
        "relay": "릴레이", "gateway": "게이트웨이", "host": "호스트",
        "script": "스크립트", "browser": "브라우저", "proxy": "프록시",
        "DHCP server": "DHCP 서버",
        "backup server": "예비 서버",
        "other host": "다른 호스트",
    ]
    if let w = words[name] { return w }
    let parts = name.split(separator: " ").map(String.init)
    if parts.count == 2, let w = words[parts[1]] { return "\(parts[0]) \(w)" }
    return name
}
