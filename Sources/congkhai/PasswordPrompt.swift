import Foundation
import VietText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a password: typed at a terminal, hidden and asked twice; piped in (a script, a test),
/// its first line.
enum PasswordPrompt {
    static func read(_ prompt: LocalizedText, language: Language) -> String? {
        guard isatty(STDIN_FILENO) == 1 else { return readLine(strippingNewline: true) }
        let first = hidden(prompt[language])
        let again = hidden(language == .vi ? "Nhập lại mật khẩu: " : "Type it again: ")
        guard let first, first == again else {
            FileHandle.standardError.write(
                Data((language == .vi ? "Hai lần nhập không giống nhau.\n" : "The two do not match.\n").utf8))
            return nil
        }
        return first
    }

    /// A line typed with the terminal's echo off, put back as it was afterwards.
    private static func hidden(_ prompt: String) -> String? {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return readLine(strippingNewline: true) }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return readLine(strippingNewline: true)
    }
}
