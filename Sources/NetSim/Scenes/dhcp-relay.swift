import TutorCore

extension SceneSpec {
    public static let dhcpRelay = SceneSpec(
        id: "dhcp-relay", order: 153,
        title: Localized(ko: "DHCP 릴레이 에이전트", en: "DHCP relay agent"),
        summary: Localized(ko: "라우터의 릴레이가 giaddr를 적어 다른 서브넷의 서버로 유니캐스트합니다", en: "The router's relay sets giaddr and unicasts to a server on another subnet"),
        options: DHCPARP.options, prediction: .messageKind,
        simulate: { try DHCPARP.simulate(.relay, scene: "dhcp-relay", $0) })
}
