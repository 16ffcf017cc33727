import ArgumentParser
import CongKhai
import Foundation
import Import
import VietText

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Nhập văn bản Word (.docx), PDF, văn bản thường hoặc trang web đã lưu (.html) thành văn bản của cổng."
    )

    @Argument(help: "Các tệp cần nhập.")
    var files: [String]

    @Option(help: "Mã đơn vị (tên thư mục trong content/units/).")
    var unit: String

    @Option(help: "Thư mục của cổng.")
    var source: String = "."

    @Option(help: "Ghi vào thư mục này (mặc định: thư mục năm học của đơn vị).")
    var output: String?

    @Option(name: .customLong("school-year"), help: "Năm học, ví dụ 2023-2024, khi văn bản không ghi ngày.")
    var schoolYear: String?

    @Flag(help: "Ghi đè tệp đã có.")
    var force = false

    @Option(help: "Ngày công khai ghi vào `published:`, dạng YYYY-MM-DD (mặc định: hôm nay).")
    var published: String?

    @Flag(name: .customLong("no-attach"), help: "Không chép bản gốc .docx/.pdf làm tệp đính kèm.")
    var noAttach = false

    @OptionGroup var lang: MessageLanguage

    func validate() throws {
        _ = try Console(language: lang.language).day(published, option: "--published")
    }

    func run() throws {
        let console = Console(language: lang.language)
        let importer = Importer(
            options: .init(
                portal: URL(fileURLWithPath: source), unitID: unit, output: output.map { URL(fileURLWithPath: $0) },
                force: force, attach: !noAttach, schoolYear: schoolYear,
                published: try console.day(published, option: "--published") ?? todayInVietnam().date,
                today: todayInVietnam().date))
        var failed = false
        var written = Set<URL>()
        for path in files {
            do {
                let result = try importer.importFile(URL(fileURLWithPath: path), written: written)
                written.insert(result.written)
                print(result.written.path)
                console.report(result.warnings.map { $0.diagnostic(file: path) })
            } catch {
                failed = true
                console.report(error.diagnostics)
            }
        }
        if failed { throw ExitCode(1) }
    }
}
