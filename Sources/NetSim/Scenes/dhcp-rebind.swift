import TutorCore

extension SceneSpec {
    public static let dhcpRebind = SceneSpec(
        id: "dhcp-rebind", order: 152,
        title: Localized(ko: "DHCP 재바인딩(T2)", en: "DHCP rebinding at T2"),
        summary: Localized(ko: "서버가 T1에 답하지 않자 T2에서 브로드캐스트로 아무 서버에게나 연장을 청합니다", en: "The server is silent at T1; at T2 the host broadcasts to any server"),
        options: DHCPARP.options, prediction: .messageKind,
        simulate: { try DHCPARP.simulate(.rebind, scene: "dhcp-rebind", $0) })
}
