import NetSim
import TutorCore

extension QuestionGenerators {
    /// A random RTT and TLS version: when can the client send its first request, counted from
    /// its SYN? The answer is read off NetSim's TLS scene (RFC 8446 §2 / RFC 5246 §7.3), in
    /// whole round trips: the scene spaces a flight's messages a millisecond apart, which the
    /// question leaves out.
    static func tlsRequestTime(seed: UInt64) -> GeneratedQuestion {
        var rng = SeededRandom(seed: seed)
        let rtt = Double(20 + 10 * (rng.next() % 29))        // 20...300 ms
        let tls12 = rng.next() % 2 == 0
        var options = SceneOptions()
        options.rtt = rtt
        let trace = try! (tls12 ? SceneSpec.tls12Handshake : SceneSpec.tls13Handshake).simulate(options)
        let syn = trace.events.first { $0.kind == .send && $0.label == "SYN" }!.t
        let request = trace.events.first { $0.kind == .send && $0.from == "client" && ($0.label ?? "").contains("GET") }!.t
        let rounds = ((request - syn) / rtt).rounded()
        let version = tls12 ? "TLS 1.2" : "TLS 1.3"
        return GeneratedQuestion(
            prompt: Localized(ko: "RTT가 \(Int(rtt)) ms인 서버에 새 TCP 연결을 열고 \(version) 전체 핸드셰이크(재개 없음)를 합니다. 처리 시간은 없다고 할 때, 클라이언트는 SYN을 보내고 몇 ms 뒤에 첫 HTTP 요청을 보낼 수 있습니까?",
                              en: "A client opens a new TCP connection to a server \(Int(rtt)) ms away (RTT) and does a full \(version) handshake (no resumption). With no processing time, how many ms after its SYN can it send its first HTTP request?"),
            answer: rounds * rtt, unit: "ms",
            explain: tls12
                ? Localized(ko: "TCP 1 RTT에 TLS 1.2의 2 RTT(키는 클라이언트의 두 번째 전송에서 합의되고, 요청은 서버의 Finished를 받은 뒤)를 더해 \(Int(rounds)) RTT = \(Int(rounds * rtt)) ms입니다(RFC 5246 7.3절).",
                            en: "One RTT for TCP plus TLS 1.2's two (keys are agreed in the client's second flight; the request waits for the server's Finished): \(Int(rounds)) RTT = \(Int(rounds * rtt)) ms (RFC 5246 Section 7.3).")
                : Localized(ko: "TCP 1 RTT에 TLS 1.3의 1 RTT(ClientHello에 key share가 있어 서버의 첫 답으로 키가 정해지고, 요청은 클라이언트의 Finished와 함께 나감)를 더해 \(Int(rounds)) RTT = \(Int(rounds * rtt)) ms입니다(RFC 8446 2절).",
                            en: "One RTT for TCP plus TLS 1.3's one (the ClientHello carries a key share, so the server's first answer settles the keys; the request goes with the client's Finished): \(Int(rounds)) RTT = \(Int(rounds * rtt)) ms (RFC 8446 Section 2)."))
    }
}
