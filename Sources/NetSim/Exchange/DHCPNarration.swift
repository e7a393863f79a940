import TutorCore

extension DHCPARP {
    /// What the DHCP steps say, with the RFC 2131 section each rests on. No sentence names a
    /// message before it is sent: predict mode asks for it.
    enum Words {
        static func legend(_ v: Variant) -> Localized {
            switch v {
            case .renew, .rebind:
                Localized(ko: "bcast: 255.255.255.255, ff:ff:ff:ff:ff:ff. 임대 60초: T1 30초, T2 52.5초.",
                          en: "bcast: 255.255.255.255, ff:ff:ff:ff:ff:ff. Lease 60 s: T1 30 s, T2 52.5 s.")
            case .relay:
                Localized(ko: "bcast: 255.255.255.255. 릴레이는 라우터의 192.168.0.1, 서버는 10.0.5.2.",
                          en: "bcast: 255.255.255.255. Relay: the router's 192.168.0.1; server: 10.0.5.2.")
            default:
                Localized(ko: "bcast: 255.255.255.255, ff:ff:ff:ff:ff:ff. 재전송은 4초, 8초 뒤(무작위 없음).",
                          en: "bcast: 255.255.255.255, ff:ff:ff:ff:ff:ff. Retries after 4 s, 8 s, no jitter.")
            }
        }

        static let stateNames = ["down": Localized(ko: "중단", en: "down")]

        /// Seconds as the narration writes them: 30, 52.5.
        static func secs(_ ms: Double) -> String {
            ms.truncatingRemainder(dividingBy: 1000) == 0 ? "\(Int(ms / 1000))" : "\(ms / 1000)"
        }

        static func initial(_ v: Variant) -> Localized {
            let extra: Localized = switch v {
            case .relay: Localized(ko: " 이 LAN에는 DHCP 서버가 없고, 라우터 너머 다른 서브넷에 있습니다.",
                                   en: " No DHCP server is on this LAN: it sits on another subnet, beyond the router.")
            case .duplicate: Localized(ko: " 같은 LAN의 다른 호스트에는 누군가 주소를 손으로 설정해 두었습니다.",
                                       en: " On the same LAN, someone has configured another host's address by hand.")
            default: Localized(ko: "", en: "")
            }
            return Localized(
                ko: "노트북이 LAN에 막 연결되었습니다. 주소도, 게이트웨이도, DNS 서버도 모릅니다. DHCP 클라이언트는 INIT에서 시작합니다(RFC 2131 그림 5)." + extra.ko,
                en: "A laptop has just joined the LAN with no address, gateway or DNS server; its DHCP client starts in INIT (RFC 2131 Figure 5)." + extra.en)
        }
        static let discover = Localized(
            ko: "서버도 모르고 자기 주소도 없으니 0.0.0.0:68에서 255.255.255.255:67로(이더넷은 ff:ff:ff:ff:ff:ff) 보내고, chaddr에 자기 MAC을 적습니다(RFC 2131 3.1절, 4.1절).",
            en: "No server known, no address of its own: it sends from 0.0.0.0:68 to 255.255.255.255:67 (Ethernet ff:ff:ff:ff:ff:ff), with its MAC in chaddr (RFC 2131 Sections 3.1, 4.1).")
        static let selecting = Localized(
            ko: "SELECTING: 서버들의 제안을 기다립니다. 여러 서버가 답하면 그중 하나를 고릅니다(RFC 2131 4.4.1절).",
            en: "SELECTING: it waits for the servers' offers; if several answer, it picks one (RFC 2131 Section 4.4.1).")
        static func discoverAgain(_ attempt: Int) -> Localized {
            Localized(ko: "답이 없어 같은 질문을 다시 브로드캐스트합니다(\(attempt)번째). UDP 위의 DHCP는 클라이언트가 직접 재전송합니다(RFC 2131 4.1절).",
                      en: "No answer: it broadcasts the same message again (try \(attempt)). Over UDP, the DHCP client does its own retransmission (RFC 2131 Section 4.1).")
        }
        static func retransmitTimer(_ wait: Double) -> Localized {
            Localized(ko: "재전송 타이머 \(Int(wait / 1000))초: RFC 2131 4.1절은 4초에서 시작해 두 배씩(최대 64초), 각각 ±1초 무작위를 권합니다. 이 장면은 무작위 없이 정확히 잽니다.",
                      en: "Retransmission timer, \(Int(wait / 1000)) s: RFC 2131 Section 4.1 starts at 4 s and doubles (up to 64 s), each randomized by ±1 s; this scene uses the exact values.")
        }
        static let retransmitFires = Localized(ko: "재전송 타이머가 만료됩니다. 답이 오지 않았습니다.", en: "The retransmission timer expires: no answer came.")
        static let givesUp = Localized(
            ko: "네 번 모두 답이 없습니다. 실제 클라이언트는 계속 시도하면서, 많은 OS가 그사이 169.254.x.x 링크 로컬 주소를 스스로 붙입니다(RFC 3927).",
            en: "No answer to four tries. A real client keeps trying; meanwhile many OSes give themselves a 169.254.x.x link-local address (RFC 3927).")

        static func offer(_ ip: String, again: Bool) -> Localized {
            if again {
                return Localized(ko: "이번에는 \(ip)\(josa(label: ip, "을")) 제안합니다. 192.168.0.50은 사용 불가로 표시해 두었습니다(RFC 2131 4.3.3절).",
                                 en: "This time the server offers \(ip): 192.168.0.50 is marked as not available (RFC 2131 Section 4.3.3).")
            }
            return Localized(
                ko: "서버가 yiaddr에 \(ip)\(josa(label: ip, "을")), 서버 식별자에 \(serverIP)\(josa(label: serverIP, "을")) 담아 제안합니다. 클라이언트에게 아직 주소가 없으니 브로드캐스트 비트가 꺼져 있으면 chaddr의 MAC으로 유니캐스트합니다(RFC 2131 4.1절).",
                en: "The server offers \(ip) in yiaddr, with its server identifier \(serverIP). The client has no address yet, so with the broadcast bit clear the server unicasts to the MAC in chaddr (RFC 2131 Section 4.1).")
        }
        static let offerArrives = Localized(
            ko: "호스트가 제안과 옵션을 받습니다: 서브넷 마스크 /24, 라우터(기본 게이트웨이) 192.168.0.1, DNS 서버, 임대 시간(RFC 2131 3.1절 2단계).",
            en: "The host receives the offer and its options: mask /24, router (default gateway) 192.168.0.1, a DNS server, the lease time (RFC 2131 Section 3.1 step 2).")
        static func request(_ ip: String, sid: String) -> Localized {
            Localized(
                ko: "제안을 받아들이는 요청도 브로드캐스트입니다. 서버 식별자에 \(sid)\(josa(label: sid, "을")), 요청 주소에 \(ip)\(josa(label: ip, "을")) 적어 다른 서버들도 자기 제안이 거절됐음을 압니다(RFC 2131 3.1절, 4.4.1절).",
                en: "It takes the offer, again by broadcast: 'server identifier' names \(sid) and 'requested IP address' \(ip), so other servers learn their offers were declined (RFC 2131 Sections 3.1, 4.4.1).")
        }
        static let requesting = Localized(
            ko: "REQUESTING: 서버의 확인을 기다립니다(RFC 2131 그림 5).", en: "REQUESTING: it waits for the server's confirmation (RFC 2131 Figure 5).")
        static let requestAgain = Localized(
            ko: "확인이 오지 않아 같은 요청을 다시 브로드캐스트합니다. xid가 같아 서버는 같은 거래로 봅니다(RFC 2131 4.1절, 4.4.1절).",
            en: "No confirmation: it broadcasts the same request again, with the same xid, so the server sees the same transaction (RFC 2131 Sections 4.1, 4.4.1).")
        static let requestGaveUp = Localized(
            ko: "요청에 끝내 답이 없어 INIT으로 돌아가 처음부터 다시 시작합니다(RFC 2131 3.1절).",
            en: "The request was never answered: back to INIT, to start over (RFC 2131 Section 3.1).")
        static func ack(_ ip: String, lease: Double, renewal: Bool, backup: Bool, relay: Bool) -> Localized {
            if renewal {
                return backup
                    ? Localized(ko: "예비 서버가 답합니다. 장애 조치(failover)로 주 서버의 임대 기록을 나눠 가졌으므로 \(ip)의 임대를 \(Int(lease / 1000))초 연장합니다. 어느 서버든 그 주소가 맞다고 알면 답할 수 있습니다(RFC 2131 4.3.2절).",
                                en: "The backup server answers: as the primary's failover partner it shares the lease records, so it extends the lease of \(ip) by \(Int(lease / 1000)) s. Any server that knows the address is right may answer (RFC 2131 Section 4.3.2).")
                    : Localized(ko: "서버가 같은 주소의 임대를 \(Int(lease / 1000))초 연장합니다. 새 주소도, 다른 설정도 없습니다(RFC 2131 4.3.2절).",
                                en: "The server extends the lease on the same address by \(Int(lease / 1000)) s: no new address, nothing else changes (RFC 2131 Section 4.3.2).")
            }
            if relay {
                return Localized(ko: "서버가 임대를 확정합니다. 이번에도 giaddr의 릴레이로 보냅니다.", en: "The server commits the lease and again sends it to the relay at giaddr.")
            }
            return Localized(
                ko: "서버가 \(ip)의 임대를 \(Int(lease / 1000))초로 확정합니다. 서버 쪽에서는 이제 이 클라이언트(chaddr)와 주소가 묶였습니다(RFC 2131 3.1절 4단계, 4.3.2절).",
                en: "The server commits \(ip) for a lease of \(Int(lease / 1000)) s: on its side, this client (chaddr) and the address are now bound (RFC 2131 Section 3.1 step 4, Section 4.3.2).")
        }
        static func bound(_ ip: String, lease: Double, relay: Bool) -> Localized {
            let t1s = secs(t1(lease)), t2s = secs(t2(lease))
            let check = relay ? Localized(ko: " ARP 주소 검사는 dhcp-arp에서 봅니다.", en: " ARP probes: see dhcp-arp.") : Localized(ko: "", en: "")
            return Localized(
                ko: "BOUND: \(ip)/24, 게이트웨이 192.168.0.1. 임대는 요청을 보낸 시각부터 잽니다: T1(임대의 0.5배) = \(t1s)초, T2(0.875배) = \(t2s)초(RFC 2131 4.4.5절)." + check.ko,
                en: "BOUND: \(ip)/24, gateway 192.168.0.1. The lease counts from when the request was sent: T1 (0.5 × lease) = \(t1s) s, T2 (0.875 × lease) = \(t2s) s (RFC 2131 Section 4.4.5)." + check.en)
        }
        static func t1Timer(_ lease: Double) -> Localized {
            Localized(ko: "T1 타이머 \(secs(t1(lease)))초: 만료되면 임대해 준 서버에게 연장을 청합니다(RFC 2131 4.4.5절).",
                      en: "T1 timer, \(secs(t1(lease))) s: when it expires the host asks the server that leased it for more time (RFC 2131 Section 4.4.5).")
        }
        static func t2Timer(_ lease: Double) -> Localized {
            Localized(ko: "T2 타이머 \(secs(t2(lease)))초: 그때까지 연장되지 않으면 아무 서버에게나 묻습니다(RFC 2131 4.4.5절).",
                      en: "T2 timer, \(secs(t2(lease))) s: if the lease is not extended by then, the host asks any server (RFC 2131 Section 4.4.5).")
        }
        static let t1Fires = Localized(ko: "T1이 만료됩니다. 임대의 절반이 지났습니다.", en: "T1 expires: half the lease has passed.")
        static let t2Fires = Localized(ko: "T2가 만료됩니다. 임대의 87.5%가 지났는데 연장되지 않았습니다.", en: "T2 expires: 87.5% of the lease is gone and it was not extended.")
        static let renewing = Localized(
            ko: "RENEWING: 주소는 계속 씁니다. 아직 임대 기간 안이니까요(RFC 2131 4.4.5절).",
            en: "RENEWING: the host keeps using its address; the lease is still valid (RFC 2131 Section 4.4.5).")
        static func renewRequest(_ ip: String) -> Localized {
            Localized(
                ko: "이제 주소가 있으니 임대해 준 서버 \(serverIP)에게 유니캐스트합니다. ciaddr는 \(ip)이고, 서버 식별자와 요청 주소 옵션은 넣지 않습니다(RFC 2131 4.4.5절, 4.4.1절).",
                en: "Now it has an address, so it unicasts to its leasing server \(serverIP), with ciaddr \(ip) and no server identifier or requested address (RFC 2131 Sections 4.4.5, 4.4.1).")
        }
        static let serverDown = Localized(
            ko: "그런데 DHCP 서버가 재부팅 중입니다. 유니캐스트 요청은 받을 곳이 없습니다.",
            en: "But the DHCP server is rebooting: the unicast request has no one to reach.")
        static let rebinding = Localized(
            ko: "REBINDING: 임대해 준 서버가 답하지 않았습니다. 이제 아무 서버라도 연장해 주기를 바랍니다(RFC 2131 4.4.5절).",
            en: "REBINDING: the server that leased the address did not answer; now any server may extend it (RFC 2131 Section 4.4.5).")
        static let rebindRequest = Localized(
            ko: "같은 요청을 이제 브로드캐스트합니다. ciaddr는 자기 주소, 서버 식별자는 없습니다(RFC 2131 4.4.5절). RENEWING의 재시도는 T2까지 남은 시간의 절반, 최소 60초 뒤라 T2가 먼저 왔습니다.",
            en: "The same request, broadcast now: ciaddr is its address, no server identifier (RFC 2131 Section 4.4.5). A RENEWING retry waits half the time to T2, at least 60 s, so T2 came first.")
        static func extended(leaseEnd: Double, rebinding: Bool) -> Localized {
            let end = Int(leaseEnd / 1000)
            return Localized(
                ko: "다시 BOUND입니다. 새 만료 시각은 요청을 보낸 시각 + 임대 시간, 약 \(end)초입니다(RFC 2131 4.4.5절). 주소는 바뀌지 않았고 연결도 끊기지 않았습니다." + (rebinding ? " 이후 갱신은 답을 준 예비 서버에게 합니다." : ""),
                en: "BOUND again. The new expiry is the time the request was sent plus the lease, about t = \(end) s (RFC 2131 Section 4.4.5). The address did not change and no connection broke." + (rebinding ? " Later renewals go to the backup server that answered." : ""))
        }
        static let expired = Localized(
            ko: "임대가 끝났습니다. 주소 사용을 멈추고 INIT으로 돌아가 처음부터 다시 주소를 구합니다(RFC 2131 4.4.5절).",
            en: "The lease expired: the host stops using the address and returns to INIT to start over (RFC 2131 Section 4.4.5).")

        // The relay agent.
        static func relayUp(_ kind: String) -> Localized {
            kind == "DISCOVER"
                ? Localized(ko: "브로드캐스트는 라우터를 넘지 못합니다. 라우터의 릴레이가 받은 인터페이스 주소 192.168.0.1을 giaddr에 적고, hops를 1 늘려 서버 \(farServerIP)로 유니캐스트합니다(RFC 1542 4.1.1절).",
                            en: "Broadcasts stop at routers: the router's relay agent puts 192.168.0.1, the interface it arrived on, in giaddr, adds 1 to hops and unicasts it to the server \(farServerIP) (RFC 1542 Section 4.1.1).")
                : Localized(ko: "릴레이가 요청도 같은 방식으로 giaddr를 적어 서버에 유니캐스트합니다.", en: "The relay forwards the request the same way: giaddr set, unicast to the server.")
        }
        static func offerToRelay(_ ip: String) -> Localized {
            Localized(ko: "서버는 giaddr 192.168.0.1을 보고 192.168.0.0/24 풀에서 \(ip)\(josa(label: ip, "을")) 고릅니다. 답은 클라이언트가 아니라 giaddr의 릴레이 67번 포트로 보냅니다(RFC 2131 4.1절, 4.3.1절).",
                      en: "From giaddr 192.168.0.1 the server knows the subnet and picks \(ip) from its 192.168.0.0/24 pool. It answers the relay at giaddr, port 67, not the client (RFC 2131 Sections 4.1, 4.3.1).")
        }
        static func relayDown(_ kind: String) -> Localized {
            kind == "OFFER"
                ? Localized(ko: "릴레이가 서버의 답을 LAN의 클라이언트에게 넘깁니다. 브로드캐스트 비트가 꺼져 있어 chaddr의 MAC으로 유니캐스트합니다(RFC 1542 4.1.2절). 서버 식별자는 먼 서버 \(farServerIP)입니다.",
                            en: "The relay hands the server's answer to the client on the LAN, unicast to the MAC in chaddr as the broadcast bit is clear (RFC 1542 Section 4.1.2). The server identifier is the far server, \(farServerIP).")
                : Localized(ko: "릴레이가 확인을 클라이언트에게 넘깁니다. 클라이언트는 서버가 다른 서브넷에 있다는 것을 알 필요가 없었습니다.",
                            en: "The relay hands the confirmation to the client, which never needed to know the server is on another subnet.")
        }
        static func markedInUse(_ ip: String) -> Localized {
            Localized(ko: "서버가 \(ip)\(josa(label: ip, "을")) 사용 불가로 표시하고 관리자에게 알립니다. 누군가 DHCP 밖에서 이 주소를 쓰고 있습니다(RFC 2131 4.3.3절).",
                      en: "The server marks \(ip) as not available and should tell its administrator: someone uses it outside DHCP (RFC 2131 Section 4.3.3).")
        }
    }
}
