import TutorCore

extension SceneSpec {
    public static let arpDuplicate = SceneSpec(
        id: "arp-duplicate", order: 154,
        title: Localized(ko: "ARP 주소 충돌과 DHCP 거절", en: "ARP address conflict and decline"),
        summary: Localized(ko: "ARP 프로브에 답이 오면 주소를 거절하고 10초 뒤 다시 시작합니다", en: "An ARP probe gets a reply: the host declines the address and starts over after 10 s"),
        options: DHCPARP.options, prediction: .messageKind,
        simulate: { try DHCPARP.simulate(.duplicate, scene: "arp-duplicate", $0) })
}
