import VietText

/// Splits a Markdown file into its YAML front matter (between `---` lines at the very top) and
/// its body, keeping line numbers so messages can point into the file. A byte scan over UTF-8:
/// it runs on every document of the portal.
public struct FrontMatterSplit: Sendable, Equatable {
    /// The YAML text, nil when the file has no front matter.
    public var yaml: String?
    /// File line of the YAML's first line.
    public var yamlLine: Int
    package var body: String
    /// File line of the body's first line.
    package var bodyLine: Int
    /// True when an opening `---` was found but no closing one.
    package var unterminated: Bool
}

public enum FrontMatterSplitter {
    public static func split(_ text: String) -> FrontMatterSplit {
        switch text.withUTF8Bytes(fences) {
        case .absent:
            return FrontMatterSplit(yaml: nil, yamlLine: 1, body: text, bodyLine: 1, unterminated: false)
        case .unterminated:
            return FrontMatterSplit(yaml: nil, yamlLine: 2, body: text, bodyLine: 1, unterminated: true)
        case .closed(let yaml, let bodyStart, let bodyLine):
            // Cut from the text itself, after line breaks: copied as the valid UTF-8 it is,
            // where decoding bytes would check each of a document's bytes again.
            let utf8 = text.utf8
            func piece(_ range: Range<Int>) -> String {
                let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
                return String(Substring(utf8[start..<utf8.index(start, offsetBy: range.count)]))
            }
            return FrontMatterSplit(
                yaml: piece(yaml), yamlLine: 2, body: piece(bodyStart..<utf8.count), bodyLine: bodyLine,
                unterminated: false)
        }
    }

    private enum Fences {
        case absent, unterminated
        /// The YAML's bytes, where the body starts and its file line.
        case closed(yaml: Range<Int>, bodyStart: Int, bodyLine: Int)
    }

    private static func fences(_ bytes: UnsafeBufferPointer<UInt8>) -> Fences {
        guard let firstEnd = lineEnd(bytes, from: 0), isFence(bytes, 0, firstEnd) else { return .absent }
        var lineStart = firstEnd + 1
        var line = 2
        while lineStart <= bytes.count {
            let end = lineEnd(bytes, from: lineStart) ?? bytes.count
            if isFence(bytes, lineStart, end) || isDocumentEnd(bytes, lineStart, end) {
                return .closed(
                    yaml: (firstEnd + 1)..<lineStart, bodyStart: min(end + 1, bytes.count), bodyLine: line + 1)
            }
            if end >= bytes.count { break }
            lineStart = end + 1
            line += 1
        }
        return .unterminated
    }

    private static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == 0x0A { return index }
            index += 1
        }
        return start <= bytes.count ? bytes.count : nil
    }

    /// `---` with optional trailing spaces.
    private static func isFence(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        isMarker(bytes, start, end, 0x2D)
    }

    /// `...`, YAML's document end marker, also closes front matter.
    private static func isDocumentEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        isMarker(bytes, start, end, 0x2E)
    }

    private static func isMarker(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ mark: UInt8) -> Bool {
        guard end - start >= 3, bytes[start] == mark, bytes[start + 1] == mark, bytes[start + 2] == mark else {
            return false
        }
        return (start + 3..<end).allSatisfy { bytes[$0] == 0x20 || bytes[$0] == 0x09 }
    }
}
