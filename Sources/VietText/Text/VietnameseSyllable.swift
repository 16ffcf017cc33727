import Foundation

/// How one Vietnamese syllable is spelled: an initial consonant or none, a rhyme (the vowel
/// nucleus with its glide, and a final consonant or semivowel), one tone mark at most. It tells
/// a word that a text extractor broke apart ("hướ ng", "t ăng", "hi ệ u") from two words: the
/// pieces are no syllable, or a lone accented vowel, and put together they are one.
///
/// The rules are the spelling's, not a dictionary's: a few spellings no word uses pass, which
/// is safe where they are only asked about pieces that must be joined to something.
package enum VietnameseSyllable {
    package static func isSyllable(_ word: some StringProtocol) -> Bool {
        guard let base = toneless(word) else { return false }
        for onset in onsets where base.hasPrefix(onset) {
            let rhyme = base.dropFirst(onset.count)
            if rhymes.contains(String(rhyme)) { return true }
            // "gì", "gỉ": the i of "gi" is the nucleus.
            if onset == "gi" && rhyme.isEmpty { return true }
        }
        return false
    }

    /// The word in lowercase without its tone mark ("Hướng" → "hương"), keeping the marks that
    /// make vowels (ă â ê ô ơ ư); nil if it holds anything but letters, or two tone marks.
    static func toneless(_ word: some StringProtocol) -> String? {
        var scalars = String.UnicodeScalarView()
        var tones = 0
        for scalar in String(word).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x300, 0x301, 0x303, 0x309, 0x323: tones += 1
            case 0x302, 0x306, 0x31B: scalars.append(scalar)
            case 0x61...0x7A, 0x111: scalars.append(scalar)
            default: return nil
            }
        }
        guard tones <= 1, !scalars.isEmpty else { return nil }
        return String(scalars).precomposedStringWithCanonicalMapping
    }

    /// Longest first is not needed: every onset that fits is tried.
    static let onsets = [
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
        "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""
    ]

    static let rhymes: Set<String> = {
        // Nuclei that end a syllable or take a final consonant.
        let open = ["a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uê", "uy", "uơ"]
        // Nuclei that must take a final consonant ("ăn", "tiên", "muốn", "được", "chuyên").
        let closedOnly = ["ă", "â", "iê", "yê", "uô", "ươ", "oă", "uâ", "uyê"]
        let finals = ["c", "ch", "m", "n", "ng", "nh", "p", "t"]
        // Rhymes that end on a semivowel, and take nothing after it.
        let glided = [
            "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui", "ưa", "ưi",
            "ưu", "iêu", "yêu", "uôi", "ươi", "ươu", "oai", "oao", "oay", "oeo", "uây", "uya", "uyu"
        ]
        var rhymes = Set(open + glided)
        for nucleus in open + closedOnly {
            for final in finals { rhymes.insert(nucleus + final) }
        }
        return rhymes
    }()
}
