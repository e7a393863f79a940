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
        case .browser: short = UIText.hopBrowser[language]
        case .os: short = "OS"
        case .lanSwitch: short = UIText.hopSwitch[language]
        case .router: short = "NAT"
        case .isp: short = "ISP"
        case .core: short = UIText.hopCore[language]
        case .firewall: short = "FW"
        case .cache: short = "CDN"
        case .server: short = UIText.hopServer[language]
        case .resolver: short = UIText.hopResolver[language]
        case .root: short = UIText.hopRoot[language]
        case .tld: short = "TLD"
        case .authoritative: short = UIText.hopAuthoritative[language]
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
