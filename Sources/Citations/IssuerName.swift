import VietText

/// The usual spelling of the bodies documents cite most: "của Bộ chính trị", "của thủ tướng
/// chính phủ", "của ban thường vụ tỉnh ủy" name the same bodies as "Bộ Chính trị", "Thủ tướng
/// Chính phủ", "Ban Thường vụ Tỉnh ủy", and a directive's page should say so one way. Only the
/// case of these names changes; any other word stays as printed.
enum IssuerName {
    static func normalised(_ issuer: String) -> String {
        var words = Self.words(issuer)
        var changed = false
        for (range, name) in ProperNames.matches(in: words.map(VietnameseText.lowercased), names: ProperNames.bodies)
        where !words[range].elementsEqual(name.words) {
            words.replaceSubrange(range, with: name.words)
            changed = true
        }
        return changed ? words.joined(separator: " ") : issuer
    }

    /// The words between single spaces, empty ones kept. Cut at the space's byte: splitting by
    /// Character walks grapheme breaks, a third of this name's work on every citation. The two
    /// cut in the same places when no space joins a neighbour in one Character, which a text of
    /// ASCII and Latin letters (U+0080–U+01FF, U+1E00–U+1EFF: Vietnamese) never does; any other
    /// text (a combining mark, a variation selector) is split by Characters.
    static func words(_ text: String) -> [String] {
        guard text.withUTF8Bytes(isLatin) else {
            return text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        }
        return text.utf8.split(separator: 0x20, omittingEmptySubsequences: false).map { String(Substring($0)) }
    }

    /// Whether the text is ASCII and Latin letters only (no space joins a neighbour in a
    /// Character).
    static func isLatin(_ text: String) -> Bool { text.withUTF8Bytes(isLatin) }

    private static func isLatin(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
            } else if lead >= 0xC2 && lead <= 0xC7 {
                index += 2
            } else if lead == 0xE1, index + 1 < bytes.count, (0xB8...0xBB).contains(bytes[index + 1]) {
                index += 3
            } else {
                return false
            }
        }
        return true
    }
}
