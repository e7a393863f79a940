import TutorCore

extension SceneSpec {
    public static let dnsCname = SceneSpec(
        id: "dns-cname", order: 141,
        title: Localized(ko: "DNS CNAME 사슬", en: "DNS CNAME chain"),
        summary: Localized(ko: "별칭을 받은 리졸버가 정식 이름으로 처음부터 다시 찾습니다", en: "Given an alias, the resolver starts over at the canonical name"),
        options: DNSResolution.options, prediction: .messageKind,
        simulate: { try DNSResolution.simulate(.cname, scene: "dns-cname", $0) })
}
