import TutorCore

/// 5. TLS: the 1.3 handshake (one round trip) or the 1.2 one (two).
extension JourneyBuilder {
    mutating func tlsStage() {
        var tlsEnd = marks.connectEnd
        if tls {
            if tls13 {
                data(.tls, .tls, "ClientHello", fromClient: true, len: 517, tlsRecord: "Handshake: ClientHello",
                     payload: "TLS 1.3 ClientHello: SNI \(host), key_share x25519, supported_versions 1.3, ALPN h2, http/1.1",
                     ko: "ClientHello: 지원하는 암호 묶음, SNI(\(host)), ALPN(h2), 그리고 key_share에 ECDHE 공개 키를 미리 담아 보냅니다(RFC 8446 §4.1.2).",
                     en: "ClientHello: cipher suites, SNI (\(host)), ALPN (h2), and an ECDHE public key already in key_share (RFC 8446 §4.1.2).")
                data(.tls, .tls, "ServerHello … Finished", fromClient: false, len: 4_200, tlsRecord: "Handshake: ServerHello; then encrypted EncryptedExtensions, Certificate, CertificateVerify, Finished",
                     payload: "ServerHello (key_share) + {EncryptedExtensions, Certificate, CertificateVerify, Finished}", after: 0.5,
                     ko: "에지가 ServerHello로 자기 key_share를 보내면 양쪽이 같은 비밀을 계산합니다. 이어지는 EncryptedExtensions, Certificate, CertificateVerify, Finished는 이미 암호화됩니다. 인증서 서명으로 서버를 인증하고, 데이터는 대칭 AEAD 암호로 보호합니다.",
                     en: "The edge's ServerHello carries its key_share; both sides now derive the same secrets. EncryptedExtensions, Certificate, CertificateVerify and Finished follow, already encrypted. The certificate signature authenticates the server; the data is protected by a symmetric AEAD cipher.")
                tlsEnd = now
                data(.tls, .tls, "Finished", fromClient: true, len: 74, tlsRecord: "Application Data (encrypted Finished)",
                     payload: "{Finished}", alongside: true,
                     ko: "클라이언트가 Finished를 보내고 같은 비행에 HTTP 요청을 바로 붙입니다: TLS 1.3은 1-RTT입니다. 재방문이면 0-RTT(early data)로 첫 요청을 더 일찍 보낼 수 있지만 재전송 공격에 취약해 멱등 요청에만 씁니다.",
                     en: "The client sends Finished and its HTTP request right behind it in the same flight: TLS 1.3 takes one round trip. On a return visit 0-RTT early data can carry the first request even sooner, but it can be replayed, so only for idempotent requests.")
            } else {
                data(.tls, .tls, "ClientHello", fromClient: true, len: 300, tlsRecord: "Handshake: ClientHello",
                     payload: "TLS 1.2 ClientHello: cipher suites, SNI \(host), ALPN h2",
                     ko: "TLS 1.2 ClientHello: 아직 키 공유가 없습니다.", en: "TLS 1.2 ClientHello: no key share yet.")
                data(.tls, .tls, "ServerHello, Certificate, ServerKeyExchange, ServerHelloDone", fromClient: false, len: 4_300, tlsRecord: "Handshake (plaintext)",
                     payload: "ServerHello, Certificate, ServerKeyExchange (ECDHE), ServerHelloDone", after: 0.5,
                     ko: "서버가 인증서와 ECDHE 매개변수를 보냅니다. 인증서까지 평문으로 오갑니다.", en: "The server sends its certificate and ECDHE parameters; the certificate travels in the clear.")
                data(.tls, .tls, "ClientKeyExchange, ChangeCipherSpec, Finished", fromClient: true, len: 126, tlsRecord: "Handshake + ChangeCipherSpec",
                     payload: "ClientKeyExchange, ChangeCipherSpec, Finished",
                     ko: "클라이언트가 자기 키 공유를 보내고 암호화로 전환합니다. 아직 요청은 못 보냅니다.", en: "The client sends its key share and switches to encryption; it still cannot send the request.")
                data(.tls, .tls, "ChangeCipherSpec, Finished", fromClient: false, len: 51, tlsRecord: "ChangeCipherSpec + Finished",
                     payload: "ChangeCipherSpec, Finished",
                     ko: "서버의 Finished가 와야 끝납니다: TLS 1.2는 2-RTT로, 1.3보다 왕복 한 번이 더 듭니다.", en: "Only the server's Finished ends it: TLS 1.2 takes two round trips, one more than 1.3.")
                tlsEnd = now
            }
        }
        marks.tlsEnd = tlsEnd
    }
}
