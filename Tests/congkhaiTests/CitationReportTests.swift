import Foundation
import TestSupport
import Testing

@testable import VietText
@testable import congkhai

/// `congkhai citations` on the real seeds as they might arrive: plain text with its layout.
@Suite struct CitationReportTests {
    /// Plain text copied from a PDF or a web page is often indented; Markdown would read four
    /// spaces or a tab as a code block and its citations would be lost.
    @Test func indentedPlainTextGivesTheSameCitations() throws {
        for file in try TestPaths.seedFiles() {
            let text = try SourceText.read(file)
            let report = CitationReport()
            let plain = report.lines(file: file.lastPathComponent, text: text)
            #expect(!plain.isEmpty)
            for indent in ["    ", "\t", "        "] {
                let indented = text.split(separator: "\n", omittingEmptySubsequences: false).map { indent + $0 }.joined(
                    separator: "\n")
                let lines = report.lines(file: file.lastPathComponent, text: indented)
                #expect(
                    lines.map(\.symbol) == plain.map(\.symbol),
                    "\(file.lastPathComponent) indented with \(indent.count) characters")
                #expect(lines.map(\.line) == plain.map(\.line))
                #expect(lines.map(\.relation) == plain.map(\.relation))
            }
        }
        // Markdown keeps its meaning: an indented block is code, not scanned.
        let markdown = CitationReport().lines(
            file: "a.md", text: "Đoạn văn.\n\n    Chỉ thị số 33/CT-TTg ngày 26/11/2021\n")
        #expect(markdown.isEmpty)
    }

    /// Indents are dropped from the bytes as they were by Characters: on every seed indented,
    /// and where a mark after the indent joins the last space, a "\r\n", empty lines and a
    /// text that is all indent.
    @Test func unindentingByBytesIsUnindentingByCharacters() throws {
        func byCharacters(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.drop { $0 == " " || $0 == "\t" } }
                .joined(separator: "\n")
        }
        var texts = try TestPaths.seedFiles().map { try SourceText.read($0) }
        texts += texts.map {
            $0.split(separator: "\n", omittingEmptySubsequences: false).map { " \t  " + $0 }.joined(separator: "\n")
        }
        texts += ["", "\n", "   ", "\t\n  \n", "  \u{301}a\n \u{20DD}\n  Được\n\tx  ", "  a\r\n  b", "\n\n  c\n"]
        for text in texts {
            let unindented = CitationReport.unindented(text)
            #expect(Array(unindented.utf8) == Array(byCharacters(text).utf8), "\(text.prefix(40))")
        }
    }

    /// A seed saved by Notepad as "Unicode" (UTF-16) or with a byte-order mark reads as the
    /// seed; a Markdown file must be UTF-8, as in content/.
    @Test func plainTextInOtherEncodingsGivesTheSameCitations() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "congkhai-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let seed = TestPaths.seeds.appendingPathComponent("002_e0677abd00ed0152.txt")
        let text = try SourceText.read(seed)
        let expected = CitationReport().lines(file: "002.txt", text: text).map(\.symbol)
        #expect(expected.count > 5)
        let encodings: [(String, Data)] = [
            ("utf16-bom.txt", try #require(text.data(using: .utf16))),
            ("utf16le.txt", try #require(text.data(using: .utf16LittleEndian))),
            ("utf8-bom.txt", Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)),
            ("bom-twice.txt", try #require(("\u{FEFF}" + text).data(using: .utf16)))
        ]
        for (name, data) in encodings {
            let file = folder.appendingPathComponent(name)
            try data.write(to: file)
            let read = try CitationReport.text(of: file)
            #expect(CitationReport().lines(file: "002.txt", text: read).map(\.symbol) == expected, "\(name)")
        }
        let markdown = folder.appendingPathComponent("utf16.md")
        try #require(text.data(using: .utf16)).write(to: markdown)
        #expect(throws: SourceText.Failure.self) { try CitationReport.text(of: markdown) }
    }
}
