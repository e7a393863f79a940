import TutorCore

extension SceneSpec {
    public static let dhcpArp = SceneSpec(
        id: "dhcp-arp", order: 150,
        title: Localized(ko: "DHCP로 주소 받기와 ARP", en: "DHCP lease and ARP"),
        summary: Localized(ko: "DISCOVER, OFFER, REQUEST, ACK로 임대를 받고, ARP로 주소를 검사한 뒤 게이트웨이의 MAC을 찾습니다", en: "A lease by DISCOVER, OFFER, REQUEST, ACK; an ARP check of the address, then the gateway's MAC"),
        options: DHCPARP.options, prediction: .messageKind,
        simulate: { try DHCPARP.simulate(.basic, scene: "dhcp-arp", $0) })
}
