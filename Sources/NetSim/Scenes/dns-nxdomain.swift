import TutorCore

extension SceneSpec {
    public static let dnsNxdomain = SceneSpec(
        id: "dns-nxdomain", order: 142,
        title: Localized(ko: "DNS NXDOMAIN과 부정 캐시", en: "DNS NXDOMAIN and negative caching"),
        summary: Localized(ko: "없는 이름의 답도 SOA의 MINIMUM만큼 캐시되어 다시 물으면 캐시가 답합니다", en: "A missing name is cached for the SOA's MINIMUM too: the repeat is answered from cache"),
        options: DNSResolution.options, prediction: .messageKind,
        simulate: { try DNSResolution.simulate(.nxdomain, scene: "dns-nxdomain", $0) })
}
