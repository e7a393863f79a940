import NetSim
import TutorCore
import TutorRender

extension PlayerScreen {
    // MARK: rendering

    static func render(_ p: State, _ state: AppContext, into grid: inout CellGrid, area: Rect) {
        let language = state.language, glyphs = state.glyphs
        let total = p.trace.events.count
        let fine = DiagramLayout.fineTimes(p.trace)
        var status = "\(p.playing ? glyphs.play : "||") \(p.cursor + 1)/\(total)  t=\(DiagramLayout.timeText(p.time, fine: fine))  \(speedText(p.speed))"
        if let live = p.live { status = "\(glyphs.bullet) \(UIText.liveStatus(live.packets, streams: live.streams, language))  " + status }
        renderTitleBar(state, into: &grid, title: "\(UIText.sceneCard[language]): \(p.scene.title[language])", right: status)

        let r = regions(p, size: Size(width: grid.width, height: grid.height))
        if let note = p.trace.scaleNote, let y = r.note {
            grid.put(TextWidth.truncate(" " + (language == .ko ? note.ko : note.en), to: r.header.width, ellipsis: glyphs.ellipsis), x: r.header.x, y: y, style: Style(.dim))
        }
        let header = r.header, narrationArea = r.narration, list = r.list, area = r.diagram
        let panel = PlayerPanel.panel(of: p.trace, cursor: p.cursor, awaitingGuess: p.awaitingGuess)
        if p.awaitingGuess != nil, case .arqWindow? = panel {
            // The sender's next= and the receiver's expectation would give the guess away.
            grid.put(" " + UIText.panelHidden[language], x: r.panel.x, y: r.panel.y, style: Style(.dim), clip: r.panel)
        } else {
            PlayerPanel(panel: panel, language: language, glyphs: glyphs).render(into: &grid, area: r.panel)
        }
        let layout = layout(p, area: area, language: language, glyphs: glyphs)
        renderLanes(p, layout.lifelines, into: &grid, header: header, language: language, glyphs: glyphs)
        SequenceDiagram(trace: p.trace, layout: layout, time: p.time, cursor: p.cursor, hiddenLabel: p.awaitingGuess, glyphs: glyphs, language: language)
            .render(into: &grid, area: area)
        if layout.mode == .ladder {
            status = UIText.ladderView[language] + "  " + status
            renderTitleBar(state, into: &grid, title: "\(UIText.sceneCard[language]): \(p.scene.title[language])", right: status)
        }
        renderNarration(p, into: &grid, area: narrationArea, language: language, glyphs: glyphs)
        if list.width > 0 { renderEventList(p, into: &grid, area: list, language: language, glyphs: glyphs) }
        renderBottomBar(state, into: &grid, bindings: bindings(p), includeGlobal: !capturesText(p))
        if p.showGraph {
            TimeSequenceGraph(trace: p.trace, cursor: p.cursor, mode: glyphs == .ascii ? .ascii : .braille, language: language, glyphs: glyphs)
                .render(into: &grid, area: Rect(x: 0, y: 1, width: grid.width, height: max(0, grid.height - 2)))
        }
        if p.showStates {
            TCPStateDiagram(trace: p.trace, cursor: p.cursor, language: language, glyphs: glyphs)
                .render(into: &grid, area: grid.bounds.centered(width: min(grid.width - 4, 76), height: min(grid.height - 2, 22)))
        }
    }

    /// Where the player's parts go on a screen of `size`: the event list only from 110 columns
    /// (at 80 the diagram takes the width), the scale note, the lane header (two rows for more
    /// than two lanes, so names and states are not cut), the side panel, the diagram, the narration.
    struct Regions {
        var note: Int?
        var header, panel, diagram, narration, list: Rect
    }

    static func regions(_ p: State, size: Size) -> Regions {
        let body = Rect(x: 0, y: 1, width: size.width, height: size.height - 2)
        let listWidth = size.width >= 110 ? min(40, size.width / 4) : 0
        let (main, list) = body.splitLeft(size.width - listWidth)
        var (area, narration) = main.splitBottom(size.height >= 40 ? 7 : 5)
        var note: Int?
        if p.trace.scaleNote != nil { note = area.y; area = area.splitTop(1).1 }
        let (header, rest) = area.splitTop(p.trace.endpoints.count > 2 ? 2 : 1)
        let (panel, diagram) = rest.splitTop(PlayerPanel.height(PlayerPanel.panel(of: p.trace, cursor: p.cursor, awaitingGuess: p.awaitingGuess)))
        return Regions(note: note, header: header, panel: panel, diagram: diagram, narration: narration, list: list)
    }

    /// The diagram's layout for this area, in the view the user chose (or the one that fits):
    /// the one the reducer worked out when it still fits, else worked out now.
    static func layout(_ p: State, area: Rect, language: Language, glyphs: Glyphs) -> DiagramLayout {
        let key = State.LayoutKey(area: area, view: p.view, language: language, ascii: glyphs == .ascii, trace: p.traceVersion)
        if let memo = p.layoutMemo, memo.key == key { return memo.layout }
        return DiagramLayout.make(p.trace, area: area, mode: p.view, language: language, glyphs: glyphs)
    }

    /// Keeps the memo for the screen as it is now, so frames while playing do not redo it.
    static func refreshLayout(_ p: inout State, _ ctx: AppContext) {
        let area = regions(p, size: ctx.size).diagram
        let key = State.LayoutKey(area: area, view: p.view, language: ctx.language, ascii: ctx.glyphs == .ascii, trace: p.traceVersion)
        guard p.layoutMemo?.key != key else { return }
        p.layoutMemo = (key, DiagramLayout.make(p.trace, area: area, mode: p.view, language: ctx.language, glyphs: ctx.glyphs))
    }

    /// Each lane's name (in the reader's language) and state above its lifeline. A state timed
    /// by a timer of its name (TCP's TIME-WAIT) counts down; such a timer is only ever
    /// restarted, never cancelled.
    static func renderLanes(_ p: State, _ xs: [Int], into grid: inout CellGrid, header: Rect, language: Language, glyphs: Glyphs) {
        for (i, name) in p.trace.endpoints.enumerated() where i < xs.count {
            let raw = p.trace.state(of: name, at: p.cursor)
            var st = raw.map { p.trace.stateName($0, language) }
            if let s = raw, let start = p.trace.lastStart(ofTimer: s, on: name, through: p.cursor), let d = start.duration {
                let left = max(0, start.t + d - p.time) / 1000
                st = "\(p.trace.stateName(s, language)) \(Double(Int(left * 10)) / 10)s"
            }
            let lane = UIText.laneName(name, language)
            let lines = header.height > 1 ? [lane] + (st.map { ["[\($0)]"] } ?? []) : [st.map { "\(lane) [\($0)]" } ?? lane]
            for (row, line) in lines.enumerated() {
                var text = line
                if xs.count > 2 { text = TextWidth.truncate(text, to: max(6, (xs[1] - xs[0]) - 1), ellipsis: glyphs.ellipsis) }
                let x = min(max(header.x, xs[i] - TextWidth.width(of: text) / 2), header.maxX - TextWidth.width(of: text))
                grid.put(text, x: x, y: header.y + row, style: Style(row == 0 ? .heading : .accent, bold: true), clip: header)
            }
        }
    }

    static func speedText(_ s: Double) -> String { s < 1 ? "\(s)x" : "\(Int(s))x" }

    static func renderNarration(_ p: State, into grid: inout CellGrid, area: Rect, language: Language, glyphs: Glyphs) {
        let fine = DiagramLayout.fineTimes(p.trace)
        var title = p.currentEvent.map { DiagramLayout.timeText($0.t, fine: fine) } ?? UIText.beforeStart[language]
        if p.predictMode { title += UIText.predictScore(p.score.right, p.score.total, language) }
        let inner = Box(title: title).render(into: &grid, area: area, glyphs: glyphs)
        if p.awaitingGuess != nil {
            let prompt = p.prediction.prompt(for: p.trace.events[p.awaitingGuess!], in: p.trace)[language]
            let lines = Wrap.wrap(prompt, width: inner.width - 2, style: Style(.accent))
            Paragraph(lines: lines).render(into: &grid, area: inner.inset(dx: 1, dy: 0))
            let y = min(inner.maxY - 1, inner.y + lines.count)
            let x = inner.x + 1 + grid.put("> " + p.guess, x: inner.x + 1, y: y, style: Style(.normal, bold: true))
            grid.cursor = (x, y)
            return
        }
        if let v = p.verdict {
            let head = v.correct ? "\(glyphs.check) " + UIText.guessRight[language] : "\(glyphs.loss) " + UIText.itWas[language]
            let wrong = v.wrong.isEmpty || v.correct ? "" : "  " + UIText.wrongFields(v.wrong, language)
            grid.put("\(head): \(v.expected)\(wrong)", x: inner.x + 1, y: inner.y, style: Style(v.correct ? .success : .loss, bold: true), clip: inner)
        }
        let text: String
        if let e = p.currentEvent { text = language == .ko ? e.narration.ko : e.narration.en }
        else if let live = p.live, p.trace.events.isEmpty { text = UIText.liveWaiting(live.source, language) }
        else { text = (p.trace.measured ? UIText.captureHint : UIText.playerHint)[language] }
        let top = p.verdict == nil ? inner : inner.splitTop(1).1
        Paragraph(lines: Wrap.wrap(text, width: inner.width - 2)).render(into: &grid, area: top.inset(dx: 1, dy: 0))
    }

    /// The event log: what has happened so far (in predict mode, nothing later than what was
    /// guessed; otherwise the rest follows, dimmed).
    static func renderEventList(_ p: State, into grid: inout CellGrid, area: Rect, language: Language, glyphs: Glyphs) {
        let shown = p.predictMode ? Array(p.trace.events.prefix(max(0, p.revealed + 1))) : p.trace.events
        let inner = Box(title: "\(max(0, p.revealed + 1))/\(p.trace.events.count)").render(into: &grid, area: area, glyphs: glyphs)
        let room = inner.width - 6
        let constant = DiagramLayout.constantFields(p.trace)
        let items: [Line] = shown.enumerated().map { i, e in
            let t = TextWidth.pad("\(Int(e.t))", to: 6)
            let who = UIText.laneName(e.endpoint ?? "", language)
            let text: String
            switch e.kind {
            case .send:
                // The direction by lane order (the UDP pair is lanes 2 and 3), the label as long as fits.
                let rightward = DiagramLayout.lane(p.trace, e.to) > DiagramLayout.lane(p.trace, e.from)
                let arrow = rightward ? glyphs.arrowRight : glyphs.arrowLeft
                // What fits whole, else the number and kind cut with "…" ("#6 {EncryptedExt…"), not the bare number.
                var texts = DiagramLayout.labelTexts(e, glyphs: glyphs, constant: constant)
                if texts.count > 1 { texts.removeLast() }  // the bare "#6" (the diagram's last resort)
                let label = texts.first { TextWidth.width(of: $0) <= room - 2 } ?? TextWidth.truncate(texts.last ?? "#\(e.n ?? 0)", to: room - 2)
                text = "\(arrow) \(label)"
            case .deliver: text = "  \(glyphs.check) \(e.n.map { "#\($0)" } ?? e.label ?? "")"
            case .drop: text = "\(glyphs.loss) \(e.n.map { "#\($0)" } ?? e.label ?? "")"
            case .state: text = "\(p.trace.stateName(e.state ?? "", language)) \(glyphs.separator) \(who)"
            // What happens first, whose last: cut at the edge, it is the lane that goes.
            case .timerStart, .timerFire: text = "\(DiagramLayout.noteText(e, in: p.trace, language: language) ?? "") \(glyphs.separator) \(who)"
            case .note: text = "\(glyphs.bullet) \(language == .ko ? e.narration.ko : e.narration.en)"
            }
            let future = i > p.revealed
            return [Span(t, Style(.dim)), Span(TextWidth.truncate(text, to: room, ellipsis: glyphs.ellipsis),
                                                 future ? Style(.dim) : Style(e.kind == .drop ? .loss : e.kind == .state ? .accent : .normal))]
        }
        let selected = p.cursor >= 0 && p.cursor < items.count ? p.cursor : nil
        let offset = ListView.offset(keeping: selected, visible: inner.height, current: max(0, (selected ?? 0) - inner.height / 2), count: items.count)
        ListView(items: items, selected: selected, offset: offset).render(into: &grid, area: inner)
    }
}
