import TutorCore

extension DHCPARP.Words {
    // The address check and announcement (RFC 5227), and the decline (RFC 2131 §3.1 step 5).
    static func firstProbe(_ ip: String) -> Localized {
        Localized(
            ko: "쓰기 전에 이미 쓰는 장비가 없는지 확인합니다(RFC 2131 4.4.1절). ARP 프로브는 \(ip)\(josa(label: ip, "을")) 브로드캐스트로 묻되, 보내는 쪽 IP를 0.0.0.0으로 두어 남의 캐시를 더럽히지 않습니다(RFC 5227 2.1.1절).",
            en: "Before using it, the host checks no one else has it (RFC 2131 Section 4.4.1). An ARP probe asks for \(ip) by broadcast with sender IP 0.0.0.0, so no cache learns a false mapping (RFC 5227 Section 2.1.1).")
    }
    static func probeAgain(_ k: Int) -> Localized {
        Localized(ko: "\(k)번째 프로브입니다. RFC 5227은 프로브 세 개를 1~2초 간격으로 보냅니다. 이 장면은 1초 간격입니다(RFC 5227 2.1.1절).",
                  en: "Probe \(k) of three: RFC 5227 spaces them 1 to 2 s apart; this scene uses 1 s (RFC 5227 Section 2.1.1).")
    }
    static func probeArrives(_ lane: String, ip: String, own: Bool) -> Localized {
        if own {
            return Localized(ko: "다른 호스트가 프로브를 받습니다. 찾는 주소 \(ip)\(josa(label: ip, "은")) 바로 자기 주소입니다.",
                             en: "The other host receives the probe: the address asked for, \(ip), is its own.")
        }
        return Localized(ko: "\(koreanLaneName(lane))가 프로브를 받습니다. \(ip)\(josa(label: ip, "은")) 자기 주소가 아니므로 답하지 않고, 보낸 쪽 IP가 0.0.0.0이라 캐시에도 넣지 않습니다.",
                         en: "The \(lane) receives the probe. \(ip) is not its address, so it stays silent, and with sender IP 0.0.0.0 there is nothing to cache.")
    }
    static func announce(_ k: Int) -> Localized {
        k == 1
            ? Localized(ko: "마지막 프로브 뒤 2초(ANNOUNCE_WAIT) 동안 답이 없으니 이 주소는 호스트의 것입니다. 보내는 쪽과 찾는 IP가 모두 자기 주소인 gratuitous ARP로 캐시들에 알립니다(RFC 5227 2.3절).",
                        en: "No reply within 2 s (ANNOUNCE_WAIT) of the last probe: the address is the host's. A gratuitous ARP, sender and target IP both its own, tells caches to update (RFC 5227 Section 2.3).")
            : Localized(ko: "2초 뒤 두 번째 알림입니다. RFC 5227은 두 번(ANNOUNCE_NUM) 보냅니다(2.3절).",
                        en: "The second announcement, 2 s later: RFC 5227 sends two (ANNOUNCE_NUM, Section 2.3).")
    }
    static func announceArrives(_ lane: String) -> Localized {
        Localized(ko: "\(koreanLaneName(lane))의 캐시에는 이 주소가 없으니 바뀌는 것이 없습니다. RFC 826은 이미 있는 항목만 새 값으로 고칩니다.",
                  en: "The \(lane) has no entry for this address, so nothing changes: RFC 826 only updates an entry it already has.")
    }
    static func neighborAnswers(_ ip: String) -> Localized {
        Localized(ko: "다른 호스트가 \"\(ip)\(josa(label: ip, "은")) 내 MAC 02:00:00:00:00:99에 있다\"고 요청한 쪽에 유니캐스트로 답합니다(RFC 826). 누군가 DHCP 풀 안의 주소를 손으로 설정해 둔 것입니다.",
                  en: "The other host answers the asker by unicast: \(ip) is at its MAC, 02:00:00:00:00:99 (RFC 826). Someone has set an address from the DHCP pool by hand.")
    }
    static func conflict(_ ip: String) -> Localized {
        Localized(ko: "프로브 중에 답이 왔으니 주소 충돌입니다. 호스트는 \(ip)\(josa(label: ip, "을")) 쓰면 안 되고(RFC 5227 2.1.1절) 서버에 알려야 합니다(RFC 2131 3.1절 5단계: 반드시(MUST)).",
                  en: "An answer during probing means a conflict: the host must not use \(ip) (RFC 5227 Section 2.1.1) and must tell the server (RFC 2131 Section 3.1 step 5: MUST).")
    }
    static func decline(_ ip: String) -> Localized {
        Localized(ko: "\"\(ip)\(josa(label: ip, "은")) 이미 쓰이고 있다\"고 서버에 알립니다. 거절하는 주소를 출발지로 쓸 수는 없으니 브로드캐스트로 보냅니다(RFC 2131 4.4.4절).",
                  en: "It tells the server that \(ip) is already in use. It cannot send from the address it refuses, so it broadcasts (RFC 2131 Section 4.4.4).")
    }
    static let backToInit = Localized(
        ko: "INIT으로 돌아갑니다. 주소 없이 처음부터 다시 시작해야 합니다.", en: "Back to INIT: without an address, it must start over.")
    static let declineWait = Localized(
        ko: "다시 시작하기 전에 최소 10초를 기다립니다. 같은 일이 되풀이될 때 네트워크를 메우지 않으려는 것입니다(RFC 2131 3.1절 5단계).",
        en: "It waits at least ten seconds before starting over, so a loop of conflicts cannot flood the network (RFC 2131 Section 3.1 step 5).")
    static let restart = Localized(ko: "10초가 지났습니다. 처음부터 다시 주소를 구합니다.", en: "Ten seconds have passed: it asks for an address from the start.")

    // The gateway's MAC (RFC 826) and the first packets.
    static let needsMAC = Localized(
        ko: "사용자가 ping 198.51.100.7을 실행합니다. /24 밖이므로 프레임은 게이트웨이 192.168.0.1로 가야 하는데, 그 MAC이 ARP 캐시에 없습니다. 패킷은 기다리고 ARP가 먼저 묻습니다.",
        en: "The user runs ping 198.51.100.7. It is off the /24, so the frame must go to the gateway 192.168.0.1, whose MAC is not in the ARP cache: the packet waits while ARP asks.")
    static let whoHas = Localized(
        ko: "ARP 요청 \"192.168.0.1은 누구? 192.168.0.50에게 알려 줘\"를 ff:ff:ff:ff:ff:ff로 브로드캐스트합니다. 묻는 것은 198.51.100.7이 아니라 게이트웨이입니다. ARP는 한 링크 안에서만 통합니다(RFC 826).",
        en: "ARP request: \"who has 192.168.0.1? Tell 192.168.0.50\", broadcast to ff:ff:ff:ff:ff:ff. It asks for the gateway, not for 198.51.100.7: ARP works within one link (RFC 826).")
    static let whoHasAgain = Localized(
        ko: "1초 안에 답이 없어 ARP 요청을 다시 보냅니다. 같은 주소에 대한 요청은 1초에 한 번 이하입니다(RFC 1122 2.3.2.1절).",
        en: "No reply within 1 s: it sends the ARP request again, at most one a second for the same address (RFC 1122 Section 2.3.2.1).")
    static let arpFailed = Localized(
        ko: "세 번 물어도 답이 없습니다. 기다리던 패킷은 버려지고 ping은 \"Destination Host Unreachable\"을 보여 줍니다.",
        en: "Three requests, no reply: the waiting packet is discarded and ping shows \"Destination Host Unreachable\".")
    static let isAt = Localized(
        ko: "게이트웨이가 자기 주소에 대한 질문임을 알고, 요청한 MAC으로 유니캐스트 응답을 보냅니다: 192.168.0.1은 00:00:5e:00:53:01. 요청에 담긴 호스트의 매핑도 캐시에 넣습니다(RFC 826).",
        en: "The gateway sees its own address asked for and replies by unicast to the asker's MAC: 192.168.0.1 is at 00:00:5e:00:53:01. It also caches the host's mapping from the request (RFC 826).")
    static let arpCached = Localized(
        ko: "호스트가 192.168.0.1 -> 00:00:5e:00:53:01을 ARP 캐시에 넣습니다(`ip neigh`로 볼 수 있습니다). 항목은 얼마 뒤 만료되어 다시 확인됩니다.",
        en: "The host caches 192.168.0.1 -> 00:00:5e:00:53:01 (see `ip neigh`); the entry expires after a while and is confirmed again.")
    static func firstPacket(_ mac: String) -> Localized {
        Localized(ko: "기다리던 첫 ICMP Echo Request가 나갑니다. IP 목적지는 198.51.100.7 그대로이고, 이더넷 목적지만 게이트웨이의 MAC \(mac)입니다.",
                  en: "The waiting first ICMP Echo Request goes out: its IP destination stays 198.51.100.7; only its Ethernet destination is the gateway's MAC, \(mac).")
    }
    static func secondPacket(_ mac: String) -> Localized {
        Localized(ko: "1초 뒤 ping의 두 번째 패킷입니다. 게이트웨이의 MAC \(mac)이 캐시에 있으므로 ARP 요청 없이 바로 나갑니다.",
                  en: "One second later, ping's second packet. The gateway's MAC, \(mac), is in the cache, so it goes at once, with no ARP request.")
    }
    static func forwarded(_ n: Int) -> Localized {
        Localized(ko: "게이트웨이가 \(n)번째 패킷을 받아 라우팅 표를 보고 다음 링크로 넘깁니다. 그 링크에서는 새 MAC 주소 쌍으로 새 프레임을 만듭니다.",
                  en: "The gateway receives packet \(n), looks up its routing table and forwards it on the next link, in a new frame with a new pair of MAC addresses.")
    }
}
