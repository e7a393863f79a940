import TutorCore

extension SceneSpec {
    public static let dhcpRenew = SceneSpec(
        id: "dhcp-renew", order: 151,
        title: Localized(ko: "DHCP 임대 갱신(T1)", en: "DHCP lease renewal at T1"),
        summary: Localized(ko: "임대의 절반(T1)에서 임대해 준 서버에 유니캐스트로 연장을 청합니다", en: "At T1, half the lease, the host unicasts a renewal to the server that leased it"),
        options: DHCPARP.options, prediction: .messageKind,
        simulate: { try DHCPARP.simulate(.renew, scene: "dhcp-renew", $0) })
}
