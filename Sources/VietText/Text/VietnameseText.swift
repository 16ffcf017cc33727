import Foundation

/// Vietnamese text handling shared by every stage: NFC normalisation, diacritic folding for
/// slugs and search, and ASCII slugs.
package enum VietnameseText {
    /// Normalises to NFC. Most text is already NFC, and Foundation's normalisation is slow, so it
    /// runs only when the UTF-8 holds a combining mark (lead bytes 0xCC/0xCD: U+0300–U+036F).
    package static func nfc(_ text: String) -> String {
        // Combining marks (U+0300–U+036F) start with byte CC or CD.
        guard text.containsUTF8Byte(0xCC, 0xCD) else { return text }
        return removingSpacesBeforeMarks(text).precomposedStringWithCanonicalMapping
    }

    /// PDF text sometimes stores a tone mark after a stray space ("Chi ̉ thi ̣"); a combining
    /// mark never follows a space in Vietnamese, so the space goes.
    private static func removingSpacesBeforeMarks(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            let isMark = (0x300...0x36F).contains(scalar.value)
            if scalar == " " {
                if let pending = pendingSpace { scalars.append(pending) }
                pendingSpace = scalar
                continue
            }
            if let pending = pendingSpace, !isMark { scalars.append(pending) }
            pendingSpace = nil
            scalars.append(scalar)
        }
        if let pending = pendingSpace { scalars.append(pending) }
        return String(scalars)
    }

    /// An ASCII file name: "Kế hoạch (bản ký).PDF" gives "ke-hoach-ban-ky.pdf"; a name with
    /// nothing left of its stem is "tep".
    package static func fileSlug(_ name: String) -> String {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count > 1, let ext = parts.last, !ext.isEmpty else { return slug(name) }
        let stem = slug(parts.dropLast().joined(separator: "."))
        return (stem.isEmpty ? "tep" : stem) + "." + slug(String(ext))
    }

    /// Lowercases, drops diacritics and maps đ to d: "Đoàn Thể" → "doan the".
    package static func fold(_ text: String) -> String {
        // It runs over every word the search index holds: bytes out, not scalars appended to
        // a String, and ASCII text needing only lowercasing.
        text.withUTF8Bytes { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var offset = 0
            while offset < bytes.count {
                let (value, width) = bytes.scalarValue(at: offset)
                offset += width
                switch folded(value) {
                case .byte(let byte): out.append(byte)
                case .none: continue
                case .lowercased(let scalar): out.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The words of `fold(text)`, each a run of a-z and 0-9, in order: what search indexes and
    /// what assets/search.js makes of a query. One pass, no folded copy: it runs over every
    /// document's whole text.
    package static func forEachFoldedWord(in text: String, _ body: (String) -> Void) {
        forEachFoldedWordBytes(in: text) { body(String(decoding: $0, as: UTF8.self)) }
    }

    /// The same words as their bytes, valid only during the call: counting words need not make
    /// a String of each of the millions a large portal's bodies hold.
    package static func forEachFoldedWordBytes(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        text.withUTF8Bytes { bytes in
            // The word so far, in a buffer of its own: appending to an Array checked its
            // uniqueness at every byte of every body. Only ASCII letters and digits are kept,
            // at most one for each byte read (a code point beyond the fold table is three bytes
            // or more, and lowercases to at most three code points).
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count * 2 + 4) { word in
                var length = 0
                func take(_ byte: UInt8) {
                    if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39), length < word.count {
                        word[length] = byte
                        length += 1
                    } else if length > 0 {
                        body(UnsafeBufferPointer(rebasing: word[0..<length]))
                        length = 0
                    }
                }
                var offset = 0
                while offset < bytes.count {
                    let (value, width) = bytes.scalarValue(at: offset)
                    offset += width
                    switch folded(value) {
                    case .byte(let byte): take(byte)
                    case .none: continue
                    case .lowercased(let scalar): for byte in scalar.properties.lowercaseMapping.utf8 { take(byte) }
                    }
                }
                take(0x20)
            }
        }
    }

    private enum Folded {
        /// Most code points: one ASCII byte.
        case byte(UInt8)
        /// A stray combining mark, dropped.
        case none
        /// Beyond the fold table: the code point's lowercase.
        case lowercased(Unicode.Scalar)
    }

    /// What `fold` makes of one code point.
    @inline(__always)
    private static func folded(_ value: UInt32) -> Folded {
        if value < 0x80 { return .byte(UInt8(value >= 0x41 && value <= 0x5A ? value | 0x20 : value)) }
        if value < 0x1F00, let base = foldArray[Int(value)] { return .byte(UInt8(base.value)) }
        if (0x300...0x36F).contains(value) { return .none }
        return .lowercased(Unicode.Scalar(value) ?? " ")
    }

    /// An ASCII slug: folded, runs of anything but a-z and 0-9 become one hyphen, at most
    /// `maxLength` characters, cut at a hyphen where possible.
    package static func slug(_ text: String, maxLength: Int = 80) -> String {
        // Most names given are slugs already (every file and folder name of a portal).
        if isSlug(text, maxLength: maxLength) { return text }
        var out = ""
        var pendingHyphen = false
        for scalar in fold(text).unicodeScalars {
            let isAlnum = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
            if isAlnum {
                if pendingHyphen && !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        if out.count > maxLength {
            let cut = out.prefix(maxLength)
            if let lastHyphen = cut.lastIndex(of: "-"),
                cut.distance(from: cut.startIndex, to: lastHyphen) > maxLength / 2
            {
                out = String(cut[..<lastHyphen])
            } else {
                out = String(cut)
            }
        }
        return out
    }

    /// Lowercase ASCII letters and digits in runs joined by single hyphens, no longer than
    /// `maxLength`: what `slug` makes of it is itself.
    private static func isSlug(_ text: String, maxLength: Int) -> Bool {
        let bytes = text.utf8
        guard !bytes.isEmpty, bytes.count <= maxLength, bytes.first != 0x2D, bytes.last != 0x2D else { return false }
        var previousHyphen = false
        for byte in bytes {
            switch byte {
            case 0x61...0x7A, 0x30...0x39: previousHyphen = false
            case 0x2D where !previousHyphen: previousHyphen = true
            default: return false
            }
        }
        return true
    }

    /// The text with its first letter in capitals: a subject or title printed after a label
    /// ("V/v hướng dẫn ...") starts a sentence of its own.
    package static func capitalizingFirst(_ text: String) -> String {
        // An ASCII letter followed by a letter no mark can join (ASCII, U+00C0–U+027F,
        // U+1E00–U+1EFF: Vietnamese) is its own Character: its byte is changed, without walking
        // Characters.
        let utf8 = text.utf8
        if let first = utf8.first, first < 0x80 {
            let second = utf8.dropFirst().first ?? 0
            let third = utf8.dropFirst(2).first ?? 0
            if second < 0x80 || (0xC3...0xC9).contains(second) || (second == 0xE1 && (0xB8...0xBB).contains(third)) {
                guard first >= 0x61 && first <= 0x7A else { return text }
                return String(UnicodeScalar(first - 0x20)) + text.dropFirst()
            }
        }
        guard let first = text.first, first.isLowercase else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// The text with its first letter in lowercase: a label that goes on a subject ("Năm học
    /// 2007- 2008" after "... nhiệm vụ").
    package static func lowercasingFirst(_ text: String) -> String {
        guard let first = text.first, first.isUppercase else { return text }
        // An abbreviation keeps its capitals: "UBND huyện", "THCS".
        if text.dropFirst().prefix(while: { !$0.isWhitespace }).contains(where: \.isUppercase) { return text }
        return first.lowercased() + text.dropFirst()
    }

    /// Collapses runs of white space (ASCII white space and no-break spaces) to one space and
    /// trims. A byte scan: it runs over every document's text.
    package static func collapseWhitespace(_ text: String) -> String {
        text.withUTF8Bytes { bytes in
            isCollapsed(bytes) ? text : text.applyingUTF8Edits(whitespaceEdits(bytes))
        }
    }

    /// The same, of a text's UTF-8 (cut at scalar boundaries), collapsed as it is copied: one
    /// String made, where cutting it first and collapsing made up to three.
    package static func collapseWhitespace(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = true
                index += 1
            } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
                pendingSpace = true
                index += 2
            } else {
                if pendingSpace && !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                // The run up to the next white space is copied whole.
                var end = index + 1
                while end < bytes.count, bytes[end] > 0x20, bytes[end] != 0xC2 { end += 1 }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                index = end
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Single spaces only, none at either end, no tab, line break or no-break space: most
    /// texts given are, and are returned as they are.
    private static func isCollapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return true }
        if first == 0x20 || last == 0x20 { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            if (byte >= 0x09 && byte <= 0x0D) || (byte == 0x20 && previous == 0x20)
                || (byte == 0xA0 && previous == 0xC2)
            {
                return false
            }
            previous = byte
        }
        return true
    }

    /// Each run of white space that is not already one space between words, as an edit of the
    /// text itself: the rest is copied, not decoded again.
    private static func whitespaceEdits(_ bytes: UnsafeBufferPointer<UInt8>) -> [UTF8Edit] {
        var edits: [UTF8Edit] = []
        var index = 0
        while index < bytes.count {
            let runStart = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    index += 1
                } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
                    index += 2
                } else {
                    break
                }
            }
            if index > runStart {
                let atEnd = runStart == 0 || index == bytes.count
                if atEnd {
                    edits.append(UTF8Edit(runStart..<index, with: ""))
                } else if !(index - runStart == 1 && bytes[runStart] == 0x20) {
                    edits.append(UTF8Edit(runStart..<index, with: " "))
                }
            } else {
                index += 1
            }
        }
        return edits
    }

    /// Letter and uppercase flags of U+0080–U+1EFF (Latin, combining marks, Vietnamese), looked
    /// up instead of asking Unicode properties for every character of every document.
    package static let latinLetterFlags: [UInt8] = {
        var flags = [UInt8](repeating: 0, count: 0x1F00)
        for value in 0x80..<0x1F00 {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let properties = scalar.properties
            var flag: UInt8 = 0
            if properties.isAlphabetic || properties.numericType != nil || (0x300...0x36F).contains(value) { flag |= 1 }
            if properties.changesWhenLowercased { flag |= 2 }
            if properties.isWhitespace { flag |= 4 }
            flags[value] = flag
        }
        return flags
    }()

    /// Each code point below U+1F00 → its lowercase, when that is one code point of the same
    /// UTF-8 length (every Vietnamese letter); else 0.
    private static let lowercaseArray: [UInt32] = (0..<0x1F00).map { value -> UInt32 in
        guard let scalar = Unicode.Scalar(UInt32(value)), scalar.properties.changesWhenLowercased else {
            return UInt32(value)
        }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        guard lower.count == 1, let only = lower.first, UTF8.width(only) == UTF8.width(scalar) else { return 0 }
        return only.value
    }

    /// `lowercased()`, through the table (`lowercased(utf8:)`) when the text's letters are all
    /// below U+1F00.
    package static func lowercased(_ text: some StringProtocol) -> String {
        text.utf8.withContiguousStorageIfAvailable { lowercased(utf8: $0) }.flatMap { $0 } ?? text.lowercased()
    }

    /// `String.lowercased()` of a word's UTF-8 (valid, as a String's storage is) through a
    /// table, when every letter is below U+1F00; nil otherwise. The citation scanner lowercases
    /// every capitalised word of every paragraph it reads.
    package static func lowercased(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var failed = false
        let lowered = String(unsafeUninitializedCapacity: bytes.count) { out in
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0x80 {
                    out[index] = lead >= 0x41 && lead <= 0x5A ? lead | 0x20 : lead
                    index += 1
                    continue
                }
                let (value, width) = bytes.scalarValue(at: index)
                guard value < 0x1F00, case let lower = lowercaseArray[Int(value)], lower != 0 else {
                    failed = true
                    return 0
                }
                if width == 2 {
                    out[index] = 0xC0 | UInt8(lower >> 6)
                    out[index + 1] = 0x80 | UInt8(lower & 0x3F)
                } else {
                    out[index] = 0xE0 | UInt8(lower >> 12)
                    out[index + 1] = 0x80 | UInt8((lower >> 6) & 0x3F)
                    out[index + 2] = 0x80 | UInt8(lower & 0x3F)
                }
                index += width
            }
            return bytes.count
        }
        return failed ? nil : lowered
    }

    private static func asciiLowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
    }

    /// The fold table as an array indexed by code point, for the hot loop.
    private static let foldArray: [Unicode.Scalar?] = {
        var array = [Unicode.Scalar?](repeating: nil, count: 0x1F00)
        for (value, base) in foldTable where value < 0x1F00 { array[Int(value)] = base }
        return array
    }()

    /// Precomputed once: every Latin letter with diacritics in U+00C0–U+024F and U+1E00–U+1EFF
    /// mapped to its lowercase ASCII base letter, plus đ/Đ, which NFD does not decompose.
    private static let foldTable: [UInt32: Unicode.Scalar] = {
        var table: [UInt32: Unicode.Scalar] = [0x111: "d", 0x110: "d"]
        for range in [0xC0...0x24F, 0x1E00...0x1EFF] {
            for value in range {
                guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
                let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
                if let first = decomposed.first, first.value < 0x80, first.properties.isAlphabetic {
                    table[UInt32(value)] = asciiLowercase(first)
                }
            }
        }
        return table
    }()
}
