import ArgumentParser
import CongKhai
import Foundation
import VietText

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Tạo trang web tĩnh vào thư mục public/.")

    @Option(help: "Thư mục của cổng (chứa congkhai.yaml và content/).")
    var source: String = "."

    @Option(help: "Thư mục xuất (mặc định: <source>/public).")
    var output: String?

    @Flag(help: "Tạo cả các văn bản nháp (draft: true).")
    var drafts = false

    @Flag(help: "In thời gian của từng bước.")
    var verbose = false

    @Flag(help: "Tạo lại toàn bộ, không dùng bộ nhớ đệm của lần trước.")
    var full = false

    @OptionGroup var lang: MessageLanguage

    /// A portal of thousands of documents can have thousands of warnings: the first ones and a
    /// count, the rest through `congkhai check`.
    static let warningsShown = 50

    func run() throws {
        let console = Console(language: lang.language)
        var options = BuildOptions(
            source: URL(fileURLWithPath: source), output: output.map { URL(fileURLWithPath: $0) },
            includeDrafts: drafts, full: full)
        options.endsProcess = true
        let result: BuildReport
        do {
            result = try Builder(options: options).build()
        } catch {
            Self.tell(.failure(error), console)
            throw ExitCode(1)
        }
        Self.tell(.success(result), console)
        if verbose {
            for (step, seconds) in result.timings {
                print(
                    "  " + step.padding(toLength: 24, withPad: " ", startingAt: 0) + String(format: "%8.3f s", seconds))
            }
            for (step, seconds) in result.partTimings {
                print(
                    "    " + step.padding(toLength: 22, withPad: " ", startingAt: 0)
                        + String(format: "%8.3f s", seconds))
            }
        }
        let index = result.output.appendingPathComponent("index.html").path
        console.say(LocalizedText(vi: "Mở trang: \(index)", en: "Open: \(index)"))
    }

    /// A build's outcome as the commands that build tell it (`build`, and `serve` after each
    /// rebuild): a failure's errors and what became of the site, or the first warnings and the
    /// summary.
    static func tell(_ outcome: Result<BuildReport, BuildFailure>, _ console: Console) {
        switch outcome {
        case .failure(let failure):
            console.report(failure.diagnostics)
            let errors = failure.diagnostics.filter { $0.severity == .error }.count
            console.warn(
                LocalizedText(
                    vi: "Không tạo được trang: \(errors) lỗi. Trang cũ (nếu có) vẫn được giữ nguyên.",
                    en:
                        "The site was not made: \(Console.count(errors, "error", "errors")). The previous site (if any) is left as it was."
                ))
        case .success(let result):
            console.report(Array(result.warnings.prefix(Self.warningsShown)))
            if result.warnings.count > Self.warningsShown {
                let more = result.warnings.count - Self.warningsShown
                console.warn(
                    LocalizedText(
                        vi: "… và \(more) cảnh báo khác; chạy `congkhai check` để xem tất cả.",
                        en:
                            "… and \(Console.count(more, "more warning", "more warnings")); run `congkhai check` to see them all."
                    ))
            }
            console.say(result.summary)
        }
    }
}
