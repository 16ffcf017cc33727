import Foundation
import Testing

@testable import Serve

struct SiteAddressTests {
    func address(host: String = "127.0.0.1", names: [String] = [], tls: Bool = false, proxy: Bool = false)
        -> SiteAddress
    {
        SiteAddress(
            options: PreviewOptions(
                source: URL(fileURLWithPath: "/tmp"), host: host, tlsCertificate: tls ? "c.pem" : nil,
                tlsKey: tls ? "k.pem" : nil, behindProxy: proxy, serverNames: names))
    }

    @Test func thisComputerIsAnsweredAtItsPortOnly() {
        let local = address()
        #expect(local.allows(authority: "127.0.0.1:8080", port: 8080))
        #expect(local.allows(authority: "localhost:8080", port: 8080))
        #expect(local.allows(authority: "[::1]:8080", port: 8080))
        #expect(!local.allows(authority: "127.0.0.1:8081", port: 8080))
        #expect(!local.allows(authority: "127.0.0.1", port: 8080))
        #expect(local.allows(authority: "127.0.0.1", port: 80))
        #expect(!local.allows(authority: "evil.example:8080", port: 8080))
        #expect(!local.allows(authority: nil, port: 8080))
        #expect(local.allows(origin: "http://127.0.0.1:8080", port: 8080))
        #expect(!local.allows(origin: "https://127.0.0.1:8080", port: 8080))
        #expect(!local.allows(origin: "http://evil.example", port: 8080))
        #expect(!local.allows(origin: "null", port: 8080))
    }

    @Test func aServerForOtherComputersAnswersItsNamesOverHttps() {
        let shared = address(host: "0.0.0.0", names: ["CongKhai.PGD.edu.vn"], tls: true)
        #expect(shared.allows(authority: "congkhai.pgd.edu.vn:8443", port: 8443))
        #expect(shared.allows(authority: "congkhai.pgd.edu.vn", port: 8443))
        #expect(!shared.allows(authority: "127.0.0.1:8443", port: 8443))
        #expect(!shared.allows(authority: "0.0.0.0:8443", port: 8443))
        #expect(!shared.allows(authority: "evil.example", port: 8443))
        #expect(!shared.allows(authority: "congkhai.pgd.edu.vn@evil.example", port: 8443))
        #expect(shared.allows(origin: "https://congkhai.pgd.edu.vn:8443", port: 8443))
        #expect(!shared.allows(origin: "http://congkhai.pgd.edu.vn:8443", port: 8443))
        #expect(!shared.allows(origin: "https://congkhai.pgd.edu.vn.evil.example", port: 8443))
        let direct = address(host: "192.168.1.10", tls: true)
        #expect(direct.allows(authority: "192.168.1.10:8443", port: 8443))
        // Behind a proxy: the public name over https, and this computer's as the proxy may pass it.
        let proxied = address(names: ["congkhai.pgd.edu.vn"], proxy: true)
        #expect(proxied.allows(authority: "congkhai.pgd.edu.vn", port: 8080))
        #expect(proxied.allows(authority: "127.0.0.1:8080", port: 8080))
        #expect(proxied.allows(origin: "https://congkhai.pgd.edu.vn", port: 8080))
    }
}
