import Foundation
import TestSupport
import Testing

@testable import Serve

struct PreviewOptionsTests {
    @Test(arguments: [
        ("/", "/"), ("", "/"), ("cong-khai", "/cong-khai/"), ("/cong-khai", "/cong-khai/"),
        ("/cong-khai/", "/cong-khai/"), ("//a//b/", "/a/b/")
    ])
    func basePathsGetBothSlashes(given: String, expected: String) {
        #expect(PreviewOptions.normalisedBase(given) == expected)
    }

    @Test(arguments: ["/../", "/công-khai/", "/a b/", "/a?b/", "/./"])
    func basePathsThatAreNoURLSegmentsAreRefused(given: String) {
        #expect(PreviewOptions.normalisedBase(given) == nil)
        let options = PreviewOptions(source: URL(fileURLWithPath: "/tmp"), base: given)
        #expect(options.problems().map(\.code) == ["serve.bad-base"])
    }

    @Test func thisComputerIsServedAsItIs() {
        for host in ["127.0.0.1", "localhost", "::1"] {
            #expect(PreviewOptions(source: URL(fileURLWithPath: "/tmp"), host: host).problems().isEmpty)
        }
    }

    @Test func otherComputersAreServedOnlyWithAccountsHttpsAndTheNameTheyType() throws {
        let portal = try PortalFixture()
        defer { portal.remove() }
        func codes(
            host: String = "127.0.0.1", cert: String? = nil, key: String? = nil, proxy: Bool = false,
            names: [String] = []
        ) -> [String] {
            PreviewOptions(
                source: portal.root, host: host, tlsCertificate: cert, tlsKey: key, behindProxy: proxy,
                serverNames: names
            ).problems().map(\.code).sorted()
        }
        for host in ["0.0.0.0", "::"] {
            #expect(codes(host: host) == ["serve.no-accounts", "serve.no-server-name", "serve.no-tls"])
        }
        let noAccounts = PreviewOptions(source: portal.root, host: "192.168.1.10").problems()
        #expect(noAccounts.map(\.code).sorted() == ["serve.no-accounts", "serve.no-tls"])
        #expect(noAccounts.first?.message.vi.contains("văn bản nháp") == true)
        #expect(noAccounts.first?.fix?.vi.contains("congkhai user add") == true)
        #expect(codes(proxy: true) == ["serve.no-accounts", "serve.no-server-name"])
        try portal.write(UsersFile.name, "users: []\n")
        #expect(codes(host: "192.168.1.10") == ["serve.no-tls"])
        #expect(codes(host: "192.168.1.10", cert: "c.pem") == ["serve.no-tls", "serve.tls-incomplete"])
        #expect(codes(host: "192.168.1.10", cert: "c.pem", key: "k.pem").isEmpty)
        #expect(codes(host: "0.0.0.0", cert: "c.pem", key: "k.pem", names: ["congkhai.pgd.edu.vn"]).isEmpty)
        #expect(codes(proxy: true, names: ["congkhai.pgd.edu.vn"]).isEmpty)
        #expect(codes(proxy: true, names: ["https://congkhai.pgd.edu.vn/"]) == ["serve.bad-server-name"])
        // Behind a proxy, congkhai's own http stays on this computer.
        #expect(codes(host: "0.0.0.0", proxy: true, names: ["congkhai.pgd.edu.vn"]) == ["serve.proxy-not-local"])
        #expect(
            codes(host: "0.0.0.0", cert: "c.pem", key: "k.pem", proxy: true, names: ["congkhai.pgd.edu.vn"]).isEmpty)
    }

    @Test func thePreviewIsBuiltBesideTheSourcesNeverIntoPublic() {
        let options = PreviewOptions(source: URL(fileURLWithPath: "/srv/cong"))
        #expect(options.output.path == "/srv/cong/.congkhai-serve/trang")
        #expect(options.buildOptions.output == options.output)
        #expect(
            PreviewOptions(source: URL(fileURLWithPath: "/tmp"), port: 70000).problems().map(\.code) == [
                "serve.bad-port"
            ])
    }
}
