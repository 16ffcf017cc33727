import Foundation
import Testing
@testable import CongKhai

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
                let indented = text.split(separator: "\n", omittingEmptySubsequences: false).map { indent + $0 }.joined(separator: "\n")
                let lines = report.lines(file: file.lastPathComponent, text: indented)
                #expect(lines.map(\.symbol) == plain.map(\.symbol), "\(file.lastPathComponent) indented with \(indent.count) characters")
                #expect(lines.map(\.line) == plain.map(\.line))
                #expect(lines.map(\.relation) == plain.map(\.relation))
            }
        }
        // Markdown keeps its meaning: an indented block is code, not scanned.
        let markdown = CitationReport().lines(file: "a.md", text: "Đoạn văn.\n\n    Chỉ thị số 33/CT-TTg ngày 26/11/2021\n")
        #expect(markdown.isEmpty)
    }
}
