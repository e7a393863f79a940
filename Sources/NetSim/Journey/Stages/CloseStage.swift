import TutorCore

/// 8. The connection stays open (keep-alive), then closes when idle.
extension JourneyBuilder {
    mutating func closeStage() {
        let https = tls
        note(.close, at: .browser, "keep-alive (idle)",
             ko: "연결은 바로 닫지 않고 열어 둡니다(HTTP 지속 연결). 같은 사이트의 다음 요청은 연결 비용 없이 갑니다. 한동안 쓰이지 않으면 닫습니다.",
             en: "The connection is kept open (persistent HTTP connection) so the next request to the site skips the set-up cost; after a while unused, it is closed.", takes: 1)
        if https {
            data(.close, .tls, "close_notify", fromClient: true, len: 24, tlsRecord: "Alert: close_notify (encrypted)", payload: "TLS alert close_notify",
                 ko: "TLS를 먼저 정중하게 끝냅니다(close_notify). 잘린 응답과 정상 종료를 구별하게 해 줍니다.", en: "TLS is ended first with close_notify, so a truncated response can be told from a clean end.")
        }
        let fin = tcpFlow(fromClient: true, flags: "FIN+ACK", len: 0, tlsRecord: nil, payload: "(no data)")
        send(.close, .transport, "FIN+ACK", from: .os, to: .cache, flow: fin,
             ko: "클라이언트가 FIN을 보냅니다. 먼저 닫은 쪽이 나중에 TIME-WAIT에 머뭅니다.", en: "The client sends FIN; the side that closes first is the one that waits in TIME-WAIT.")
        clientSeq &+= 1
        let finAck = tcpFlow(fromClient: false, flags: "FIN+ACK", len: 0, tlsRecord: nil, payload: "(no data)")
        send(.close, .transport, "FIN+ACK", from: .cache, to: .os, flow: finAck,
             ko: "에지가 ACK와 함께 자기 FIN도 보냅니다(ACK와 FIN을 한 세그먼트에 실을 수 있음).", en: "The edge acknowledges and sends its own FIN in the same segment.")
        serverSeq &+= 1
        let lastAck = tcpFlow(fromClient: true, flags: "ACK", len: 0, tlsRecord: nil, payload: "(no data)")
        send(.close, .transport, "ACK", from: .os, to: .cache, flow: lastAck,
             ko: "마지막 ACK. 클라이언트는 2·MSL 동안 TIME-WAIT에 머물러, 이 ACK가 사라져 FIN이 다시 오면 다시 답합니다.",
             en: "The last ACK. The client stays in TIME-WAIT for 2·MSL so it can answer again if this ACK is lost and the FIN comes back.")
    }
}
