import NetSim
import TutorCore
import TutorRender

/// A lesson laid out for a width: styled lines, each remembering the block it came from so the
/// reading position survives a resize or a language switch.
public struct LaidLine: Sendable, Equatable {
    public var line: Line
    public var block: Int
}

public enum LessonLayout {
    public static func lines(_ lesson: Lesson, width: Int, glyphs: Glyphs, language: Language) -> [LaidLine] {
        var out: [LaidLine] = []
        let width = max(10, width)
        for (i, block) in lesson.blocks.enumerated() {
            let lines = layout(block, width: width, glyphs: glyphs, language: language)
            if i > 0, !lines.isEmpty { out.append(LaidLine(line: [], block: i)) }
            out += lines.map { LaidLine(line: $0, block: i) }
        }
        return out
    }

    static func layout(_ block: Block, width: Int, glyphs: Glyphs, language: Language) -> [Line] {
        switch block {
        case .heading(let level, let inlines):
            let style = Style(level <= 2 ? .heading : .emphasis, bold: true, underline: level == 1)
            var lines = Wrap.wrap(spans(inlines, base: style), width: width)
            if level <= 2 {
                let w = min(width, lines.map(\.width).max() ?? 0)
                lines.append([Span(String(repeating: level == 1 ? glyphs.heavyHorizontal : glyphs.horizontal, count: w), Style(.heading))])
            }
            return lines
        case .paragraph(let inlines):
            return Wrap.wrap(spans(inlines, base: .plain), width: width)
        case .list(let ordered, let start, let items):
            var out: [Line] = []
            for (n, item) in items.enumerated() {
                let marker = ordered ? "\(start + n). " : glyphs.bullet + " "
                let indent = TextWidth.width(of: marker)
                var first = true
                for (bi, sub) in item.enumerated() {
                    let subLines = layout(sub, width: width - indent, glyphs: glyphs, language: language)
                    if bi > 0, !subLines.isEmpty, case .paragraph = sub { out.append([]) }
                    for line in subLines {
                        let prefix = first ? Span(marker, Style(.accent, bold: true)) : Span(String(repeating: " ", count: indent))
                        out.append([prefix] + line)
                        first = false
                    }
                }
            }
            return out
        case .quote(let blocks):
            var inner: [Line] = []
            for (i, b) in blocks.enumerated() {
                if i > 0 { inner.append([]) }
                inner += layout(b, width: width - 2, glyphs: glyphs, language: language)
            }
            return inner.map { [Span(glyphs.quoteBar + " ", Style(.quote))] + $0.map { Span($0.text, Style(.quote, bold: $0.style.bold, underline: $0.style.underline)) } }
        case .code(_, let text):
            var out: [Line] = []
            let inner = width - 2
            for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
                var rest = Substring(raw)
                repeat {  // hard-wrap long code lines by column; never reflow code words
                    let (piece, _) = TextWidth.prefix(rest, fitting: inner)
                    let taken = piece.isEmpty && !rest.isEmpty ? String(rest.prefix(1)) : piece
                    out.append([Span(glyphs.vertical + " ", Style(.dim)), Span(taken, Style(.code))])
                    rest = rest.dropFirst(taken.count)
                } while !rest.isEmpty
            }
            return out
        case .table(let alignments, let header, let rows):
            let table = TableLayout(
                header: header.map { spans($0, base: .plain) },
                rows: rows.map { $0.map { spans($0, base: .plain) } },
                alignments: alignments.map { a -> TableLayout.Alignment in a == .right ? .right : a == .center ? .center : .left })
            return table.lines(maxWidth: width, glyphs: glyphs)
        case .scene(let id):
            return sceneCard(id, width: width, glyphs: glyphs, language: language)
        case .rule:
            return [[Span(String(repeating: glyphs.horizontal, count: width), Style(.dim))]]
        }
    }

    /// A scene card: a framed box naming the scene. Playback arrives with the simulator.
    static func sceneCard(_ id: String, width: Int, glyphs: Glyphs, language: Language) -> [Line] {
        let w = min(width, 72)
        let scene = SceneID(rawValue: id)
        let title = "\(glyphs.play) \(UIText.sceneCard[language]): \(SceneTitles.title(id, language))"
        let body: String
        if let scene { body = scene.isPlayable ? SceneTitles.summary(scene, language) + ". " + UIText.scenePlayInReader[language] : UIText.sceneComingSoon[language] }
        else { body = UIText.sceneUnknown[language] }
        let border = Style(.accent)
        var out: [Line] = []
        let titleText = TextWidth.truncate(" \(title) ", to: w - 4, ellipsis: glyphs.ellipsis)
        let fill = max(0, w - 3 - TextWidth.width(of: titleText))
        out.append([Span(glyphs.topLeft + glyphs.horizontal, border), Span(titleText, Style(.accent, bold: true)),
                    Span(String(repeating: glyphs.horizontal, count: fill) + glyphs.topRight, border)])
        for line in Wrap.wrap([Span(body, Style(.dim)), Span(" [\(id)]", Style(.dim))], width: w - 4) {
            out.append([Span(glyphs.vertical + " ", border)] + line + [Span(String(repeating: " ", count: max(0, w - 4 - line.width)) + " " + glyphs.vertical, border)])
        }
        out.append([Span(glyphs.bottomLeft + String(repeating: glyphs.horizontal, count: w - 2) + glyphs.bottomRight, border)])
        return out
    }

    /// Inline runs to styled spans. Bold, emphasis, code and links stay distinguishable without
    /// colour (bold / underline / the code role, which the ASCII theme still shows).
    static func spans(_ inlines: [Inline], base: Style) -> Line {
        var out: Line = []
        for inline in inlines {
            switch inline {
            case .text(let s): out.append(Span(s, base))
            case .code(let s):
                out.append(Span(s, Style(.code, bold: base.bold)))
            case .strong(let c):
                var s = base; s.bold = true; if s.role == .normal { s.role = .emphasis }
                out += spans(c, base: s)
            case .emphasis(let c):
                var s = base; s.underline = true
                out += spans(c, base: s)
            case .strikethrough(let c):
                var s = base; s.dim = true
                out += spans(c, base: s)
            case .link(let text, let destination):
                var s = base; s.underline = true
                let label = spans(text, base: s)
                out += label
                if label.plainText != destination, !destination.isEmpty, !destination.hasPrefix("#") {
                    out.append(Span(" <\(destination)>", Style(.dim)))
                }
            case .lineBreak: out.append(Span("\n", base))
            }
        }
        return out
    }
}

/// Human titles for the scene ids of DESIGN §5.
public enum SceneTitles {
    /// One sentence on what the scene shows.
    public static func summary(_ scene: SceneID, _ language: Language) -> String {
        let t: Localized
        switch scene {
        case .tcp3Way: t = Localized(ko: "SYN, SYN+ACK, ACK로 양쪽 ISN을 주고받는 과정", en: "SYN, SYN+ACK and ACK exchanging both ISNs")
        case .tcp4Way: t = Localized(ko: "FIN과 ACK로 두 방향을 따로 닫고 TIME-WAIT를 거치는 과정", en: "FIN and ACK closing each direction, then TIME-WAIT")
        case .tcpLostFinalAck: t = Localized(ko: "마지막 ACK가 유실되면 FIN이 재전송되고 TIME-WAIT가 다시 ACK합니다", en: "A lost final ACK: the FIN is retransmitted and TIME-WAIT re-ACKs it")
        case .tcpSynRetransmit: t = Localized(ko: "SYN이 유실되면 RTO가 두 배씩 늘며 재전송됩니다", en: "A lost SYN is retransmitted with the RTO doubling each time")
        case .tcpSimultaneousClose: t = Localized(ko: "양쪽이 동시에 FIN을 보내 CLOSING을 거쳐 둘 다 TIME-WAIT로 갑니다", en: "Both send FIN at once, pass CLOSING and both enter TIME-WAIT")
        case .udpVsTcp: t = Localized(ko: "같은 손실에서 TCP와 UDP가 어떻게 다른지", en: "How TCP and UDP differ under the same losses")
        case .arqStopAndWait: t = Localized(ko: "패킷 하나씩 보내고 ACK를 기다리며, 유실은 타임아웃으로 복구합니다", en: "One packet at a time; losses are repaired by timeouts")
        case .arqGoBackN: t = Localized(ko: "누적 ACK와 타이머 하나, 유실 시 창 전체를 다시 보냅니다", en: "Cumulative ACKs, one timer, and the whole window resent on a loss")
        case .arqSelectiveRepeat: t = Localized(ko: "패킷마다 ACK와 타이머, 수신 측 버퍼로 유실된 것만 다시 보냅니다", en: "Per-packet ACKs and timers and a receiver buffer: only losses are resent")
        case .flowControl: t = Localized(ko: "느리게 읽는 수신자 때문에 rwnd가 0이 되고 zero-window probe가 오갑니다", en: "A slow reader shrinks rwnd to 0; zero-window probes follow")
        case .cwndLab: t = Localized(ko: "혼잡 윈도우의 변화를 그래프로", en: "The congestion window as a graph")
        case .urlJourney: t = Localized(ko: "URL 입력부터 화면 표시까지", en: "From typing a URL to a rendered page")
        }
        return t[language]
    }

    public static func title(_ id: String, _ language: Language) -> String {
        guard let scene = SceneID(rawValue: id) else { return id }
        let t: Localized
        switch scene {
        case .tcp3Way: t = Localized(ko: "TCP 3-way handshake", en: "TCP 3-way handshake")
        case .tcp4Way: t = Localized(ko: "TCP 4-way handshake (연결 종료)", en: "TCP 4-way handshake (close)")
        case .tcpLostFinalAck: t = Localized(ko: "마지막 ACK 손실과 TIME-WAIT", en: "Lost final ACK and TIME-WAIT")
        case .tcpSynRetransmit: t = Localized(ko: "SYN 재전송", en: "SYN retransmission")
        case .tcpSimultaneousClose: t = Localized(ko: "동시 종료", en: "Simultaneous close")
        case .udpVsTcp: t = Localized(ko: "UDP와 TCP 나란히 보기", en: "UDP and TCP side by side")
        case .arqStopAndWait: t = Localized(ko: "Stop-and-Wait ARQ", en: "Stop-and-wait ARQ")
        case .arqGoBackN: t = Localized(ko: "Go-Back-N ARQ", en: "Go-Back-N ARQ")
        case .arqSelectiveRepeat: t = Localized(ko: "Selective Repeat ARQ", en: "Selective Repeat ARQ")
        case .flowControl: t = Localized(ko: "흐름 제어 (rwnd)", en: "Flow control (rwnd)")
        case .cwndLab: t = Localized(ko: "혼잡 윈도우 실험실", en: "Congestion window lab")
        case .urlJourney: t = Localized(ko: "URL에서 웹 페이지까지", en: "From URL to web page")
        }
        return t[language]
    }
}
