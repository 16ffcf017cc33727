import Foundation
import Testing

/// Runs the built `congkhai` executable as a user would (`make test` builds it first).
@Suite struct CommandLineTests {
    struct Run { var status: Int32; var stdout: String; var stderr: String }

    static let executable = TestPaths.repository.appendingPathComponent(".build/debug/congkhai")

    func run(_ arguments: [String], in folder: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: executable.path)))
    func citationsReadsTheSeedsAndReportsUnreadableFiles() throws {
        let seeds = try TestPaths.seedFiles().map(\.path)
        let result = try run(["citations"] + seeds + ["/khong/co/tep.txt"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/khong/co/tep.txt"))
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count > 41)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["relation"] as? String == "can-cu" || object["relation"] as? String == "dan-chieu")
        }
        #expect(try run(["citations", seeds[0]]).status == 0)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: executable.path)))
    func buildPrintsOneSummaryLineAndFailsWithNonZeroStatus() throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.unit("th-a", name: "Trường A")
        try fixture.write("content/units/th-a/2023-2024/a.md", "---\ntitle: A\nkind: ke-hoach\nnumber: 1/KH-A\n---\nx\n")
        let good = try run(["build"], in: fixture.root)
        #expect(good.status == 0)
        #expect(good.stdout.hasPrefix("Đã tạo "))
        #expect(good.stdout.contains(" trang (1 văn bản"))
        try fixture.write("content/units/th-a/2023-2024/b.md", "---\ntitle: B\n---\n")
        let bad = try run(["build", "--source", fixture.root.path])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("content/units/th-a/2023-2024/b.md:2: lỗi: khóa `kind`"))
        let english = try run(["check", "--source", fixture.root.path, "--lang", "en"])
        #expect(english.status != 0)
        #expect(english.stderr.contains("error: key `kind`: this required value is missing."))
    }
}
