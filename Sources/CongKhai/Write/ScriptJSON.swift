/// JSON text to be loaded as part of a script: strings are escaped so that nothing in them can
/// end the script early ("<" becomes \u003c) or a line (U+2028, U+2029). Used for the search
/// index's document shards, written by the thousand, where JSONEncoder was a fifth of the
/// index's time. Written as UTF-8 bytes: appending to a String checked and grew it piece by
/// piece.
enum ScriptJSON {
    static func append(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)  // "
        if text.utf8.withContiguousStorageIfAvailable({ append($0, to: &out) }) == nil {
            append(Array(text.utf8), to: &out)
        }
        out.append(0x22)
    }

    /// A string's bytes, escaped where they must be. Bytes of characters past U+007F are
    /// copied as they are but for U+2028 and U+2029 (E2 80 A8 and E2 80 A9): no other
    /// character's bytes contain a byte below 0x80.
    private static func append(_ bytes: some Collection<UInt8>, to out: inout [UInt8]) {
        // Runs of bytes that need nothing are copied whole.
        var plainFrom = bytes.startIndex
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            let next = bytes.index(after: index)
            var escaped: [UInt8]
            var end = next
            switch byte {
            case 0x22: escaped = [0x5C, 0x22]  // \"
            case 0x5C: escaped = [0x5C, 0x5C]  // \\
            case 0x0A: escaped = [0x5C, 0x6E]  // \n
            case 0x09: escaped = [0x5C, 0x74]  // \t
            case 0x3C: escaped = Array("\\u003c".utf8)
            case 0..<0x20: escaped = Array("\\u00".utf8) + [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
            case 0xE2:
                let rest = bytes[next...].prefix(2)
                let lineSeparator = rest.elementsEqual([0x80, 0xA8])
                guard lineSeparator || rest.elementsEqual([0x80, 0xA9]) else {
                    index = next
                    continue
                }
                escaped = Array("\\u202".utf8) + [lineSeparator ? 0x38 : 0x39]
                end = rest.endIndex
            default:
                index = next
                continue
            }
            out.append(contentsOf: bytes[plainFrom..<index])
            out.append(contentsOf: escaped)
            index = end
            plainFrom = end
        }
        out.append(contentsOf: bytes[plainFrom..<bytes.endIndex])
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func array(_ texts: [String], to out: inout [UInt8]) {
        out.append(0x5B)  // [
        for (index, text) in texts.enumerated() {
            if index > 0 { out.append(0x2C) }
            append(text, to: &out)
        }
        out.append(0x5D)  // ]
    }
}
