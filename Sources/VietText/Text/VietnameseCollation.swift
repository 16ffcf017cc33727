import Foundation

/// Sorting in Vietnamese alphabetical order (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư
/// v x y), not by code point. Tones are a secondary difference ordered as in CLDR's Vietnamese
/// collation: none, grave, hook above, tilde, acute, dot below; case is tertiary.
package struct VietnameseSortKey: Comparable, Hashable, Sendable {
    /// The primary weights, then the secondary (tones), then the tertiary (case), each level
    /// ended by 0 and every weight one more than its value: compared as one sequence, they
    /// order as the three levels compared one after another, with one array to make and move.
    private let weights: [UInt16]

    package init(_ text: String) {
        // Most titles are letters the table knows, a scalar each: no grapheme breaking.
        var primary: [UInt16] = [], secondary: [UInt8] = [], tertiary: [UInt8] = []
        primary.reserveCapacity(text.utf8.count)
        secondary.reserveCapacity(text.utf8.count)
        tertiary.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            guard let entry = Self.latin(scalar.value) else {
                self.init(levels: Self.levels(text, useTable: true))
                return
            }
            primary.append(entry.primary)
            secondary.append(entry.tone)
            tertiary.append(entry.upper)
        }
        self.init(levels: (primary, secondary, tertiary))
    }

    private init(levels: (primary: [UInt16], secondary: [UInt8], tertiary: [UInt8])) {
        var weights: [UInt16] = []
        weights.reserveCapacity(levels.primary.count * 3 + 3)
        for weight in levels.primary { weights.append(weight &+ 1) }
        weights.append(0)
        for weight in levels.secondary { weights.append(UInt16(weight) + 1) }
        weights.append(0)
        for weight in levels.tertiary { weights.append(UInt16(weight) + 1) }
        weights.append(0)
        self.weights = weights
    }

    /// The three levels of `text`, character by character; the table, when used, gives those
    /// of single-scalar Latin letters.
    private static func levels(_ text: String, useTable: Bool) -> (
        primary: [UInt16], secondary: [UInt8], tertiary: [UInt8]
    ) {
        var primary: [UInt16] = []
        var secondary: [UInt8] = []
        var tertiary: [UInt8] = []
        for character in text {
            if useTable, character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first,
                let entry = latin(scalar.value)
            {
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
            if lower == "đ" || lower == "Đ" {
                letter = UInt16(Character("d").asciiValue!)
                modifier = 4
            }
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
        return (primary, secondary, tertiary)
    }

    private typealias Entry = (primary: UInt16, tone: UInt8, upper: UInt8)

    /// The key of a single-scalar character of the ASCII and Vietnamese Latin letters, so
    /// sorting thousands of titles does not decompose every character again. None of these
    /// scalars joins the one before it into a character, so a text made only of them has one
    /// character per scalar.
    private static func latin(_ value: UInt32) -> Entry? {
        if value < 0x250 { return latinLow[Int(value)] }
        if (0x1E00...0x1EFF).contains(value) { return latinAdditional[Int(value - 0x1E00)] }
        return nil
    }

    private static let latinLow: [Entry?] = table(0..<0x250, known: [0x20...0x7E, 0xC0...0x24F])
    private static let latinAdditional: [Entry?] = table(0x1E00..<0x1F00, known: [0x1E00...0x1EFF])

    private static func table(_ range: Range<Int>, known: [ClosedRange<Int>]) -> [Entry?] {
        range.map { value -> Entry? in
            guard known.contains(where: { $0.contains(value) }), let scalar = Unicode.Scalar(UInt32(value)) else {
                return nil
            }
            let levels = levels(String(scalar), useTable: false)
            return levels.primary.count == 1 ? (levels.primary[0], levels.secondary[0], levels.tertiary[0]) : nil
        }
    }

    package static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.weights.lexicographicallyPrecedes(rhs.weights)
    }
}

extension Sequence {
    /// Sorts by a Vietnamese name, computing each sort key once; ties keep a stable order.
    package func sortedVietnamese(by name: (Element) -> String) -> [Element] {
        let keyed = enumerated().map {
            (key: VietnameseSortKey(name($0.element)), offset: $0.offset, element: $0.element)
        }
        return keyed.sorted { $0.key != $1.key ? $0.key < $1.key : $0.offset < $1.offset }.map(\.element)
    }
}
