import Foundation
import Testing

/// The regression corpus (Tests/RegressionCorpus: real texts of schools and education offices,
/// listed in SOURCES.md): `congkhai citations` gives, line for line, the output recorded in
/// citations.jsonl. A change that alters it either is a fix, and `make corpus-baseline` records
/// the new output in the same commit, saying why; or it is a regression.
@Suite struct RegressionCorpusTests {
    static let folder = TestPaths.repository.appendingPathComponent("Tests/RegressionCorpus")

    static func texts() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
    }

    @Test func everyTextIsListedWithItsSource() throws {
        let sources = try String(contentsOf: Self.folder.appendingPathComponent("SOURCES.md"), encoding: .utf8)
        let texts = try Self.texts()
        #expect(texts.count >= 29)
        for text in texts { #expect(sources.contains("| \(text) |"), "\(text) is not in SOURCES.md") }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CommandLineTests.executable.path)))
    func citationsAreAsRecorded() throws {
        let result = try CommandLineTests().run(["citations"] + Self.texts(), in: Self.folder)
        #expect(result.status == 0, "\(result.stderr)")
        let recorded = try String(contentsOf: Self.folder.appendingPathComponent("citations.jsonl"), encoding: .utf8)
        let now = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let before = recorded.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(now, before).enumerated().first { $1.0 != $1.1 }
        #expect(first == nil, "line \((first?.offset ?? 0) + 1) differs:\n  now:    \(first?.element.0 ?? "")\n  before: \(first?.element.1 ?? "")")
        #expect(now.count == before.count, "\(now.count) lines now, \(before.count) recorded")
        #expect(before.count > 20)
    }
}
