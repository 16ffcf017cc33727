import Foundation

/// Reads a source file as text: UTF-8 only (a BOM is dropped), CRLF and CR turned into LF, and
/// NFC normalised, so every later stage sees one form of Vietnamese.
public enum SourceText {
    public enum Failure: Error, Equatable {
        case unreadable(String)
        case tooLarge(bytes: Int)
        /// The first byte that is not UTF-8, as a 1-based line and column (in bytes).
        case notUTF8(line: Int, column: Int)
    }

    /// Larger sources are refused: no school document is this big, and a runaway file must not
    /// take the build's memory.
    package static let maximumBytes = 32 * 1024 * 1024

    package static func read(_ url: URL) throws(Failure) -> String {
        try readReportingControls(url).text
    }

    /// The text, and where invisible control characters were removed (line, column).
    package static func readReportingControls(_ url: URL) throws(Failure) -> (
        text: String, removed: [(line: Int, column: Int)]
    ) {
        removingControls(try decode(try readBytes(url)))
    }

    /// The file's bytes, refused when larger than `maximumBytes`.
    package static func readBytes(_ url: URL) throws(Failure) -> Data {
        var status = stat()
        if stat(url.path, &status) == 0, Int(status.st_size) > maximumBytes {
            throw .tooLarge(bytes: Int(status.st_size))
        }
        do { return try Data(contentsOf: url) } catch { throw .unreadable(error.localizedDescription) }
    }

    /// Without zero-width characters (U+200B–U+200D, U+2060, U+FEFF): text copied from web pages
    /// carries them inside numbers ("101/QĐ\u{200B}-MNTT"), where they would stay invisible in the
    /// front matter; a byte-order mark kept as a character through a conversion is one too.
    /// Vietnamese never needs them.
    package static func removingZeroWidth(_ text: String) -> String {
        // All five are E2 80 8B–8D, E2 81 A0 or EF BB BF in UTF-8.
        guard text.containsUTF8Byte(0xE2, 0xEF),
            text.unicodeScalars.contains(where: { zeroWidth.contains($0.value) })
        else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !zeroWidth.contains(scalar.value) { scalars.append(scalar) }
        return String(scalars)
    }

    private static let zeroWidth: Set<UInt32> = [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]

    /// Bidirectional overrides (U+202A–U+202E, U+2066–U+2069) can make text read differently
    /// from what it is, and C0 controls other than tab and newline have no place in a document.
    package static func removingControls(_ text: String) -> (text: String, removed: [(line: Int, column: Int)]) {
        func isControl(_ value: UInt32) -> Bool {
            (value < 0x20 && value != 0x0A && value != 0x09) || value == 0x7F || (0x202A...0x202E).contains(value)
                || (0x2066...0x2069).contains(value)
        }
        // Controls are ASCII below 0x20 or 0x7F, or E2 80 AA–AE / E2 81 A6–A9 in UTF-8. E2 alone
        // also starts the quotes and dashes of most Vietnamese texts: only a control's three
        // bytes send the text to the exact check.
        let suspicious = text.withUTF8Bytes { bytes in
            func suspect(at index: Int) -> Bool {
                let byte = bytes[index]
                if byte >= 0x20 && byte != 0x7F && byte != 0xE2 { return false }
                if byte == 0x0A || byte == 0x09 { return false }
                if byte != 0xE2 { return true }
                guard index + 2 < bytes.count else { return false }
                let (second, third) = (bytes[index + 1], bytes[index + 2])
                return (second == 0x80 && (0xAA...0xAE).contains(third))
                    || (second == 0x81 && (0xA6...0xA9).contains(third))
            }
            // Eight bytes at a time: a word with no byte below 0x20, no 7F and no E2 is passed
            // whole.
            var index = 0
            while index + 8 <= bytes.count {
                let word = ByteWord.load(bytes, at: index)
                if ByteWord.hasBelow(word, 0x20) || ByteWord.has(word, 0x7F) || ByteWord.has(word, 0xE2) {
                    for offset in index..<index + 8 where suspect(at: offset) { return true }
                }
                index += 8
            }
            return (index..<bytes.count).contains(where: suspect)
        }
        guard suspicious, text.unicodeScalars.contains(where: { isControl($0.value) }) else { return (text, []) }
        var removed: [(Int, Int)] = []
        var scalars = String.UnicodeScalarView()
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if isControl(scalar.value) {
                removed.append((line, column))
                continue
            }
            scalars.append(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (String(scalars), removed)
    }

    public static func decode(_ data: Data) throws(Failure) -> String {
        // Checked in the Data's own bytes: as a generic collection, they were copied first.
        let decoded = data.withUnsafeBytes { raw -> String? in
            var bytes = raw.bindMemory(to: UInt8.self)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeBufferPointer(rebasing: bytes.dropFirst(3)) }
            return String(validating: bytes, as: UTF8.self)
        }
        guard let text = decoded else {
            var bytes = data[...]
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            throw firstInvalidByte(in: Array(bytes))
        }
        return VietnameseText.nfc(normaliseLineEndings(text))
    }

    package static func normaliseLineEndings(_ text: String) -> String {
        guard text.containsUTF8Byte(13) else { return text }
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
            if lead == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += length
        }
        return .notUTF8(line: line, column: 1)
    }
}

extension SourceText.Failure {
    /// What to tell the person whose file `file` (relative to the portal) could not be read.
    package func diagnostic(file path: String) -> Diagnostic {
        switch self {
        case .tooLarge(let bytes):
            return Diagnostic(

                .error, "file.too-large", file: path,
                message: .init(
                    vi: "tệp quá lớn (\(bytes / 1_048_576) MB; tối đa \(SourceText.maximumBytes / 1_048_576) MB).",
                    en:
                        "the file is too large (\(bytes / 1_048_576) MB; at most \(SourceText.maximumBytes / 1_048_576) MB)."
                ),
                fix: .init(
                    vi: "tách văn bản, hoặc đưa phần lớn (bảng số liệu) vào tệp đính kèm.",
                    en: "split the document, or put the bulk (data tables) in an attachment."))
        case .notUTF8(let line, let column):
            return Diagnostic(

                .error, "file.not-utf8", file: path, line: line, column: column,
                message: .init(
                    vi: "tệp không phải văn bản UTF-8 (có thể là bảng mã cũ TCVN3/VNI hoặc tệp Word).",
                    en: "the file is not UTF-8 text (perhaps a legacy TCVN3/VNI encoding or a Word file)."),
                fix: .init(
                    vi: "mở tệp bằng trình soạn thảo và lưu lại với bảng mã UTF-8, hoặc dùng `congkhai import`.",
                    en: "save the file as UTF-8 in an editor, or use `congkhai import`."))
        case .unreadable(let reason):
            return Diagnostic(

                .error, "file.unreadable", file: path,
                message: .init(vi: "không đọc được tệp (\(reason)).", en: "cannot read the file (\(reason))."),
                fix: .init(
                    vi: "kiểm tra tệp có tồn tại và có quyền đọc.",
                    en: "check that the file exists and is readable."))
        }
    }
}
