import Foundation

/// A document's own number and symbol ("số, ký hiệu").
public enum DocumentNumber {
    /// Removes stray spaces around "/" and "-" ("08 /KH - CĐGD" → "08/KH-CĐGD"), a full stop
    /// after the number ("50./TB-THCS") and invisible zero-width characters.
    public static func tidy(_ raw: String) -> String {
        var text = VietnameseText.collapseWhitespace(SourceText.removingZeroWidth(raw))
        for separator in ["/", "-"] {
            text = text.replacingOccurrences(of: " \(separator)", with: separator)
                .replacingOccurrences(of: "\(separator) ", with: separator)
        }
        // "50./TB-THCS": a full stop typed after the number.
        return text.replacingOccurrences(of: #"([0-9])\./"#, with: "$1/", options: .regularExpression)
    }

    /// The symbol's identity key as gold files and users compare them: uppercase, Đ→D, only A-Z
    /// and 0-9 ("33/CT-TTg" and "33/CTTTg" are both "33CTTTG").
    public static func symbolKey(_ symbol: String) -> String {
        var key = ""
        for scalar in VietnameseText.fold(symbol).unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                key.unicodeScalars.append(
                    Unicode.Scalar(("a"..."z").contains(scalar) ? scalar.value - 32 : scalar.value)!)
            }
        }
        return key
    }

    /// A "Số: 08 /KH - CĐGD" line: the number, and what follows it on the line (the place and
    /// date, often: "Số: 08/KH-CĐGD    Tân Hồng, ngày 05 tháng 02 năm 2025"). Nil when the line
    /// is no number line: no "Số" label, or no "/" or "-" after it.
    public static func line(_ text: String) -> (value: String, rest: String?)? {
        let folded = VietnameseText.fold(text)
        guard folded.hasPrefix("so:") || folded.hasPrefix("so :") || folded.hasPrefix("so ") else { return nil }
        var rest = String(text.dropFirst(2)).trimmingCharacters(in: .whitespaces)
        if rest.hasPrefix(":") { rest = String(rest.dropFirst()).trimmingCharacters(in: .whitespaces) }
        // A number, or its blank: "/KH-THAP", "…/KH-THAP".
        guard let first = rest.first, first.isNumber || first == "/" || first == "." || first == "…" else { return nil }
        var after: String?
        let range = NSRange(rest.startIndex..., in: rest)
        if let match = placeAfterNumber?.firstMatch(in: rest, range: range), let cut = Range(match.range, in: rest) {
            after = String(rest[cut.lowerBound...]).trimmingCharacters(in: CharacterSet(charactersIn: ", "))
            rest = String(rest[..<cut.lowerBound])
        }
        let value = tidy(rest.trimmingCharacters(in: CharacterSet(charactersIn: ".…_ ")))
        guard value.contains("/") || value.contains("-") else { return nil }
        return (value, after)
    }

    /// Where the number ends on its line: two spaces, or a place of at most four words before
    /// ", ngày".
    private static let placeAfterNumber = try? NSRegularExpression(
        pattern: #"\s{2,}|,?\s+[^\s,]+(\s[^\s,]+){0,3},\s*ngày"#)

    /// A text's own number: its first number line among the first 30 lines that hold
    /// something (Markdown emphasis ignored). `congkhai citations` leaves it out of the citations.
    public static func own(in text: String) -> String? {
        var seen = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = rawLine.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "*", with: "")
            if line.isEmpty { continue }
            seen += 1
            if seen > 30 { break }
            if let number = Self.line(line) { return number.value }
        }
        return nil
    }
}
