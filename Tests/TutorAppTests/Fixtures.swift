import NetSim
import TutorContent
import TutorCore

/// Small, stable lessons for app tests (real content changes; these must not).
enum Fixtures {
    static func parse(_ text: String, _ language: Language) -> Lesson {
        let r = LessonParser.parse(text, file: "fixture.md", language: language, knownScenes: Set(SceneCatalog.ids))
        guard let lesson = r.lesson else { fatalError("fixture does not parse: \(r.diagnostics)") }
        return lesson
    }

    static let ipKo = parse("""
    ---
    id: ip
    title: IPv4와 IPv6
    topic: infrastructure
    order: 30
    summary: 주소 길이, 헤더, 브로드캐스트가 어떻게 다른지 비교합니다.
    sources: ["RFC 8200 §3", "RFC 4291"]
    ---
    ## 한눈에 비교

    IPv6는 **128비트** 주소를 쓰고, 헤더는 `40바이트`로 고정입니다.

    | 구분 | IPv4 | IPv6 |
    |---|---|---|
    | 주소 길이 | 32비트 | 128비트 |
    | 표기 | 점으로 구분한 10진수 | 콜론으로 구분한 16진수 |
    | 브로드캐스트 | 있음 | 없음 (멀티캐스트로 대체) |
    | 주소 설정 | 수동 또는 DHCP | SLAAC 또는 DHCPv6 |

    > 면접 팁: 표를 외우기보다 **왜** 바뀌었는지 설명하세요.

    - 주소 고갈이 가장 큰 이유입니다.
    - NAT는 임시방편이었습니다.
    """, .ko)

    static let ipEn = parse("""
    ---
    id: ip
    title: IPv4 vs IPv6
    topic: infrastructure
    order: 30
    summary: How address length, headers and broadcast differ.
    sources: ["RFC 8200 §3", "RFC 4291"]
    ---
    ## At a glance

    IPv6 uses **128-bit** addresses and a fixed `40-byte` header.

    | Aspect | IPv4 | IPv6 |
    |---|---|---|
    | Address length | 32 bits | 128 bits |
    | Notation | dotted decimal | colon-separated hex |
    | Broadcast | yes | no (multicast instead) |
    | Configuration | manual or DHCP | SLAAC or DHCPv6 |

    > Interview tip: explain **why** it changed rather than reciting the table.

    - Address exhaustion is the main reason.
    - NAT was a stopgap.
    """, .en)

    /// A long lesson for scrolling, reflow and read-marking tests.
    static func long(_ language: Language) -> Lesson {
        var body = ""
        for i in 1...12 {
            body += "## \(language == .ko ? "절" : "Part") \(i)\n\n"
            body += String(repeating: language == .ko ? "연결을 맺고 끊는 과정을 단계별로 살펴봅니다. " : "We follow how a connection opens and closes, step by step. ", count: 6) + "\n\n"
            if i == 2 { body += "```scene tcp-3way\n```\n\n" }
        }
        return parse("""
        ---
        id: tcp
        title: \(language == .ko ? "TCP 핸드셰이크" : "TCP handshake")
        topic: transport
        order: 10
        summary: \(language == .ko ? "연결을 맺고 끊는 과정" : "Opening and closing a connection")
        scenes: [tcp-3way]
        ---
        \(body)
        """, language)
    }

    static let udpKo = parse("---\nid: udp\ntitle: TCP와 UDP\ntopic: transport\norder: 20\nsummary: 신뢰성과 지연 사이의 선택\n---\n짧은 레슨입니다.\n", .ko)
    static let udpEn = parse("---\nid: udp\ntitle: TCP vs UDP\ntopic: transport\norder: 20\nsummary: Choosing between reliability and latency\n---\nA short lesson.\n", .en)

    static let all: [Lesson] = [long(.ko), long(.en), udpKo, udpEn, ipKo, ipEn]
}
