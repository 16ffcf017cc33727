import ArgumentParser
import CongKhai
import Foundation
import VietText

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Kiểm tra cổng mà không tạo trang web.",
        discussion: "Mã thoát: 0 khi không có lỗi (có thể có cảnh báo), 1 khi có lỗi, 64 khi dòng lệnh sai.")

    enum Format: String, ExpressibleByArgument {
        case text
        case json
    }

    @Option(help: "Thư mục của cổng.")
    var source: String = "."

    @Option(help: "Định dạng kết quả: text hoặc json.")
    var format: Format = .text

    @OptionGroup var lang: MessageLanguage

    @Flag(help: "Kiểm tra cả các văn bản nháp.")
    var drafts = false

    @Option(
        name: .customLong("as-of"),
        help: "Ngày đối chiếu hạn công khai theo Thông tư 09/2024, dạng YYYY-MM-DD (mặc định: hôm nay).")
    var asOf: String?

    @Flag(
        help:
            "Coi các mục công khai thiếu, muộn hoặc chưa ghi ngày là lỗi (mã thoát 1), cho kiểm tra tự động của phòng, sở."
    )
    var strict = false

    func validate() throws {
        _ = try Console(language: lang.language).day(asOf, option: "--as-of")
    }

    func run() throws {
        let console = Console(language: lang.language)
        let day = try console.day(asOf, option: "--as-of").flatMap(CalendarDay.init) ?? todayInVietnam()
        let diagnostics = Builder(options: BuildOptions(source: URL(fileURLWithPath: source), includeDrafts: drafts))
            .check(asOf: day, strict: strict)
        let errors = diagnostics.filter { $0.severity == .error }.count
        switch format {
        case .text:
            console.report(diagnostics)
            console.say(
                LocalizedText(
                    vi: "\(errors) lỗi, \(diagnostics.count - errors) cảnh báo.",
                    en:
                        "\(Console.count(errors, "error", "errors")), \(Console.count(diagnostics.count - errors, "warning", "warnings"))."
                ))
        case .json:
            print(DiagnosticJSON.encode(diagnostics, language: lang.language))
        }
        if errors > 0 { throw ExitCode(1) }
    }
}
