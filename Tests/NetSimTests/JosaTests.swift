import Testing
@testable import NetSim

@Suite("Korean particles after names")
struct JosaTests {
    @Test("A particle after a DNS name, an acronym or a lane name follows how the word is read")
    func particles() {
        #expect(josa(label: "www.example.com", "이") == "이")        // 컴
        #expect(josa(label: "ns1.example.com.", "을") == "을")       // the root dot is not read
        #expect(josa(label: "a.gtld-servers.net.", "을") == "을")    // 넷
        #expect(josa(label: "ACK", "을") == "을")                    // 액
        #expect(josa(label: "client", "이") == "가" && josa(label: "server", "을") == "를")
        #expect(josa(label: "DATA", "을") == "를")
    }
}
