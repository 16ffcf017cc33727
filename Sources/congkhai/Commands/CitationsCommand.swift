import ArgumentParser
import Foundation
import VietText

struct CitationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "citations",
        abstract: "In các văn bản được trích dẫn trong tệp Markdown hoặc văn bản thường, mỗi dòng một đối tượng JSON.")

    @Argument(help: "Các tệp cần đọc.")
    var files: [String]

    @OptionGroup var lang: MessageLanguage

    func run() throws {
        let console = Console(language: lang.language)
        let citationReport = CitationReport()
        var failed = false
        for path in files {
            do {
                let text = try CitationReport.text(of: URL(fileURLWithPath: path))
                let output = citationReport.jsonLines(citationReport.lines(file: path, text: text))
                if !output.isEmpty { print(output) }
            } catch {
                failed = true
                console.report([error.diagnostic(file: path)])
            }
        }
        if failed { throw ExitCode(1) }
    }
}
