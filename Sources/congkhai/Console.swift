import ArgumentParser
import Foundation
import VietText

/// `--lang vi|en`, which every command takes: the language of its messages.
struct MessageLanguage: ParsableArguments {
    @Option(name: .customLong("lang"), help: "Ngôn ngữ thông báo: vi hoặc en.")
    var code: String = "vi"

    var language: Language { Language(rawValue: code) ?? .vi }

    func validate() throws {
        guard Language(rawValue: code) != nil else {
            throw ValidationError("--lang nhận vi hoặc en (nhận được “\(code)”). / --lang takes vi or en.")
        }
    }
}

/// What a command says: results on standard output, problems on standard error, each in one
/// language. A failure is always a list of `Diagnostic`s; the command then exits with 1.
struct Console {
    var language: Language
    /// Each line written as it is said, not when the buffer fills: for a command that runs for
    /// hours (`serve`) with its output in a file or a pipe.
    var atOnce = false

    /// A line of the command's result.
    func say(_ text: LocalizedText) {
        if atOnce {
            FileHandle.standardOutput.write(Data((text[language] + "\n").utf8))
        } else {
            print(text[language])
        }
    }

    /// Problems, one per line, on standard error.
    func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { warn(diagnostic.formatted(language)) }
    }

    func warn(_ text: LocalizedText) { warn(text[language]) }

    func warn(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }

    /// Reports `error`'s diagnostics (or, for an error the library did not describe, the error
    /// itself) and returns the exit code to throw.
    func failure(_ error: Error, file: String = "") -> ExitCode {
        if let described = error as? DiagnosticError {
            report(described.diagnostics)
        } else {
            report([Diagnostic(.error, "unexpected", file: file, message: .init(vi: "\(error)", en: "\(error)"))])
        }
        return ExitCode(1)
    }

    /// "1 error", "2 errors" in English; Vietnamese has one form ("1 lỗi", "2 lỗi").
    static func count(_ number: Int, _ singular: String, _ plural: String) -> String {
        "\(number) \(number == 1 ? singular : plural)"
    }

    /// A date option: "2026-07-01", or a usage error saying what was given.
    func day(_ text: String?, option: String) throws -> IssuedDate? {
        guard let text else { return nil }
        guard let date = IssuedDate(iso: text), date.day != nil else {
            throw ValidationError(
                LocalizedText(
                    vi: "\(option) phải là một ngày dạng YYYY-MM-DD, ví dụ 2026-07-01 (nhận được “\(text)”).",
                    en: "\(option) must be a day as YYYY-MM-DD, e.g. 2026-07-01 (got “\(text)”).")[language])
        }
        return date
    }
}
