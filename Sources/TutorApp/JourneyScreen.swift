import NetSim
import TutorCore
import TutorRender

/// The URL journey: a map of the hops with the current message moving along it, what is on the
/// wire at the current hop, an httpstat-like phase ruler, and the narration.
public enum JourneyScreen: ScreenModel {
    public struct State: Sendable, Equatable {
        public var parameters: JourneyParameters
        public var journey: Journey
        /// One frame per link crossed (or per note): (message, step; -1 for a note).
        public var frames: [Frame]
        public var cursor = 0
        public var playing = false
        /// 0..1: how far the packet of the current frame has moved along its link.
        public var progress = 1.0
        public var speedIndex = 2

        public struct Frame: Sendable, Equatable { public var message: Int; public var step: Int }

        public init(parameters: JourneyParameters) throws {
            self.parameters = parameters
            journey = try URLJourney.build(parameters)
            frames = Self.frames(journey)
        }

        static func frames(_ j: Journey) -> [Frame] {
            j.messages.enumerated().flatMap { i, m in
                m.steps.isEmpty ? [Frame(message: i, step: -1)] : m.steps.indices.map { Frame(message: i, step: $0) }
            }
        }

        mutating func rebuild(_ change: (inout JourneyParameters) -> Void) throws {
            var p = parameters
            change(&p)
            journey = try URLJourney.build(p)
            parameters = p
            frames = Self.frames(journey)
            cursor = min(cursor, frames.count - 1)
        }

        public static let speeds: [Double] = [0.5, 1, 2, 4, 8]  // links per second
        var stepsPerSecond: Double { Self.speeds[speedIndex] }

        var frame: Frame { frames[min(cursor, frames.count - 1)] }
        var message: JourneyMessage { journey.messages[frame.message] }
        var step: LinkStep? { frame.step >= 0 ? message.steps[frame.step] : nil }
        /// Simulated time of the current frame (where the packet is).
        var time: Double {
            guard let s = step else { return message.t }
            return s.t + (s.arrival - s.t) * progress
        }
    }

    static func reduceTick(_ s: inout State, elapsed: Double) {
        guard s.playing else { return }
        s.progress += elapsed * s.stepsPerSecond
        while s.progress >= 1 {
            if s.cursor >= s.frames.count - 1 { s.progress = 1; s.playing = false; return }
            s.cursor += 1
            s.progress -= 1
        }
    }

    static func reduce(_ s: inout State, _ input: ScreenInput, _ ctx: inout AppContext) -> [Outcome] {
        switch input {
        case .command(let command): return reduce(&s, command, &ctx)
        case .tick(let elapsed): reduceTick(&s, elapsed: elapsed)
        default: break
        }
        return []
    }

    static func bindings(_ s: State) -> [KeyBinding] { KeyBindings.journey }
    static func helpSection(_ s: State) -> Localized { UIText.journeySection }
    static func isAnimating(_ s: State) -> Bool { s.playing }

    static func reduce(_ s: inout State, _ command: Command, _ state: inout AppContext) -> [Outcome] {
        let language = state.language
        do {
            switch command {
            case .back, .quit:
                return [.pop]
            case .playPause:
                if s.cursor >= s.frames.count - 1 && !s.playing { s.cursor = 0 }
                if !s.playing { s.progress = 0 }
                s.playing.toggle()
            case .nextEvent: s.playing = false; s.cursor = min(s.cursor + 1, s.frames.count - 1); s.progress = 1
            case .previousEvent: s.playing = false; s.cursor = max(0, s.cursor - 1); s.progress = 1
            case .down, .up:
                // Whole messages: to the first link of the next (or this/previous) message.
                s.playing = false; s.progress = 1
                let m = s.frame.message
                if command == .down {
                    s.cursor = s.frames.firstIndex { $0.message > m } ?? s.frames.count - 1
                } else {
                    let target = s.frames[s.cursor].step > 0 ? m : max(0, m - 1)
                    s.cursor = s.frames.firstIndex { $0.message == target } ?? 0
                }
            case .top: s.playing = false; s.cursor = 0; s.progress = 1
            case .bottom: s.playing = false; s.cursor = s.frames.count - 1; s.progress = 1
            case .faster: s.speedIndex = min(s.speedIndex + 1, State.speeds.count - 1)
            case .slower: s.speedIndex = max(s.speedIndex - 1, 0)
            case .variant(let i):
                guard s.parameters.measured == nil else { state.message = UIText.liveNoVariants[language]; break }
                let v = JourneyVariant.allCases[i]
                try s.rebuild { $0.variant = v }
                s.cursor = 0; s.playing = false
                state.message = "\(UIText.variantLabel[language]): \(language == .ko ? v.title.ko : v.title.en)"
            case .nextClient:
                guard s.parameters.measured == nil else { state.message = UIText.liveNoVariants[language]; break }
                try s.rebuild { $0.client += 1 }
                state.message = "DNS round robin: client \(s.parameters.client + 1), \(s.journey.zone.answer(forClient: s.parameters.client).joined(separator: ", "))"
            case .openDiagram:
                let stage = s.message.stage
                if stage == .tls || stage == .close || stage == .http || stage == .render {
                    let part: JourneyStage = s.journey.messages.contains { $0.stage == .tls } && stage != .close ? .tls : .close
                    return [.push(.player(PlayerScreen.State(trace: s.journey.sequenceTrace(stage == .http || stage == .render ? part : stage), scene: .urlJourney)))]
                } else {
                    // The TCP handshake from the sequence-diagram simulator, with this path's RTT.
                    var o = SceneOptions()
                    o.rtt = max(1, (2 * s.journey.oneWayToEdge).rounded())
                    return [.push(.player(try PlayerScreen.State(scene: .tcp3Way, options: o)))]
                }
            default: break
            }
        } catch {
            state.message = "\(error)"
        }
        return []
    }

    // MARK: rendering

    static func render(_ s: State, _ state: AppContext, into grid: inout CellGrid, area: Rect) {
        let language = state.language, glyphs = state.glyphs
        let j = s.journey
        let live = s.parameters.measured != nil
        let variant = live ? (language == .ko ? "실측" : "live") : (language == .ko ? j.parameters.variant.shortTitle.ko : j.parameters.variant.shortTitle.en)
        let status = "\(s.playing ? glyphs.play : "||") \(s.cursor + 1)/\(s.frames.count)  t=\(formatMS(s.time))"
        renderTitleBar(state, into: &grid, title: "\(j.url.text) \(glyphs.bullet) \(variant)", right: status)

        var y = 1
        y = renderRuler(s, into: &grid, y: y, language: language, glyphs: glyphs)
        y = renderMap(s, into: &grid, y: y, language: language, glyphs: glyphs)

        let bottom = grid.height - 1
        let remaining = bottom - y
        let listWidth = grid.width >= 110 ? min(44, grid.width / 3) : 0
        // The wire panel takes what its headers and the device note need; the narration the rest.
        let wire = wireContent(s, width: grid.width - listWidth - 4, language: language, glyphs: glyphs)
        let panelHeight = min(max(5, wire.count + 2), max(5, remaining - 5))
        let panel = Rect(x: 0, y: y, width: grid.width - listWidth, height: panelHeight)
        renderWire(s, wire, into: &grid, area: panel, language: language, glyphs: glyphs)
        if listWidth > 0 {
            renderList(s, into: &grid, area: Rect(x: grid.width - listWidth, y: y, width: listWidth, height: bottom - y), language: language, glyphs: glyphs)
        }
        let narrationArea = Rect(x: 0, y: y + panelHeight, width: grid.width - listWidth, height: bottom - y - panelHeight)
        let m = s.message
        let title = "\(language == .ko ? m.stage.title.ko : m.stage.title.en) \(glyphs.bullet) \(formatMS(m.t))"
        let inner = Box(title: title).render(into: &grid, area: narrationArea, glyphs: glyphs)
        var lines = Wrap.wrap(language == .ko ? m.narration.ko : m.narration.en, width: max(1, inner.width - 2))
        if j.failure != nil && s.cursor == s.frames.count - 1 { lines = lines.map { $0.map { Span($0.text, Style(.error, bold: true)) } } }
        Paragraph(lines: lines).render(into: &grid, area: inner.inset(dx: 1, dy: 0))
        renderBottomBar(state, into: &grid, bindings: bindings(s))
    }

    static func formatMS(_ v: Double) -> String {
        v >= 100 ? "\(Int(v.rounded()))ms" : "\((v * 10).rounded() / 10)ms"
    }

    /// httpstat-like: one band per phase, proportional to its time, the cumulative times below.
    static func renderRuler(_ s: State, into grid: inout CellGrid, y: Int, language: Language, glyphs: Glyphs) -> Int {
        let phases = s.journey.phases
        let total = max(1, phases.last?.end ?? 1)
        let width = grid.width - 2
        func name(_ ph: JourneyPhase) -> String { language == .ko ? ph.title.ko : ph.title.en }
        func short(_ ph: JourneyPhase) -> String {
            [JourneyPhase.Kind.dns: "DNS", .connect: "TCP", .tls: "TLS", .server: language == .ko ? "서버" : "server", .transfer: language == .ko ? "전송" : "transfer"][ph.kind]!
        }
        // Proportional widths, but wide enough for the longest labels that fit: full names with
        // times, else short names with times, else short names.
        let proportional = phases.map { Int((Double(width) * $0.duration / total).rounded()) }
        func fit(_ mins: [Int]) -> [Int]? {
            guard mins.reduce(0, +) <= width else { return nil }
            var w = zip(proportional, mins).map { max($0, $1) }
            while w.reduce(0, +) > width, let i = w.indices.filter({ w[$0] > mins[$0] }).max(by: { w[$0] - mins[$0] < w[$1] - mins[$1] }) { w[i] -= 1 }
            return w
        }
        let full = phases.map { TextWidth.width(of: "\(name($0)) \(formatMS($0.duration))") + 2 }
        let medium = phases.map { TextWidth.width(of: "\(short($0)) \(formatMS($0.duration))") + 2 }
        let tiny = phases.map { TextWidth.width(of: short($0)) + 2 }
        let widths = fit(full) ?? fit(medium) ?? fit(tiny) ?? phases.map { _ in max(1, width / max(1, phases.count)) }
        var x = 1
        let now = s.time
        var marks: [(x: Int, text: String)] = [(1, "0")]
        for (i, ph) in phases.enumerated() {
            let w = widths[i]
            let current = now >= ph.start && now < ph.end || (i == phases.count - 1 && now >= ph.end)
            let dur = formatMS(ph.duration)
            var label = "\(name(ph)) \(dur)"
            if TextWidth.width(of: label) > w - 1 { label = "\(short(ph)) \(dur)" }
            if TextWidth.width(of: label) > w - 1 { label = short(ph) }
            let text = TextWidth.pad(" " + TextWidth.truncate(label, to: w - 1, ellipsis: ""), to: w)
            let roles: [Role] = [.syn, .ack, .fin, .timer, .data]
            grid.put(text, x: x, y: y, style: Style(roles[i % roles.count], bold: current, reverse: true))
            x += w
            marks.append((x - 1, formatMS(ph.end)))
        }
        // Cumulative times (curl's namelookup, connect, appconnect, starttransfer, total).
        var lastEnd = -1
        for (i, mark) in marks.enumerated() {
            let text = i == 0 ? mark.text : mark.text
            let mx = min(max(0, mark.x - TextWidth.width(of: text) + 1), grid.width - TextWidth.width(of: text))
            guard mx > lastEnd else { continue }
            grid.put(text, x: i == 0 ? 1 : mx, y: y + 1, style: Style(.dim))
            lastEnd = (i == 0 ? 1 : mx) + TextWidth.width(of: text)
        }
        return y + 2
    }

    /// Column of each on-path hop, and the position of each DNS server above the path.
    static func positions(width: Int) -> [HopID: (x: Int, row: Int)] {
        var out: [HopID: (x: Int, row: Int)] = [:]
        let n = HopID.path.count
        let left = 5, right = width - 6
        for (i, hop) in HopID.path.enumerated() { out[hop] = (left + i * (right - left) / (n - 1), 2) }
        let isp = out[.isp]!.x, core = out[.core]!.x
        let gap = max(6, (right - left) / (n - 1))
        out[.resolver] = (isp - gap / 2, 0)
        out[.root] = (core - gap / 3, 0)
        out[.tld] = (core + gap / 2, 0)
        out[.authoritative] = (core + gap + gap / 3, 0)
        return out
    }

    static func shortName(_ hop: HopID, _ language: Language, room: Int) -> String {
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

    /// The map: DNS servers on the top row, links, the path with its hops, the moving packet.
    static func renderMap(_ s: State, into grid: inout CellGrid, y top: Int, language: Language, glyphs: Glyphs) -> Int {
        let pos = positions(width: grid.width)
        let rowY = { (row: Int) in top + 1 + row }  // row 0: DNS servers, 1: connectors, 2: path, 3: names
        let pathY = rowY(2)
        let step = s.step
        let active: Set<HopID> = step.map { [$0.from, $0.to] } ?? [s.message.from]
        // The path line.
        let first = pos[.browser]!.x, last = pos[.server]!.x
        for x in first...last { grid.put(glyphs.horizontal, x: x, y: pathY, style: Style(.border)) }
        // DNS servers and their links to the path.
        let dnsRoom = grid.width >= 120 ? 12 : (last - first) / (HopID.path.count - 1) - 2
        for hop in [HopID.resolver, .root, .tld, .authoritative] {
            let p = pos[hop]!, att = pos[hop.attachment!]!
            let name = shortName(hop, language, room: hop == .resolver ? max(8, dnsRoom) : max(3, dnsRoom))
            let nx = min(max(0, p.x - TextWidth.width(of: name) / 2), grid.width - TextWidth.width(of: name))
            grid.put(name, x: nx, y: rowY(0), style: Style(active.contains(hop) ? .accent : .dim, bold: active.contains(hop), reverse: active.contains(hop)))
            let cx = (p.x + att.x) / 2
            grid.put(p.x < att.x ? "\\" : p.x > att.x ? "/" : glyphs.vertical, x: cx, y: rowY(1), style: Style(.border))
        }
        // Hops and their names (alternately above and below would crowd; below only, shortened).
        let spacing = (last - first) / (HopID.path.count - 1)
        for hop in HopID.path {
            let p = pos[hop]!
            let on = active.contains(hop)
            grid.put(on ? glyphs.pointer : glyphs.bullet, x: p.x, y: pathY, style: Style(on ? .accent : .heading, bold: true))
            // The first hop has the left margin to spare, so "브라우저" fits at 80 columns.
            let name = shortName(hop, language, room: hop == .browser ? spacing + 1 : max(3, spacing - 1))
            let nx = min(max(0, p.x - TextWidth.width(of: name) / 2), grid.width - TextWidth.width(of: name))
            grid.put(name, x: nx, y: rowY(3), style: Style(on ? .accent : .normal, bold: on, reverse: on))
        }
        // The packet: between the two ends of the current link.
        if let st = step, let a = pos[st.from], let b = pos[st.to] {
            let f = s.progress
            let ay = Double(a.row == 2 ? pathY : rowY(0) + 1), by = Double(b.row == 2 ? pathY : rowY(0) + 1)
            let x = Int((Double(a.x) + (Double(b.x) - Double(a.x)) * f).rounded())
            let yy = Int((ay + (by - ay) * f).rounded())
            grid.put(glyphs.segment, x: x, y: yy == pathY ? pathY - 1 : yy, style: Style(role(s.message), bold: true))
            // The message label above the map, next to the packet, clipped to the screen.
            let label = TextWidth.truncate(s.message.label, to: grid.width - 2, ellipsis: glyphs.ellipsis)
            let lx = min(max(1, x - TextWidth.width(of: label) / 2), grid.width - 1 - TextWidth.width(of: label))
            grid.put(label, x: lx, y: top, style: Style(role(s.message), bold: true))
        } else {
            let label = TextWidth.truncate(s.message.label, to: grid.width - 2, ellipsis: glyphs.ellipsis)
            let p = pos[s.message.from]!
            let lx = min(max(1, p.x - TextWidth.width(of: label) / 2), grid.width - 1 - TextWidth.width(of: label))
            grid.put(label, x: lx, y: top, style: Style(.emphasis, bold: true))
        }
        return rowY(3) + 1
    }

    static func role(_ m: JourneyMessage) -> Role {
        switch m.stage {
        case .dns: .timer
        case .arp: .dim
        case .tcp, .close: .syn
        case .tls: .fin
        default: .data
        }
    }

    /// What is on the wire at the current link, outermost header first; fields that differ from
    /// the previous link of the same message are marked, so changes show without colour.
    static func wireContent(_ s: State, width: Int, language: Language, glyphs: Glyphs) -> [Line] {
        let m = s.message
        guard let st = s.step else { return [[Span(UIText.insideBrowser[language], Style(.dim))]] }
        var lines: [Line] = []
        let previous: WireHeaders? = s.frame.step > 0 ? m.steps[s.frame.step - 1].headers : nil
        func row(_ name: String, _ value: String, changed: Bool) {
            let mark = changed ? " \(glyphs.arrowLeft) \(UIText.changed[language])" : ""
            let text = TextWidth.truncate(value, to: max(1, width - 11 - TextWidth.width(of: mark)), ellipsis: glyphs.ellipsis)
            lines.append([Span(TextWidth.pad(name, to: 10), Style(.heading, bold: true)), Span(" "),
                          Span(text, Style(.normal, bold: changed, underline: changed)), Span(mark, Style(.warning, bold: true))])
        }
        if let h = st.headers {
            if let e = h.ethernet {
                row("Ethernet", "\(e.src) \(glyphs.arrowRight) \(e.dst)", changed: previous?.ethernet.map { $0 != e } ?? false)
            }
            if let ip = h.ip {
                let addrChanged = previous?.ip.map { $0.src != ip.src || $0.dst != ip.dst } ?? false
                row("IP", "\(ip.src) \(glyphs.arrowRight) \(ip.dst)  TTL \(ip.ttl)", changed: addrChanged)
            }
            if let t = h.transport {
                let portsChanged = previous?.transport.map { $0.srcPort != t.srcPort || $0.dstPort != t.dstPort } ?? false
                row(t.proto, "\(t.srcPort) \(glyphs.arrowRight) \(t.dstPort)  \(t.detail)", changed: portsChanged)
            }
            if let tls = h.tls { row("TLS", tls, changed: false) }
            let appName = m.stage == .arp ? "ARP" : m.stage == .dns ? "DNS" : m.layer == .transport ? "" : m.layer == .tls ? (language == .ko ? "내용" : "inside") : "HTTP"
            if !appName.isEmpty || h.transport == nil { row(appName.isEmpty ? "data" : appName, h.payload, changed: false) }
        } else {
            row(language == .ko ? "소켓" : "socket", m.label, changed: false)
        }
        lines.append([])
        let device = language == .ko ? st.device.ko : st.device.en
        // Each note names its device ("Switch: …", "The NIC …").
        lines += Wrap.wrap([Span(device, Style(.accent))], width: width)
        return lines
    }

    static func renderWire(_ s: State, _ lines: [Line], into grid: inout CellGrid, area: Rect, language: Language, glyphs: Glyphs) {
        let m = s.message
        let title: String
        if let st = s.step {
            title = "\(UIText.onTheWire[language]): \(shortName(st.from, language, room: 20)) \(glyphs.arrowRight) \(shortName(st.to, language, room: 20))  (\(language == .ko ? "계층" : "layer"): \(m.layer.rawValue))"
        } else {
            title = shortName(m.from, language, room: 20)
        }
        let inner = Box(title: title).render(into: &grid, area: area, glyphs: glyphs)
        Paragraph(lines: Array(lines.prefix(inner.height))).render(into: &grid, area: inner.inset(dx: 1, dy: 0))
    }

    static func renderList(_ s: State, into grid: inout CellGrid, area: Rect, language: Language, glyphs: Glyphs) {
        let inner = Box(title: "\(s.journey.messages.count)").render(into: &grid, area: area, glyphs: glyphs)
        let items: [Line] = s.journey.messages.map { m in
            [Span(TextWidth.pad(formatMS(m.t), to: 8), Style(.dim)),
             Span(TextWidth.truncate(m.label, to: max(1, inner.width - 8), ellipsis: glyphs.ellipsis), Style(role(m)))]
        }
        let selected = s.frame.message
        let offset = ListView.offset(keeping: selected, visible: inner.height, current: max(0, selected - inner.height / 2), count: items.count)
        ListView(items: items, selected: selected, offset: offset).render(into: &grid, area: inner)
    }
}
