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
                key.unicodeScalars.append(Unicode.Scalar(("a"..."z").contains(scalar) ? scalar.value - 32 : scalar.value)!)
            }
        }
        return key
    }
}
