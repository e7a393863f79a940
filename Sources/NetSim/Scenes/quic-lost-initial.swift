import TutorCore

extension SceneSpec {
    public static let quicLostInitial = SceneSpec(
        id: "quic-lost-initial", order: 121,
        title: Localized(ko: "QUIC: 잃어버린 Initial과 PTO", en: "QUIC: a lost Initial and the PTO"),
        summary: Localized(ko: "첫 Initial이 사라지면 RTT 표본 없이 약 1초(333 ms 기준) 뒤 PTO가 새 번호로 다시 보냅니다",
                           en: "The first Initial is lost: with no RTT sample the PTO (from 333 ms) sends it again in a new packet after about 1 s"),
        options: QUICHandshake.options, prediction: .messageKind,
        simulate: { try QUICHandshake.simulate(.lostInitial, scene: "quic-lost-initial", $0) })
}
