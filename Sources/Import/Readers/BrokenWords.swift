import Foundation
import VietText

/// Joins the words a text extractor broke with spaces. A PDF viewer's copy, or pypdf, writes
/// each glyph it placed on its own apart ("Th ự c hi ệ n K ế  ho ạ ch", "t ướ ng"); other tools
/// cut after an accented vowel ("hướ ng", "t ăng cườ ng"). Two neighbours are one word when
/// together they spell one Vietnamese syllable (`VietnameseSyllable`) and one of them is no
/// syllable alone ("ng", "t", "cườ") or is a lone accented vowel ("ệ", "ướ"), which a word
/// rarely is. Punctuation the extractor set apart after such a word ("tr ị ;") goes back to it.
///
/// A text is repaired only when it shows the break throughout (`minimumJoins` places): in a
/// text typed by hand an abbreviation or a name may sit by a lone vowel once.
enum BrokenWords {
    static let minimumJoins = 8

    struct Repair {
        var text: String
        /// How many words were joined, and the first few as printed and as joined.
        var joins = 0
        var examples: [(printed: String, joined: String)] = []
    }

    static func repair(_ text: String) -> Repair {
        var joins = 0
        var examples: [(String, String)] = []
        var lines: [String] = []
        let alone = wordsUsedAlone(text)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let repaired = repair(line: String(line), wordsUsedAlone: alone)
            joins += repaired.joins
            for example in repaired.examples where examples.count < 3 { examples.append(example) }
            lines.append(repaired.text)
        }
        guard joins >= minimumJoins else { return Repair(text: text) }
        return Repair(text: lines.joined(separator: "\n"), joins: joins, examples: examples)
    }

    /// A word of a line and the spaces before it.
    private struct Piece {
        var spaces: String
        var word: String
        /// Made by joining pieces: punctuation set apart after it belongs to it.
        var joined = false
        var printed: String
    }

    private static let opening: Set<Character> = ["(", "[", "“", "\"", "‘", "'"]
    private static let closing: Set<Character> = [
        ",", ";", ":", ".", "!", "?", ")", "]", "”", "\"", "’", "'", "…"
    ]

    /// The words (lowercase) the text uses with no piece of a broken word beside them: "do" in
    /// "lý do chính" tells that "do ả nh" is "do ảnh", where "ho ạ ch", "ho" never alone, is
    /// "hoạch".
    static func wordsUsedAlone(_ text: String) -> Set<String> {
        var alone = Set<String>()
        for line in text.split(separator: "\n") {
            let letters = line.split(separator: " ").map { split(String($0)) }
            for (index, word) in letters.enumerated() where word.lead.isEmpty && !word.letters.isEmpty {
                let besideFragment = [index - 1, index + 1].contains { position in
                    letters.indices.contains(position) && !letters[position].letters.isEmpty
                        && isFragment(letters[position].letters)
                }
                if !besideFragment && !isFragment(word.letters) { alone.insert(word.letters.lowercased()) }
            }
        }
        return alone
    }

    static func repair(line: String, wordsUsedAlone: Set<String> = []) -> Repair {
        var pieces: [Piece] = []
        var spaces = ""
        var word = ""
        for character in line {
            if character == " " {
                if !word.isEmpty {
                    pieces.append(Piece(spaces: spaces, word: word, printed: word))
                    (spaces, word) = ("", "")
                }
                spaces.append(character)
            } else {
                word.append(character)
            }
        }
        if !word.isEmpty { pieces.append(Piece(spaces: spaces, word: word, printed: word)) }
        guard pieces.count > 1 else { return Repair(text: line) }

        var output: [Piece] = []
        var index = 0
        while index < pieces.count {
            let piece = pieces[index]
            index += 1
            guard var last = output.last, piece.spaces == " " else {
                output.append(piece)
                continue
            }
            // Punctuation the extractor set apart after a joined word: "tr ị ;".
            if last.joined, piece.word.allSatisfy({ closing.contains($0) }) {
                last.word += piece.word
                last.printed += " " + piece.word
                output[output.count - 1] = last
                continue
            }
            let (lead, left, leftTail) = split(last.word)
            let (pieceLead, middle, middleTail) = split(piece.word)
            guard leftTail.isEmpty, pieceLead.isEmpty, !left.isEmpty, !middle.isEmpty,
                middleTail.allSatisfy(closing.contains)
            else {
                output.append(piece)
                continue
            }
            // The letters of the piece after `position`, when it follows a single space.
            func letters(at position: Int) -> String? {
                guard position < pieces.count, pieces[position].spaces == " " else { return nil }
                let (pieceLead, letters, _) = split(pieces[position].word)
                return pieceLead.isEmpty && !letters.isEmpty ? letters : nil
            }
            // Consonants before a piece that opens with a vowel open the next word: "về t ăng" is
            // "về tăng", "là ng ườ i" is "là người" (though "làng" is a word).
            func opensNext(_ consonants: String, at position: Int) -> Bool {
                !consonants.contains(where: isVowel) && letters(at: position)?.first.map(isVowel) == true
            }
            // Three pieces first: "hi ệ u" is "hiệu", though "ệu" is a syllable too; but a word the
            // text uses alone keeps to itself when the next two make one ("do ả nh" is "do ảnh").
            if middleTail.isEmpty, let right = letters(at: index),
                !(opensNext(right, at: index + 1) && joins(left + middle)),
                joins(left + middle + right), [left, middle, right].contains(where: isFragment),
                isFragment(left) || !VietnameseSyllable.isSyllable(left + middle)
                    || !wordsUsedAlone.contains(left.lowercased())
            {
                let after = pieces[index]
                last.word = lead + left + middle + after.word
                last.printed += " " + piece.word + " " + after.word
                last.joined = true
                output[output.count - 1] = last
                index += 1
                continue
            }
            // Two: "K Ế" is "KẾ", "hướ ng" is "hướng"; not "Chi ủ y", where "ủ" goes with "y".
            let nextTakes = letters(at: index).map { VietnameseSyllable.isSyllable(middle + $0) } ?? false
            if joins(left + middle), isFragment(left) || isFragment(middle),
                isFragment(left) || !(opensNext(middle, at: index) || nextTakes)
            {
                last.word = lead + left + middle + middleTail
                last.printed += " " + piece.word
                last.joined = true
                output[output.count - 1] = last
                continue
            }
            output.append(piece)
        }
        var joins = 0
        var examples: [(String, String)] = []
        for piece in output where piece.joined {
            joins += 1
            if examples.count < 3 { examples.append((piece.printed, piece.word)) }
        }
        // The extractor's space beside a piece doubles the space between two words: one goes.
        for position in output.indices.dropFirst() where output[position].spaces == "  " {
            let before = output[position - 1]
            if before.joined || isLoneMarkedVowel(before.word) { output[position].spaces = " " }
        }
        let text = output.map { $0.spaces + $0.word }.joined()
        return Repair(text: text, joins: joins, examples: examples)
    }

    /// Letters that make one word: a syllable, written as words are ("hiệu", "Hiệu", "HIỆU"), not
    /// an abbreviation glued to a word ("THAn", "PHủng").
    private static func joins(_ letters: String) -> Bool {
        guard VietnameseSyllable.isSyllable(letters), let first = letters.first else { return false }
        let rest = letters.dropFirst()
        return rest.allSatisfy(\.isLowercase) || (first.isUppercase && rest.allSatisfy(\.isUppercase))
    }

    /// A word's opening punctuation, its letters, and the rest ("(Thủ," → "(", "Thủ", ",").
    /// After a slash, the letters alone: "đồng/th" is "đồng/" and "th" ("đồng/th áng" is
    /// "đồng/tháng", "m2/tr ẻ" "m2/trẻ").
    private static func split(_ word: String) -> (lead: String, letters: String, tail: String) {
        var lead = String(word.prefix { opening.contains($0) })
        var rest = word.dropFirst(lead.count)
        if let slash = rest.lastIndex(of: "/"), rest[rest.index(after: slash)...].allSatisfy(\.isLetter),
            rest.index(after: slash) < rest.endIndex
        {
            lead += rest[...slash]
            rest = rest[rest.index(after: slash)...]
        }
        let letters = rest.prefix(while: \.isLetter)
        return (lead, String(letters), String(rest.dropFirst(letters.count)))
    }

    /// A piece of a broken word: no syllable alone ("ng", "t", "cườ"), or a lone vowel written
    /// with a mark ("ệ", "Ủ", "ướ"), which a word rarely is.
    private static func isFragment(_ letters: String) -> Bool {
        !VietnameseSyllable.isSyllable(letters) || isLoneMarkedVowel(letters)
    }

    private static func isVowel(_ character: Character) -> Bool {
        ["a", "e", "i", "o", "u", "y"].contains(VietnameseText.fold(String(character)))
    }

    private static func isLoneMarkedVowel(_ letters: String) -> Bool {
        (1...3).contains(letters.count)
            && letters.allSatisfy { character in
                character.unicodeScalars.first.map { $0.value >= 0x80 } == true
                    && isVowel(character)
            }
    }
}
