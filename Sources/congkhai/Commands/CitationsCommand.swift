import ArgumentParser
import CongKhai
import Foundation
import VietText

struct CitationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "citations",
        abstract: "In các văn bản được trích dẫn trong tệp Markdown hoặc văn bản thường, mỗi dòng một đối tượng JSON.")

    @Argument(help: "Các tệp cần đọc, hoặc thư mục: mọi tệp .md, .markdown, .txt trong đó.")
    var files: [String]

    @OptionGroup var lang: MessageLanguage

    func run() throws {
        let console = Console(language: lang.language)
        let citationReport = CitationReport()
        let (expanded, problems) = CitationReport.expandingFolders(files)
        console.report(problems)
        // Each file on its own core; printed in the order given.
        let outcomes = ParallelMap.map(expanded) { path -> Result<[UInt8], SourceText.Failure> in
            Result { () throws(SourceText.Failure) in
                let text = try CitationReport.text(of: URL(fileURLWithPath: path))
                return citationReport.jsonLines(citationReport.lines(file: path, text: text))
            }
        }
        var failed = false
        for (path, outcome) in zip(expanded, outcomes) {
            switch outcome {
            // The lines' bytes as they are: made a String to print, they were checked as UTF-8
            // once more, on the main thread while the other cores wait for the end.
            case .success(let output): if !output.isEmpty { FileHandle.standardOutput.write(Data(output)) }
            case .failure(let error):
                failed = true
                console.report([error.diagnostic(file: path)])
            }
        }
        if failed || !problems.isEmpty { throw ExitCode(1) }
    }
}
