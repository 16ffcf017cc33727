import Foundation

/// Text written in the legacy 8-bit Vietnamese encodings TCVN3 (ABC) and VNI-Windows, seen as
/// Latin-1 characters ("Phßng Gi¸o dôc", "Phoøng Giaùo duïc"), turned back into Unicode.
/// Detection works line by line, since often only a header (an old letterhead) is legacy.
package enum LegacyEncoding: String, Sendable {
    case tcvn3, vni

    /// Converts every line that looks legacy-encoded; other lines are left as they are.
    package static func repair(_ text: String) -> (text: String, converted: [Int: LegacyEncoding]) {
        var converted: [Int: LegacyEncoding] = [:]
        var lines: [String] = []
        for (index, line) in text.lines().enumerated() {
            if mayBeLegacy(line), let encoding = detect(line) {
                lines.append(encoding == .tcvn3 ? fromTCVN3(line) : fromVNI(line))
                converted[index + 1] = encoding
            } else {
                lines.append(String(line))
            }
        }
        return (converted.isEmpty ? text : lines.joined(separator: "\n"), converted)
    }

    /// Whether `detect` can find the line legacy, from its bytes: every tell-tale character of
    /// both encodings is in U+0080–U+00FF (lead byte C2 or C3) or, decomposed, an ASCII letter
    /// and a mark of U+0300–U+036F (lead byte CC or CD: "a\u{301}" is the Character "á"); a
    /// letter of U+0100–U+024F or U+1E00–U+1EFF (ư, ơ, đ, ạ ...: lead bytes C4–C9, or E1 B8–BB)
    /// makes the line Unicode. Most lines are told by their bytes, without cutting them into
    /// Characters.
    static func mayBeLegacy(_ line: Substring) -> Bool {
        var line = line
        return line.withUTF8 { bytes in
            var hasLatin1 = false
            for index in bytes.indices {
                let byte = bytes[index]
                if byte == 0xC2 || byte == 0xC3 || byte == 0xCC || byte == 0xCD {
                    hasLatin1 = true
                } else if (0xC4...0xC8).contains(byte)
                    || (byte == 0xC9 && index + 1 < bytes.count && bytes[index + 1] < 0x90)
                    || (byte == 0xE1 && index + 1 < bytes.count && (0xB8...0xBB).contains(bytes[index + 1]))
                {
                    return false
                }
            }
            return hasLatin1
        }
    }

    /// A line is legacy when it has the encoding's tell-tale characters and no letter that
    /// only Unicode Vietnamese has (ư, ơ, đ, ạ ...: anything past U+00FF).
    static func detect<S: StringProtocol>(_ line: S) -> LegacyEncoding? {
        var tcvnWords = 0
        var vniWords = 0
        var strongWords = 0
        var words = 0
        for word in line.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            let characters = Array(word)
            guard characters.contains(where: \.isLetter) else { continue }
            words += 1
            var tcvnHere = false
            var vniHere = false
            var strongHere = false
            for (index, character) in characters.enumerated() {
                guard let scalar = character.unicodeScalars.first else { continue }
                if scalar.value > 0xFF && character.isLetter { return nil }
                let previous: Character = index > 0 ? characters[index - 1] : " "
                let next: Character = index + 1 < characters.count ? characters[index + 1] : " "
                // A legacy code stands in a word, next to a letter: "Phßng", not "« trích »".
                if tcvnOnly.contains(character), previous.isLetter || next.isLetter {
                    tcvnHere = true
                    if !westernLetters.contains(character) { strongHere = true }
                }
                // VNI: a vowel followed by its mark character ("Phoøng"), or ñ opening a word (đ).
                if vniModifiers[character] != nil, "aeiouyAEIOUYôöÔÖ".contains(previous) {
                    vniHere = true
                    if vniOnly.contains(character) && !westernLetters.contains(character) { strongHere = true }
                }
                if character == "ñ" || character == "Ñ", !previous.isLetter { vniHere = true }
            }
            if tcvnHere { tcvnWords += 1 }
            if vniHere { vniWords += 1 }
            if strongHere { strongWords += 1 }
        }
        // Two words of evidence, or one unmistakable word making up much of a short line.
        let likely = { (count: Int) in count >= 2 || (count == 1 && strongWords == 1 && count * 10 >= words * 3) }
        if likely(vniWords) && vniWords > tcvnWords { return .vni }
        return likely(tcvnWords) ? .tcvn3 : nil
    }

    // MARK: - TCVN3 (ABC)

    /// TCVN 5712:1993 VN3, byte (as a Latin-1 character) → Unicode. ABC fonts show uppercase by
    /// using an uppercase font with the same bytes, so case is restored from the word around it.
    static let tcvn3Table: [Character: Character] = {
        let pairs: [(UInt8, Character)] = [
            (0xB5, "à"), (0xB8, "á"), (0xB6, "ả"), (0xB7, "ã"), (0xB9, "ạ"),
            (0xA8, "ă"), (0xBB, "ằ"), (0xBE, "ắ"), (0xBC, "ẳ"), (0xBD, "ẵ"), (0xC6, "ặ"),
            (0xA9, "â"), (0xC7, "ầ"), (0xCA, "ấ"), (0xC8, "ẩ"), (0xC9, "ẫ"), (0xCB, "ậ"),
            (0xAE, "đ"),
            (0xCC, "è"), (0xD0, "é"), (0xCE, "ẻ"), (0xCF, "ẽ"), (0xD1, "ẹ"),
            (0xAA, "ê"), (0xD2, "ề"), (0xD5, "ế"), (0xD3, "ể"), (0xD4, "ễ"), (0xD6, "ệ"),
            (0xD7, "ì"), (0xDD, "í"), (0xD8, "ỉ"), (0xDC, "ĩ"), (0xDE, "ị"),
            (0xDF, "ò"), (0xE3, "ó"), (0xE1, "ỏ"), (0xE2, "õ"), (0xE4, "ọ"),
            (0xAB, "ô"), (0xE5, "ồ"), (0xE8, "ố"), (0xE6, "ổ"), (0xE7, "ỗ"), (0xE9, "ộ"),
            (0xAC, "ơ"), (0xEA, "ờ"), (0xED, "ớ"), (0xEB, "ở"), (0xEC, "ỡ"), (0xEE, "ợ"),
            (0xEF, "ù"), (0xF3, "ú"), (0xF1, "ủ"), (0xF2, "ũ"), (0xF4, "ụ"),
            (0xAD, "ư"), (0xF5, "ừ"), (0xF8, "ứ"), (0xF6, "ử"), (0xF7, "ữ"), (0xF9, "ự"),
            (0xFA, "ỳ"), (0xFD, "ý"), (0xFB, "ỷ"), (0xFC, "ỹ"), (0xFE, "ỵ"),
            (0xA1, "Ă"), (0xA2, "Â"), (0xA7, "Đ"), (0xA3, "Ê"), (0xA4, "Ô"), (0xA5, "Ơ"), (0xA6, "Ư")
        ]
        return Dictionary(uniqueKeysWithValues: pairs.map { (Character(Unicode.Scalar($0.0)), $0.1) })
    }()

    /// Characters that TCVN3 text shows and Unicode Vietnamese never uses.
    static let tcvnOnly: Set<Character> = Set(
        tcvn3Table.keys.filter { !"àáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵâêôăđơưÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐ".contains($0) })

    static func fromTCVN3<S: StringProtocol>(_ line: S) -> String {
        let words = line.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            let plainLetters = word.filter { $0.isLetter && tcvn3Table[$0] == nil }
            let uppercaseWord = !plainLetters.isEmpty && plainLetters.allSatisfy(\.isUppercase)
            return String(
                word.map { character in
                    tcvn3Table[character].map { uppercaseWord ? Character($0.uppercased()) : $0 } ?? character
                })
        }
        return VietnameseText.nfc(words.joined(separator: " "))
    }

    // MARK: - VNI-Windows

    /// VNI writes a base letter followed by a mark character; as combining marks.
    static let vniModifiers: [Character: [Unicode.Scalar]] = [
        "ø": ["\u{300}"], "ù": ["\u{301}"], "û": ["\u{309}"], "õ": ["\u{303}"], "ï": ["\u{323}"],
        "â": ["\u{302}"], "à": ["\u{302}", "\u{300}"], "á": ["\u{302}", "\u{301}"], "å": ["\u{302}", "\u{309}"],
        "ã": ["\u{302}", "\u{303}"], "ä": ["\u{302}", "\u{323}"],
        "ê": ["\u{306}"], "è": ["\u{306}", "\u{300}"], "é": ["\u{306}", "\u{301}"], "ú": ["\u{306}", "\u{309}"],
        "ü": ["\u{306}", "\u{303}"], "ë": ["\u{306}", "\u{323}"],
        "Ø": ["\u{300}"], "Ù": ["\u{301}"], "Û": ["\u{309}"], "Õ": ["\u{303}"], "Ï": ["\u{323}"],
        "Â": ["\u{302}"], "À": ["\u{302}", "\u{300}"], "Á": ["\u{302}", "\u{301}"], "Å": ["\u{302}", "\u{309}"],
        "Ã": ["\u{302}", "\u{303}"], "Ä": ["\u{302}", "\u{323}"],
        "Ê": ["\u{306}"], "È": ["\u{306}", "\u{300}"], "É": ["\u{306}", "\u{301}"], "Ú": ["\u{306}", "\u{309}"],
        "Ü": ["\u{306}", "\u{303}"], "Ë": ["\u{306}", "\u{323}"]
    ]
    /// Letters VNI writes as one character.
    static let vniLetters: [Character: Character] = [
        "ñ": "đ", "Ñ": "Đ", "ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư", "í": "ì", "ì": "í", "æ": "ỉ", "ó": "ĩ",
        "ò": "ị", "î": "ỵ", "Ì": "Ì", "Í": "Í", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị", "Î": "Ỵ"
    ]
    /// Latin-1 letters that French, German or English words use ("naïve", "Straße"): alone they
    /// prove nothing.
    static let westernLetters: Set<Character> = [
        "ï", "ë", "ü", "ö", "ä", "ø", "å", "ß", "Ä", "Ö", "Ü", "Ë", "Ï", "Ø", "Å", "ñ", "Ñ", "æ", "Æ", "î", "û"
    ]
    static let vniOnly: Set<Character> = ["ø", "û", "ï", "å", "ä", "ë", "ü", "Ø", "Û", "Ï", "Å", "Ä", "Ë", "Ü"]

    static func fromVNI<S: StringProtocol>(_ line: S) -> String {
        var scalars = String.UnicodeScalarView()
        var previousIsVowel = false
        for character in line {
            if previousIsVowel, let marks = vniModifiers[character] {
                scalars.append(contentsOf: marks)
                continue
            }
            if let letter = vniLetters[character] {
                scalars.append(contentsOf: letter.unicodeScalars)
                previousIsVowel = "ơƠưƯ".contains(letter)
                continue
            }
            scalars.append(contentsOf: character.unicodeScalars)
            previousIsVowel = "aeiouyAEIOUY".contains(character)
        }
        return String(scalars).precomposedStringWithCanonicalMapping
    }
}
