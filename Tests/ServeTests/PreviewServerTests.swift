import CongKhai
import Foundation
import TestSupport
import Testing
import VietText

@testable import Serve

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `congkhai serve` started in the test process on a free port, over the demo portal: it serves
/// what `build` writes, follows edits, shows a broken file's errors and recovers.
@Suite(.serialized) struct PreviewServerTests {
    /// A served page without the reload script's tag.
    static func withoutReloadTag(_ text: String) -> String {
        text.replacingOccurrences(
            of:
                #"<script src="/cong-khai/_congkhai/tai-lai\.js" data-events="[^"]*" data-shared="[^"]*" data-generation="[^"]*"></script>"#,
            with: "", options: .regularExpression)
    }

    @Test(.timeLimit(.minutes(5))) func servesWhatBuildWritesFollowsEditsAndShowsErrors() async throws {
        let portal = try TestPaths.demoPortalCopy()
        defer { try? FileManager.default.removeItem(at: portal) }
        let options = PreviewOptions(source: portal, port: 0, base: "/cong-khai/")
        let server = PreviewServer(options: options)
        let port = ServeClient.Port()
        let running = Task { try await server.run(signals: [], listening: { port.set($0) }) }
        defer { running.cancel() }
        while port.value == nil { try await Task.sleep(for: .milliseconds(50)) }
        let root = "http://127.0.0.1:\(port.value!)/cong-khai/"
        _ = try await ServeClient.eventually(root) { $0.status == 200 }

        // Every file `build` writes is served as it is; each page with the reload tag added.
        let built = portal.appendingPathComponent("public")
        _ = try Builder(options: BuildOptions(source: portal, output: built)).build()
        let files = try #require(FileManager.default.enumerator(atPath: built.path)).compactMap { $0 as? String }
            .filter { !$0.hasPrefix(".") && !$0.contains("/.") }
            .filter { path in
                var isFolder: ObjCBool = false
                return FileManager.default.fileExists(
                    atPath: built.appendingPathComponent(path).path, isDirectory: &isFolder) && !isFolder.boolValue
            }
        #expect(files.count > 50)
        for path in files.sorted() {
            let expected = try Array(Data(contentsOf: built.appendingPathComponent(path)))
            let served = try await ServeClient.fetch(root + path)
            #expect(served.status == 200, "\(path)")
            if path.hasSuffix(".html") {
                #expect(served.type == "text/html; charset=utf-8")
                #expect(served.text.contains("tai-lai.js"), "\(path) has no reload script")
                #expect(Self.withoutReloadTag(served.text) == String(decoding: expected, as: UTF8.self), "\(path)")
            } else {
                #expect(served.bytes == expected, "\(path)")
            }
        }

        // A folder is its index page; asked without its slash, it is sent to it (pages link relatively).
        let unitPage = try await ServeClient.fetch(root + "don-vi/th-mau/")
        #expect(unitPage.status == 200)
        #expect(
            Self.withoutReloadTag(unitPage.text)
                == (try String(contentsOf: built.appendingPathComponent("don-vi/th-mau/index.html"), encoding: .utf8)))
        let withoutSlash = try await ServeClient.fetch(root + "don-vi/th-mau?a=1")
        #expect(withoutSlash.status == 302 && withoutSlash.location == "/cong-khai/don-vi/th-mau/?a=1")
        let outsideBase = try await ServeClient.fetch("http://127.0.0.1:\(port.value!)/")
        #expect(outsideBase.status == 302 && outsideBase.location == "/cong-khai/")
        // Nothing else is served: outside the site, its marker, other methods.
        #expect(try await ServeClient.fetch(root + "%2e%2e/%2e%2e/congkhai.yaml").status == 404)
        #expect(try await ServeClient.fetch(root + ".congkhai-output").status == 404)
        #expect(try await ServeClient.fetch(root + "khong-co-trang-nay/").status == 404)
        #expect(try await ServeClient.fetch(root, method: "POST").status == 405)
        #expect(try await ServeClient.fetch(root, method: "HEAD").status == 200)
        // Another name leading here (DNS rebinding) is not answered; this computer's are.
        #expect(try await ServeClient.fetch(root, host: "evil.example:\(port.value!)").status == 421)
        #expect(try await ServeClient.fetch(root, host: "127.0.0.1").status == 421)
        #expect(try await ServeClient.fetch(root, host: "localhost:\(port.value!)").status == 200)
        // The preview's folder keeps itself out of git.
        #expect(
            try String(contentsOf: portal.appendingPathComponent(".congkhai-serve/.gitignore"), encoding: .utf8)
                .hasSuffix("\n*\n"))
        let shared = try await ServeClient.fetch(root + "_congkhai/tai-lai-chung.js")
        #expect(shared.type == "text/javascript; charset=utf-8" && shared.text.contains("onconnect"))
        let script = try await ServeClient.fetch(root + "_congkhai/tai-lai.js")
        #expect(script.type == "text/javascript; charset=utf-8" && script.text.contains("EventSource"))

        // An edit is served once rebuilt.
        let documents = portal.appendingPathComponent("content/units/th-mau/2025-2026")
        let name = try #require(
            try FileManager.default.contentsOfDirectory(atPath: documents.path).filter { $0.hasSuffix(".md") }.sorted()
                .first)
        let file = documents.appendingPathComponent(name)
        let original = try String(contentsOf: file, encoding: .utf8)
        let page = root + "don-vi/th-mau/2025-2026/\(name.dropLast(3))/"
        let closing = try #require(original.range(of: "\n---\n"))
        let edited = original.replacingCharacters(in: closing, with: "\n---\n\nĐoạn thêm khi xem trước.\n\n")
        try edited.write(to: file, atomically: true, encoding: .utf8)
        _ = try await ServeClient.eventually(page) { $0.status == 200 && $0.text.contains("Đoạn thêm khi xem trước.") }

        // A broken front matter: its errors, file and line, instead of any page; fixed, the page is back.
        #expect(original.hasPrefix("---\n"))
        try ("---\nbroken: [unclosed\n" + original.dropFirst(4)).write(to: file, atomically: true, encoding: .utf8)
        let failed = try await ServeClient.eventually(page) { $0.status == 500 }
        #expect(failed.text.contains("Chưa tạo được trang"))
        // Each error `build` reports, where it is, what is wrong and how to fix it.
        let errors = try #require(
            { () -> [VietText.Diagnostic]? in
                do {
                    _ = try Builder(options: BuildOptions(source: portal, output: built)).build()
                    return nil
                } catch let failure as BuildFailure {
                    return failure.diagnostics.filter { $0.severity == .error }
                } catch { return nil }
            }())
        #expect(!errors.isEmpty)
        for error in errors {
            #expect(failed.text.contains("<code>\(error.file):\(error.line ?? 0)</code>"))
            if let fix = error.fix {
                #expect(failed.text.contains("<strong>Cách sửa:</strong> \(FastHTMLEscaping.escape(fix.vi))"))
            }
        }
        #expect(errors.first?.file == "content/units/th-mau/2025-2026/\(name)")
        #expect(try await ServeClient.fetch(root).status == 500)
        try original.write(to: file, atomically: true, encoding: .utf8)
        let fixed = try await ServeClient.eventually(page) { $0.status == 200 }
        #expect(!fixed.text.contains("Đoạn thêm khi xem trước."))

        running.cancel()
        _ = await running.result
    }
}
