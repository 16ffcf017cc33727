import Foundation

/// Reads a source file as text: UTF-8 only (a BOM is dropped), CRLF and CR turned into LF, and
/// NFC normalised, so every later stage sees one form of Vietnamese.
public enum SourceText {
    public enum Failure: Error, Equatable {
        case unreadable(String)
        /// The first byte that is not UTF-8, as a 1-based line and column (in bytes).
        case notUTF8(line: Int, column: Int)
    }

    public static func read(_ url: URL) throws(Failure) -> String {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw .unreadable(error.localizedDescription) }
        return try decode(data)
    }

    public static func decode(_ data: Data) throws(Failure) -> String {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw firstInvalidByte(in: Array(bytes))
        }
        return VietnameseText.nfc(normaliseLineEndings(text))
    }

    static func normaliseLineEndings(_ text: String) -> String {
        guard text.utf8.contains(13) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    private static func firstInvalidByte(in bytes: [UInt8]) -> Failure {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return .notUTF8(line: line, column: index - lineStart + 1)
            }
            if index + length > bytes.count { return .notUTF8(line: line, column: index - lineStart + 1) }
            if length > 1, String(validating: bytes[index..<index + length], as: UTF8.self) == nil {
                return .notUTF8(line: line, column: index - lineStart + 1)
            }
            if lead == 0x0A { line += 1; lineStart = index + 1 }
            index += length
        }
        return .notUTF8(line: line, column: 1)
    }
}
