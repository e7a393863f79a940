import TutorCore

/// A client's write–write–read over an established TCP connection: Nagle's algorithm on the
/// client (RFC 896; RFC 1122 §4.2.3.4; RFC 9293 §3.7.4) against delayed ACKs on the server
/// (RFC 1122 §4.2.3.2; RFC 9293 §3.8.6.3). The server's application answers only once it has
/// the whole request, so its first segment gets no data to carry the ACK; the ACK waits for the
/// timer, and the client's body waits for the ACK. The variants turn one side off, or write
/// the request at once. Byte numbers are relative (the first byte of each side is 1).
public enum NagleDelayedAck {
    /// What the scene turns on: the client's Nagle, the server's delayed ACK, one write or two.
    public struct Setup: Sendable, Hashable {
        public var nagle = true
        public var delayedAck = true
        public var singleWrite = false
        /// The server's delayed-ACK timer in ms (200: classic BSD and Windows; Linux 40 at least).
        public var delayedAckTime: Double = 200
        public init(nagle: Bool = true, delayedAck: Bool = true, singleWrite: Bool = false, delayedAckTime: Double = 200) {
            self.nagle = nagle; self.delayedAck = delayedAck; self.singleWrite = singleWrite; self.delayedAckTime = delayedAckTime
        }
    }

    static let client = "client", server = "server"
    static let options: [SceneOption] = [.drop, .rtt]
    /// The request's header and body, the response, and the MSS (all the writes are smaller).
    static let header = 100, body = 50, response = 200, mss = 1460

    static func simulate(_ setup: Setup, scene: String, _ options: SceneOptions) throws -> Trace {
        try TCPScene.checkShared(options)
        precondition(setup.delayedAckTime > 0 && setup.delayedAckTime < 500, "RFC 1122 §4.2.3.2: the delay MUST be less than 0.5 s")
        let rtt = options.rtt ?? 100
        let ex = Exchange(scene: scene, lanes: [client, server], drops: options.drops) { _, _ in rtt / 2 }
        // RFC 6298 §2.2, §2.4: after one RTT sample SRTT + 4·RTTVAR = 3 RTT, at least 1 s.
        let rto = max(1000, 3 * rtt)
        let sender = Sender(ex: ex, nagle: setup.nagle, rto: rto)
        let receiver = Receiver(ex: ex, setup: setup, request: header + body, rto: rto)
        let reader = Reader(ex: ex, setup: setup)

        ex.note(client, NagleWords.opening(setup, rtt: rtt))
        if setup.singleWrite {
            ex.at(after: 0) { sender.write(header + body, "request") }
        } else {
            ex.at(after: 0) { sender.write(header, "header") }
            // The second write a millisecond later: the same instant to the application.
            ex.at(after: 1) { sender.write(body, "body") }
        }
        ex.at(after: 1) { ex.state(client, "reading", NagleWords.reading) }

        ex.onArrival = { a, ex in
            let info = a.message.info
            switch (a.to, a.message.kind) {
            case (server, "DATA"):
                receiver.arrive(seq: Int(info["seq"]!)!, len: Int(info["len"]!)!)
            case (client, "ACK"):
                sender.acknowledged(Int(info["ack"]!)!)
            case (client, "DATA"):
                sender.acknowledged(Int(info["ack"]!)!)
                reader.arrive()
            case (server, "ACK"):
                // The client's ACK of the response: the exchange is over.
                guard !receiver.responseAcked, let t = reader.responseTime else { return }
                receiver.responseAcked = true
                ex.note(client, NagleWords.summary(setup, rtt: rtt, at: t, retransmitted: ex.events.contains(where: \.retransmission)))
            default: break
            }
        }
        var trace = ex.run()
        trace.initialState = "ESTABLISHED"
        trace.scaleNote = NagleWords.legend(setup, rtt: rtt)
        trace.stateNames = NagleWords.states
        return trace
    }

    static func dataLabel(seq: Int, len: Int, name: String) -> String { "seq=\(seq) len=\(len) (\(name))" }

    /// The client's sending side: what the application wrote and has not sent, what is in
    /// flight, and the retransmission timer (RFC 6298 §5, not drawn, like `Exchange.Recovery`).
    /// Its own timer rather than `Recovery`, which resends only a message that was itself lost:
    /// when the server's ACK is lost, the header must go again, or Nagle would hold the body forever.
    final class Sender {
        let ex: Exchange, nagle: Bool
        private(set) var una = 1, nxt = 1
        private var unsent: [(len: Int, name: String)] = []
        private var inFlight: [(seq: Int, len: Int, name: String)] = []
        private var rto: Double
        private var timer = 0, timing = false
        /// Whether Nagle is holding what is unsent (so its sending is a release).
        private var holding = false

        init(ex: Exchange, nagle: Bool, rto: Double) { self.ex = ex; self.nagle = nagle; self.rto = rto }

        func write(_ len: Int, _ name: String) {
            precondition(len < mss, "the scene's writes are small segments")
            ex.note(client, NagleWords.write(len, name))
            unsent.append((len, name))
            push()
        }

        /// RFC 1122 §4.2.3.4 (RFC 9293 §3.7.4): with data unacknowledged (SND.NXT > SND.UNA),
        /// hold a small segment until the ACK comes or a full-sized one can be sent.
        private func push() {
            guard !unsent.isEmpty else { return }
            let len = unsent.map(\.len).reduce(0, +), name = unsent.map(\.name).joined(separator: "+")
            if nagle && len < mss && nxt > una {
                if !holding { ex.note(client, NagleWords.held(len, outstanding: nxt - una)) }
                holding = true
                return
            }
            let narration = NagleWords.send(len, name, outstanding: nxt - una, released: holding)
            unsent = []; holding = false
            inFlight.append((nxt, len, name))
            send(seq: nxt, len: len, name: name, narration)
            nxt += len
            if !timing { restartTimer() }  // RFC 6298 §5.1
        }

        private func send(seq: Int, len: Int, name: String, _ narration: Localized, again: Bool = false) {
            let m = ExchangeMessage("DATA", detail: dataLabel(seq: seq, len: len, name: name), narration: narration,
                                    onArrival: NagleWords.dataArrives(len, name), info: ["seq": "\(seq)", "len": "\(len)"])
            ex.send(m, from: client, to: server, retransmission: again)
        }

        /// An acknowledgment up to `ack` (a pure ACK or the response's).
        func acknowledged(_ ack: Int) {
            guard ack > una else {
                if !inFlight.isEmpty { ex.note(client, NagleWords.duplicateAck) }
                return
            }
            una = ack
            inFlight.removeAll { $0.seq + $0.len <= ack }
            if inFlight.isEmpty { timer += 1; timing = false } else { restartTimer() }  // RFC 6298 §5.2, §5.3
            push()
        }

        private func restartTimer() {
            timer += 1; timing = true
            let mine = timer
            ex.at(after: rto) { [unowned self] in
                guard mine == timer, let first = inFlight.first else { return }
                let fired = rto
                rto *= 2  // RFC 6298 §5.5: back off
                // §5.4: the earliest unacknowledged segment goes again.
                send(seq: first.seq, len: first.len, name: first.name, NagleWords.retransmit(client, rto: fired), again: true)
                restartTimer()  // §5.6
            }
        }
    }

    /// The server: its receive side with the delayed-ACK timer, and its application, which
    /// answers once the whole request is in.
    final class Receiver {
        let ex: Exchange, setup: Setup, request: Int, rto: Double
        private var rcvNxt = 1
        private var outOfOrder: [Int: Int] = [:]
        private var delayed: Int?
        /// Data has arrived that no ACK has covered yet (the delayed-ACK timer runs).
        private var pending = false
        private var fullUnacked = 0
        private var answered = false
        /// Whether the client's ACK of the response has arrived.
        var responseAcked = false

        init(ex: Exchange, setup: Setup, request: Int, rto: Double) {
            self.ex = ex; self.setup = setup; self.request = request; self.rto = rto
        }

        func arrive(seq: Int, len: Int) {
            if seq + len <= rcvNxt {  // all seen before: RFC 9293 §3.10.7.4, answer at once
                ackNow(NagleWords.duplicateData)
                return
            }
            if seq > rcvNxt {  // a gap: RFC 5681 §4.2, an immediate duplicate ACK
                outOfOrder[seq] = len
                ackNow(NagleWords.outOfOrder)
                return
            }
            rcvNxt = seq + len
            while let next = outOfOrder.removeValue(forKey: rcvNxt) { rcvNxt += next }
            if rcvNxt - 1 >= request && !answered {
                answered = true
                if pending { settle(NagleWords.timerStopped) }
                sendResponse(again: false, rto: rto)
                return
            }
            let incomplete = NagleWords.incomplete(have: rcvNxt - 1, of: request)
            if len >= mss { fullUnacked += 1 }
            if !setup.delayedAck {
                ackNow(NagleWords.join(incomplete, NagleWords.immediateAck))
            } else if fullUnacked >= 2 {  // RFC 1122 §4.2.3.2: every second full-sized segment
                ackNow(NagleWords.secondFullSegment)
            } else if !pending {
                pending = true
                ex.state(server, "ack-pending", incomplete)
                // After the state, so the margin reads in order: why, then the timer.
                ex.at(after: 0) { [unowned self] in
                    delayed = ex.startTimer("delayed-ACK", on: server, duration: setup.delayedAckTime,
                                            narration: NagleWords.delayedTimer(setup.delayedAckTime),
                                            firing: NagleWords.delayedFires(setup.delayedAckTime)) { [unowned self] in
                        delayed = nil
                        ackNow(NagleWords.timerAck)
                    }
                }
            }
        }

        private func ackNow(_ narration: Localized) {
            ex.send(ExchangeMessage("ACK", detail: "ack=\(rcvNxt)", role: .ack, narration: narration,
                                    onArrival: NagleWords.ackArrives(rcvNxt), info: ["ack": "\(rcvNxt)"]), from: server, to: client)
            fullUnacked = 0
            if pending { settle(NagleWords.nothingPending) }
        }

        /// Nothing is left to acknowledge: the delayed-ACK timer stops.
        private func settle(_ narration: Localized) {
            ex.cancel(delayed); delayed = nil; pending = false
            ex.state(server, "ESTABLISHED", narration)
        }

        /// The response carries the ACK of the whole request (piggybacked). Its retransmission
        /// timer stops when the client's ACK of it comes.
        private func sendResponse(again: Bool, rto: Double) {
            let m = ExchangeMessage("DATA", detail: "len=\(response) ack=\(rcvNxt) (response)",
                                    narration: again ? NagleWords.retransmit(server, rto: rto / 2) : NagleWords.response(setup),
                                    onArrival: NagleWords.responseArrives, info: ["ack": "\(rcvNxt)"])
            ex.send(m, from: server, to: client, retransmission: again)
            ex.at(after: rto) { [unowned self] in
                if !responseAcked { sendResponse(again: true, rto: rto * 2) }
            }
        }
    }

    /// The client's receive side: read() returns with the response, and the client's own
    /// delayed ACK (the same setting as the server's) acknowledges it, as no request follows.
    final class Reader {
        let ex: Exchange, setup: Setup
        private(set) var responseTime: Double?

        init(ex: Exchange, setup: Setup) { self.ex = ex; self.setup = setup }

        func arrive() {
            guard responseTime == nil else {  // a retransmitted response: RFC 9293 §3.10.7.4
                ack(NagleWords.duplicateResponse)
                return
            }
            responseTime = ex.now
            ex.state(client, "ESTABLISHED", NagleWords.readReturns)
            guard setup.delayedAck else { return ack(NagleWords.clientAcksAtOnce) }
            ex.at(after: 0) { [unowned self] in
                ex.startTimer("delayed-ACK", on: client, duration: setup.delayedAckTime, narration: NagleWords.clientDelayedTimer(setup.delayedAckTime),
                              firing: NagleWords.clientDelayedFires) { [unowned self] in ack(NagleWords.clientTimerAck) }
            }
        }

        private func ack(_ narration: Localized) {
            let next = response + 1
            ex.send(ExchangeMessage("ACK", detail: "ack=\(next)", role: .ack, narration: narration,
                                    onArrival: NagleWords.finalAckArrives, info: ["ack": "\(next)"]), from: client, to: server)
        }
    }
}
