/// The scenes of DESIGN §5. Content refers to them by raw value; the checker rejects any other id.
/// The simulations behind them arrive with the simulator issue; until then a scene is known
/// (valid to cite) but not playable.
public enum SceneID: String, CaseIterable, Sendable, Hashable {
    case tcp3Way = "tcp-3way"
    case tcp4Way = "tcp-4way"
    case tcpLostFinalAck = "tcp-lost-final-ack"
    case tcpSynRetransmit = "tcp-syn-retransmit"
    case tcpSimultaneousClose = "tcp-simultaneous-close"
    case udpVsTcp = "udp-vs-tcp"
    case arqStopAndWait = "arq-stop-and-wait"
    case arqGoBackN = "arq-go-back-n"
    case arqSelectiveRepeat = "arq-selective-repeat"
    case flowControl = "flow-control"
    case cwndLab = "cwnd-lab"
    case urlJourney = "url-journey"

    /// Whether the simulator can play this scene yet.
    public var isPlayable: Bool { false }
}
