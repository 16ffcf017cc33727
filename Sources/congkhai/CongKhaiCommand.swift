import ArgumentParser
import CongKhai
import Foundation

/// `congkhai`: the command line. Each subcommand parses its arguments, calls the library and
/// tells the outcome through `Console`, in the language of `--lang`.
@main
struct CongKhaiCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "congkhai",
        abstract: "Tạo trang công khai thông tin của trường học từ văn bản Markdown.",
        version: BuildVersion.line,
        subcommands: [
            BuildCommand.self, CheckCommand.self, CitationsCommand.self, ImportCommand.self, NewCommand.self,
            ArchiveCommand.self, VerifyCommand.self, ServeCommand.self, UserCommand.self
        ]
    )
}

/// Today in Vietnam: the command line reads the clock, the library never does.
func todayInVietnam() -> CalendarDay {
    // Vietnam keeps UTC+7 all year.
    let parts = Calendar(identifier: .gregorian).dateComponents(
        in: TimeZone(secondsFromGMT: 7 * 3600) ?? .current, from: Date())
    return CalendarDay(year: parts.year ?? 2025, month: parts.month ?? 1, day: parts.day ?? 1)
}
