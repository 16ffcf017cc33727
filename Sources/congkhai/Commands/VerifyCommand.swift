import ArgumentParser
import CongKhai
import Foundation
import VietText

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Kiểm tra một bản lưu trữ .zip theo MANIFEST.sha256 bên trong.")

    @Argument(help: "Tệp .zip cần kiểm tra.")
    var file: String

    @OptionGroup var lang: MessageLanguage

    func run() throws {
        let console = Console(language: lang.language)
        let problems: [Diagnostic]
        do { problems = try YearArchive.verify(URL(fileURLWithPath: file)) } catch { throw console.failure(error) }
        guard problems.isEmpty else {
            console.report(problems)
            console.warn(
                LocalizedText(
                    vi: "Bản lưu trữ KHÔNG nguyên vẹn: \(problems.count) vấn đề.",
                    en: "The archive is NOT intact: \(Console.count(problems.count, "problem", "problems"))."))
            throw ExitCode(1)
        }
        console.say(
            LocalizedText(
                vi: "Bản lưu trữ nguyên vẹn: mọi tệp khớp MANIFEST.sha256.",
                en: "The archive is intact: every file matches MANIFEST.sha256."))
    }
}
