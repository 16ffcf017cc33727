import Foundation
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

    @Test func onlyThisComputerIsServed() {
        for host in ["127.0.0.1", "localhost", "::1"] {
            #expect(PreviewOptions(source: URL(fileURLWithPath: "/tmp"), host: host).problems().isEmpty)
        }
        for host in ["0.0.0.0", "192.168.1.10", "::"] {
            let problems = PreviewOptions(source: URL(fileURLWithPath: "/tmp"), host: host).problems()
            #expect(problems.map(\.code) == ["serve.host-not-local"])
            #expect(problems.first?.message.vi.contains("văn bản nháp") == true)
        }
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
