import Foundation

/// A document's own number and symbol ("số, ký hiệu").
package enum DocumentNumber {
    /// Removes stray spaces around "/" and "-" ("08 /KH - CĐGD" → "08/KH-CĐGD"), a full stop
    /// after the number ("50./TB-THCS") and invisible zero-width characters.
    package static func tidy(_ raw: String) -> String {
        var text = VietnameseText.collapseWhitespace(SourceText.removingZeroWidth(raw))
        // Most numbers are tidy; the replacements below go through Foundation, a regular
        // expression among them, a tenth of loading a portal's documents.
        guard text.withUTF8Bytes(mayNeedTidying) else { return text }
        for separator in ["/", "-"] {
            text = text.replacingOccurrences(of: " \(separator)", with: separator)
                .replacingOccurrences(of: "\(separator) ", with: separator)
        }
        // "50./TB-THCS": a full stop typed after the number.
        return text.replacingOccurrences(of: #"([0-9])\./"#, with: "$1/", options: .regularExpression)
    }

    /// A space before or after "/" or "-", or "./": what `tidy` changes.
    private static func mayNeedTidying(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count > 1 else { return false }
        for index in 1..<bytes.count {
            let (before, byte) = (bytes[index - 1], bytes[index])
            if (before == 0x20 && (byte == 0x2F || byte == 0x2D))
                || ((before == 0x2F || before == 0x2D) && byte == 0x20)
                || (before == 0x2E && byte == 0x2F)
            {
                return true
            }
        }
        return false
    }

    /// The symbol's identity key as gold files and users compare them: uppercase, Đ→D, only A-Z
    /// and 0-9 ("33/CT-TTg" and "33/CTTTg" are both "33CTTTG").
    package static func symbolKey(_ symbol: String) -> String {
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
    /// date, often: "Số: 144 /BC-MGLT Long Thượng, ngày 10 tháng 01 năm 2018"). Nil when the
    /// line is no number line: no "Số" label, no number (or its blank, "Số:   /KH-THAP") after
    /// it, no "/" or "-" in it.
    package static func line(_ text: String) -> (value: String, rest: String?)? {
        let folded = VietnameseText.fold(text)
        // "Sè:" is "Số:" in TCVN3 (ABC), on a line with too few legacy letters to be converted.
        let legacyLabel = text.lowercased().hasPrefix("sè") && (folded.hasPrefix("se:") || folded.hasPrefix("se :"))
        guard folded.hasPrefix("so:") || folded.hasPrefix("so :") || folded.hasPrefix("so ") || legacyLabel else {
            return nil
        }
        var rest = String(text.dropFirst(2)).trimmingCharacters(in: .whitespaces)
        if rest.hasPrefix(":") { rest = String(rest.dropFirst()).trimmingCharacters(in: .whitespaces) }
        // A number, or its blank: "/KH-THAP", "…/KH-THAP".
        guard let first = rest.first, first.isNumber || first == "/" || first == "." || first == "…" else { return nil }
        // The number is one word once the spaces typed around its "/" and "-" are gone:
        // "144 /BC-MGLT", "24 / PGD&ĐT- GDMN"; a space or a comma ends it.
        let joined = rest.replacingOccurrences(of: #"\s*([/-])\s*"#, with: "$1", options: .regularExpression)
        let end = joined.firstIndex { $0.isWhitespace || $0 == "," } ?? joined.endIndex
        let after = joined[end...].trimmingCharacters(in: CharacterSet(charactersIn: ", ").union(.whitespaces))
        let value = tidy(String(joined[..<end]).trimmingCharacters(in: CharacterSet(charactersIn: ".…_ ")))
        guard value.contains("/") || value.contains("-") else { return nil }
        return (value, after.isEmpty ? nil : after)
    }

    /// A text's own number: its first number line among the first 30 lines that hold
    /// something. Each line is read as import reads it: cut into cells at a tab or four spaces
    /// (the columns of a header laid side by side: "Số: 08/KH-CĐGD      Tân Hồng, ngày …"),
    /// Markdown emphasis dropped, white space collapsed ("Số:  32  /KH-THHVT"); up to the body's
    /// first words (`BodyOpeners`).
    /// `congkhai citations` leaves it out of the citations.
    package static func own(in text: String) -> String? {
        var seen = 0
        var rest = text[...]
        // Line by line up to the header's end, not the whole text cut into lines first.
        while !rest.isEmpty {
            let end = rest.firstIndex(of: "\n") ?? rest.endIndex
            let rawLine = rest[..<end]
            rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
            if rawLine.isEmpty { continue }
            // Foundation's replacing is slow on every line: only lines with "*" or "_" need it.
            let line =
                rawLine.utf8.contains { $0 == 0x2A || $0 == 0x5F }
                ? rawLine.replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "__", with: "")
                : String(rawLine)
            if line.allSatisfy(\.isWhitespace) { continue }
            seen += 1
            if seen > 30 { break }
            for cell in LayoutCells.split(line) {
                let plain = VietnameseText.collapseWhitespace(cell.text)
                // The body has begun: a "số" further on continues a sentence.
                if BodyOpeners.opens(VietnameseText.fold(plain)) { return nil }
                // A header's label is capitalised: "Số:", "SỐ".
                guard plain.hasPrefix("S") else { continue }
                if let number = Self.line(plain) { return number.value }
            }
        }
        return nil
    }
}
