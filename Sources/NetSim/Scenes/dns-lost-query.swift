import TutorCore

extension SceneSpec {
    public static let dnsLostQuery = SceneSpec(
        id: "dns-lost-query", order: 144,
        title: Localized(ko: "DNS 질의 손실과 재시도", en: "DNS lost query and retry"),
        summary: Localized(ko: "TLD 서버로 가던 질의가 사라지고 리졸버가 타임아웃 뒤 다시 묻습니다", en: "The query to the TLD server is lost; the resolver asks again after its timeout"),
        options: DNSResolution.options, prediction: .messageKind,
        simulate: { try DNSResolution.simulate(.lostQuery, scene: "dns-lost-query", $0) })
}
