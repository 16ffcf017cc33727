import ArgumentParser
import CongKhai
import Foundation
import VietText

struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Tạo bản lưu trữ (.zip) của một năm học, xem được khi không có mạng, kèm MANIFEST.sha256.")

    @Option(name: .customLong("school-year"), help: "Năm học, ví dụ 2023-2024.")
    var schoolYear: String

    @Option(help: "Thư mục của cổng.")
    var source: String = "."

    @Option(help: "Tệp .zip sẽ tạo (mặc định: archives/cong-khai-<năm học>.zip trong thư mục cổng).")
    var output: String?

    @OptionGroup var lang: MessageLanguage

    func run() throws {
        let console = Console(language: lang.language)
        let portal = URL(fileURLWithPath: source)
        let target =
            output.map { URL(fileURLWithPath: $0) }
            ?? portal.appendingPathComponent("archives/cong-khai-\(schoolYear).zip")
        let files: Int
        do {
            files = try YearArchive.create(portal: portal, schoolYear: schoolYear, output: target)
        } catch {
            throw console.failure(error, file: target.path)
        }
        console.say(
            LocalizedText(
                vi: "Đã lưu trữ năm học \(schoolYear): \(files) tệp → \(target.path)",
                en: "Archived school year \(schoolYear): \(files) files → \(target.path)"))
    }
}
