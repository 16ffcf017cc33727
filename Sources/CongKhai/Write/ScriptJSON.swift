/// JSON text to be loaded as part of a script: strings are escaped so that nothing in them can
/// end the script early ("<" becomes \u003c) or a line (U+2028, U+2029). Used for the search
/// index's document shards, written by the thousand, where JSONEncoder was a fifth of the
/// index's time.
enum ScriptJSON {
    static func append(_ text: String, to out: inout String) {
        out += "\""
        if isPlain(text) {
            out += text
        } else {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                case "<": out += "\\u003c"
                case "\u{2028}": out += "\\u2028"
                case "\u{2029}": out += "\\u2029"
                default:
                    if scalar.value < 0x20 {
                        out += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
        }
        out += "\""
    }

    /// Whether the text needs no escaping: no control, quote, backslash or "<", nor U+2028/9
    /// (E2 80 A8/A9). Other E2 sequences (dashes, curly quotes) are common in Vietnamese titles
    /// and need none; scanned in the string's storage.
    private static func isPlain(_ text: String) -> Bool {
        func plain(_ bytes: some Collection<UInt8>) -> Bool {
            var index = bytes.startIndex
            while index != bytes.endIndex {
                let byte = bytes[index]
                if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C { return false }
                if byte == 0xE2 {
                    let rest = bytes[bytes.index(after: index)...].prefix(2)
                    if rest.elementsEqual([0x80, 0xA8]) || rest.elementsEqual([0x80, 0xA9]) { return false }
                }
                index = bytes.index(after: index)
            }
            return true
        }
        return text.utf8.withContiguousStorageIfAvailable { plain($0) } ?? plain(text.utf8)
    }

    static func array(_ texts: [String], to out: inout String) {
        out += "["
        for (index, text) in texts.enumerated() {
            if index > 0 { out += "," }
            append(text, to: &out)
        }
        out += "]"
    }
}
