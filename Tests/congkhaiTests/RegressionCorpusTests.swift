import Foundation
import TestSupport
import Testing

/// The regression corpus (Tests/RegressionCorpus: real texts of schools and education offices,
/// listed in SOURCES.md): `congkhai citations` and `congkhai import` give, line for line, the
/// output recorded in citations.jsonl and import.expected (scripts/corpus-output.sh makes both).
/// A change that alters them either is a fix, and `make corpus-baseline` records the new output
/// in the same commit, saying why; or it is a regression.
@Suite struct RegressionCorpusTests {
    static let folder = TestPaths.repository.appendingPathComponent("Tests/RegressionCorpus")

    static func texts() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".txt") && $0.prefix(3).allSatisfy(\.isNumber) }.sorted()
    }

    @Test func everyTextIsListedWithItsSource() throws {
        let sources = try String(contentsOf: Self.folder.appendingPathComponent("SOURCES.md"), encoding: .utf8)
        let texts = try Self.texts()
        #expect(texts.count >= 50)
        for text in texts { #expect(sources.contains("| \(text) |"), "\(text) is not in SOURCES.md") }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: TestPaths.executable.path)))
    func citationsAreAsRecorded() throws {
        try compare("citations", with: "citations.jsonl")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: TestPaths.executable.path)))
    func importIsAsRecorded() throws {
        try compare("import", with: "import.expected")
    }

    /// Runs scripts/corpus-output.sh on the debug executable and compares with the recording.
    func compare(_ command: String, with recording: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [
            TestPaths.repository.appendingPathComponent("scripts/corpus-output.sh").path, command,
            TestPaths.executable.path
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let recorded = try String(contentsOf: Self.folder.appendingPathComponent(recording), encoding: .utf8)
        let now = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let before = recorded.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(now, before).enumerated().first { $1.0 != $1.1 }
        #expect(
            first == nil,
            "\(recording) line \((first?.offset ?? 0) + 1) differs:\n  now:    \(first?.element.0 ?? "")\n  before: \(first?.element.1 ?? "")"
        )
        #expect(now.count == before.count, "\(now.count) lines now, \(before.count) recorded")
        #expect(before.count > 100)
    }
}
