import TutorCore

extension SceneSpec {
    public static let dnsResolution = SceneSpec(
        id: "dns-resolution", order: 140,
        title: Localized(ko: "DNS 이름 풀이", en: "DNS resolution"),
        summary: Localized(ko: "스텁, 리졸버, 루트, TLD, 권한 서버: 위임을 따라 내려가고 두 번째 조회는 캐시가 답합니다", en: "Stub, resolver, root, TLD, authoritative: referrals down the tree, and a second lookup from the cache"),
        options: DNSResolution.options, prediction: .messageKind,
        simulate: { try DNSResolution.simulate(.basic, scene: "dns-resolution", $0) })
}
