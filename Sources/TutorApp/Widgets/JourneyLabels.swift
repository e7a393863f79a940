import NetSim
import TutorCore
import TutorRender

/// How the URL journey names things on screen and in its exports: times, hops (shortened to
/// the room there is) and the role a message is drawn in, so the map, the wire panel, the
/// ruler, the message list and `journey --plain` agree.
enum JourneyLabels {
    /// "0.5ms", "12.3ms", "140ms": a tenth of a millisecond only where it matters.
    static func milliseconds(_ v: Double) -> String {
        v >= 100 ? "\(Int(v.rounded()))ms" : "\((v * 10).rounded() / 10)ms"
    }

    /// The hop's title, or a short name when the title is wider than `room`.
    static func hop(_ hop: HopID, _ language: Language, room: Int) -> String {
        let full = language == .ko ? hop.title.ko : hop.title.en
        if TextWidth.width(of: full) <= room { return full }
        let short: String
        switch hop {
        case .browser: short = language == .ko ? "브라우저" : "Browser"
        case .os: short = "OS"
        case .lanSwitch: short = language == .ko ? "스위치" : "Switch"
        case .router: short = "NAT"
        case .isp: short = "ISP"
        case .core: short = language == .ko ? "코어" : "Core"
        case .firewall: short = "FW"
        case .cache: short = "CDN"
        case .server: short = language == .ko ? "서버" : "Server"
        case .resolver: short = language == .ko ? "리졸버" : "Resolver"
        case .root: short = language == .ko ? "루트" : "Root"
        case .tld: short = "TLD"
        case .authoritative: short = language == .ko ? "권한" : "Auth"
        }
        return TextWidth.truncate(short, to: room, ellipsis: "")
    }

    /// The colour of a message by its stage (its label always says what it is, too).
    static func role(of m: JourneyMessage) -> Role {
        switch m.stage {
        case .dns: .timer
        case .arp: .dim
        case .tcp, .close: .syn
        case .tls: .fin
        default: .data
        }
    }
}
