import ArgumentParser
import CongKhai
import Foundation
import NIOCore
import Serve
import VietText

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract:
            "Xem trước cổng trên máy này: tạo trang, mở tại http://127.0.0.1:8080/, tạo lại và tải lại trang mỗi khi sửa tệp."
    )

    @Option(help: "Thư mục của cổng (chứa congkhai.yaml và content/).")
    var source: String = "."

    @Option(help: "Cổng mạng để mở trang.")
    var port: Int = 8080

    @Option(help: "Địa chỉ nghe; chỉ máy này (127.0.0.1, localhost, ::1).")
    var host: String = "127.0.0.1"

    @Option(help: "Đường dẫn gốc của trang, ví dụ /cong-khai/.")
    var base: String = "/"

    @Flag(help: "Hiện cả các văn bản nháp (draft: true).")
    var drafts = false

    @OptionGroup var lang: MessageLanguage

    func run() async throws {
        let console = Console(language: lang.language, atOnce: true)
        let options = PreviewOptions(
            source: URL(fileURLWithPath: source), host: host, port: port, base: base, includeDrafts: drafts)
        let problems = options.problems(base: base)
        guard problems.isEmpty else {
            console.report(problems)
            throw ExitCode(1)
        }
        let language = lang.language
        let address = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)\(options.base)"
        do {
            try await PreviewServer(options: options).run(
                listening: { port in
                    let address = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)\(options.base)"
                    Console(language: language, atOnce: true).say(
                        LocalizedText(
                            vi: "Đang mở bản xem trước tại \(address) (Ctrl-C để dừng). Trang chưa đăng lên mạng.",
                            en: "Previewing at \(address) (Ctrl-C to stop). Nothing is published."))
                },
                report: { outcome in Self.tell(outcome, language: language) })
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            console.report([
                Diagnostic(
                    .error, "serve.port-in-use", file: "--port",
                    message: .init(
                        vi: "cổng \(port) đang được chương trình khác dùng (\(address)).",
                        en: "port \(port) is used by another program (\(address))."),
                    fix: .init(
                        vi:
                            "chọn cổng khác, ví dụ `congkhai serve --port \(port == 8080 ? 8081 : 8080)`, hoặc dừng chương trình kia.",
                        en:
                            "choose another, e.g. `congkhai serve --port \(port == 8080 ? 8081 : 8080)`, or stop the other program."
                    ))
            ])
            throw ExitCode(1)
        }
        console.say(LocalizedText(vi: "Đã dừng bản xem trước.", en: "Preview stopped."))
    }

    /// Each build's outcome, as `congkhai build` tells it.
    private static func tell(_ outcome: Result<BuildReport, BuildFailure>, language: Language) {
        let console = Console(language: language, atOnce: true)
        switch outcome {
        case .success(let report) where report.unchanged: break
        case .success(let report):
            console.report(Array(report.warnings.prefix(BuildCommand.warningsShown)))
            console.say(report.summary)
        case .failure(let failure):
            console.report(failure.diagnostics)
            console.warn(
                LocalizedText(
                    vi: "Chưa tạo được trang; trang xem trước hiện các lỗi trên cho đến khi sửa xong.",
                    en: "The site was not made; the preview shows these errors until they are fixed."))
        }
    }
}
