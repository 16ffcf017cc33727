/// Character's `isUppercase`, `isLowercase` and `isLetter` for the scalars of Latin and
/// Vietnamese text (U+0000–U+02FF, U+1E00–U+1EFF), read from a table instead of asked of
/// Unicode at each call. Any two such scalars are two Characters (checked for every pair, CR LF
/// aside), so a word made of them only has one-scalar Characters and the table gives exactly
/// what Character's properties give. Other scalars: nil, and the caller asks Character.
package enum ScalarCase {
    package struct Flags: OptionSet, Sendable {
        package let rawValue: UInt8
        package init(rawValue: UInt8) { self.rawValue = rawValue }
        package static let uppercase = Flags(rawValue: 1)
        package static let lowercase = Flags(rawValue: 2)
        package static let letter = Flags(rawValue: 4)
    }

    /// The flags of `value` as a one-scalar Character, when it is one of the table's scalars.
    package static func flags(_ value: UInt32) -> Flags? {
        if value < 0x300 { return Flags(rawValue: table[Int(value)]) }
        if value >= 0x1E00 && value < 0x1F00 { return Flags(rawValue: table[Int(value) - 0x1E00 + 0x300]) }
        return nil
    }

    /// Whether the first Character of a word's UTF-8 is uppercase: from the table when its
    /// first two scalars are the table's (the first is then a Character alone), else asked of
    /// Character.
    package static func startsUppercase(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !word.isEmpty else { return false }
        let (first, width) = word.scalarValue(at: 0)
        if let found = flags(first), width == word.count || flags(word.scalarValue(at: width).value) != nil {
            return found.contains(.uppercase)
        }
        return String(decoding: word, as: UTF8.self).first?.isUppercase ?? false
    }

    /// U+0000–U+02FF, then U+1E00–U+1EFF.
    private static let table: [UInt8] = {
        let values = (0..<0x300).map(UInt32.init) + (0x1E00..<0x1F00).map(UInt32.init)
        return values.map { value in
            let character = Character(Unicode.Scalar(value)!)
            var flags: Flags = []
            if character.isUppercase { flags.insert(.uppercase) }
            if character.isLowercase { flags.insert(.lowercase) }
            if character.isLetter { flags.insert(.letter) }
            return flags.rawValue
        }
    }()
}
