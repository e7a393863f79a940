import TutorCore

extension SceneSpec {
    public static let dnsTruncated = SceneSpec(
        id: "dns-truncated", order: 143,
        title: Localized(ko: "DNS 잘린 답과 TCP 재시도", en: "DNS truncated answer over TCP"),
        summary: Localized(ko: "512바이트를 넘는 UDP 답은 TC 비트와 함께 잘리고 TCP 53번으로 다시 묻습니다", en: "An answer over 512 bytes comes truncated (TC) over UDP and is asked again over TCP port 53"),
        options: DNSResolution.options, prediction: .messageKind,
        simulate: { try DNSResolution.simulate(.truncated, scene: "dns-truncated", $0) })
}
