import Foundation

/// Sorting in Vietnamese alphabetical order (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư
/// v x y), not by code point. Tones are a secondary difference ordered as in CLDR's Vietnamese
/// collation: none, grave, hook above, tilde, acute, dot below; case is tertiary.
public struct VietnameseSortKey: Comparable, Hashable, Sendable {
    private let primary: [UInt16]
    private let secondary: [UInt8]
    private let tertiary: [UInt8]

    public init(_ text: String) { self.init(text, useTable: true) }

    private init(slow text: String) { self.init(text, useTable: false) }

    private init(_ text: String, useTable: Bool) {
        var primary: [UInt16] = []
        var secondary: [UInt8] = []
        var tertiary: [UInt8] = []
        for character in text {
            if useTable, character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first, let entry = Self.latin[scalar.value] {
                primary.append(entry.primary)
                secondary.append(entry.tone)
                tertiary.append(entry.upper)
                continue
            }
            let decomposed = Array(String(character).decomposedStringWithCanonicalMapping.unicodeScalars)
            guard let base = decomposed.first else { continue }
            let isUpper = base.properties.isUppercase
            let lower = base.properties.lowercaseMapping.unicodeScalars.first ?? base
            var modifier: UInt16 = 0
            var tone: UInt8 = 0
            for mark in decomposed.dropFirst() {
                switch mark.value {
                case 0x306: modifier = 1  // breve: ă
                case 0x302: modifier = 2  // circumflex: â ê ô
                case 0x31B: modifier = 3  // horn: ơ ư
                case 0x300: tone = 1
                case 0x309: tone = 2
                case 0x303: tone = 3
                case 0x301: tone = 4
                case 0x323: tone = 5
                default: break
                }
            }
            var letter = UInt16(truncatingIfNeeded: lower.value)
            if lower == "đ" || lower == "Đ" { letter = UInt16(Character("d").asciiValue!); modifier = 4 }
            if lower.value > 0xFFFF { letter = 0xFFFF }
            // Letters sort before digits' neighbours as in ASCII; a modified letter sorts right
            // after its base letter and before the next one.
            if lower.properties.isAlphabetic || lower == "đ" {
                primary.append(letter &* 8 &+ modifier)
            } else if character.isWhitespace {
                primary.append(1)
            } else {
                primary.append(min(letter, 0x1FFF) &* 8)
            }
            secondary.append(tone)
            tertiary.append(isUpper ? 1 : 0)
        }
        self.primary = primary
        self.secondary = secondary
        self.tertiary = tertiary
    }

    /// Precomputed keys of the ASCII and Vietnamese Latin letters, so sorting thousands of
    /// titles does not decompose every character again.
    private static let latin: [UInt32: (primary: UInt16, tone: UInt8, upper: UInt8)] = {
        var table: [UInt32: (UInt16, UInt8, UInt8)] = [:]
        for range in [0x20...0x7E, 0xC0...0x24F, 0x1E00...0x1EFF] {
            for value in range {
                guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
                let key = VietnameseSortKey(slow: String(scalar))
                if key.primary.count == 1 { table[UInt32(value)] = (key.primary[0], key.secondary[0], key.tertiary[0]) }
            }
        }
        return table
    }()

    public static func < (lhs: Self, rhs: Self) -> Bool {
        if lhs.primary != rhs.primary { return lhs.primary.lexicographicallyPrecedes(rhs.primary) }
        if lhs.secondary != rhs.secondary { return lhs.secondary.lexicographicallyPrecedes(rhs.secondary) }
        return lhs.tertiary.lexicographicallyPrecedes(rhs.tertiary)
    }
}

extension Sequence {
    /// Sorts by a Vietnamese name, computing each sort key once; ties keep a stable order.
    public func sortedVietnamese(by name: (Element) -> String) -> [Element] {
        let keyed = enumerated().map { (key: VietnameseSortKey(name($0.element)), offset: $0.offset, element: $0.element) }
        return keyed.sorted { $0.key != $1.key ? $0.key < $1.key : $0.offset < $1.offset }.map(\.element)
    }
}
