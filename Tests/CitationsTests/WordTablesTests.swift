import TestSupport
import Testing

@testable import Citations

/// The scanner's word lists answer as the Sets of Strings they replaced: in any case through
/// `contains`, as listed through `containsAsPrinted`.
@Suite struct WordTablesTests {
    /// `body` given the text's tokens, which live only while it runs.
    private func tokens<Result>(_ text: String, _ body: ([TextToken]) -> Result) -> Result {
        TextTokenizer.withTokens(text) { tokens, _ in body(tokens) }
    }

    @Test func wordsInAnyCaseAndAsPrinted() {
        let words = WordSet(["về", "ngày", "TP"])
        tokens("Về VỀ về ngày Ngày TP Tp tp vê") { read in
            #expect(read.map(words.contains) == [true, true, true, true, true, true, true, true, false])
            #expect(read.map(words.containsAsPrinted) == [false, false, true, true, false, true, false, false, false])
        }
    }

    @Test func pairsInAnyCaseAndAsPrinted() {
        let pairs = WordPairs(["căn cứ", "ban hành"])
        tokens("Căn cứ căn cứ CĂN CỨ ban hành cứ căn hành ban") { read in
            let adjacent = zip(read, read.dropFirst()).map { ($0, $1) }
            let inAnyCase = adjacent.enumerated().filter { pairs.contains($1.0, $1.1) }.map(\.offset)
            let asPrinted = adjacent.enumerated().filter { pairs.containsAsPrinted($1.0, $1.1) }.map(\.offset)
            #expect(inAnyCase == [0, 2, 4, 6])
            #expect(asPrinted == [2, 6])
        }
    }

    /// `reads` is `lower ==` without its cost, and a token's hash is its lowercased bytes'
    /// whatever its case.
    @Test func tokensReadAsTheirLowercase() {
        tokens("Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ; ĐỐI VỚI Sở GD&ĐT") { read in
            for token in read {
                #expect(token.reads(token.lower))
                #expect(token.word == TextToken.wordHash(token.text.lowercased()))
            }
        }
        tokens("Số") { read in
            #expect(read[0].reads("số"))
            #expect(!read[0].reads("Số"))
        }
    }

    /// A token is a place in its source's bytes: what it reports of itself (its text, lowercase,
    /// digits, shape of a code) is what the Strings it used to carry said, on every word of the
    /// seeds; a lost space's "Số43" is two words, "Số" reading as "số".
    @Test func tokensAreTheirTextsBytes() throws {
        var texts = try TestPaths.seedFiles().map { try String(contentsOf: $0, encoding: .utf8) }
        texts.append("Số43/2006/TT-BGD&ĐT ngày15/11/2002 SỐ12/QĐ-UBND Đ/c 2020TT ĐỐI")
        var checked = 0
        for text in texts {
            let bytes = Array(text.utf8)
            tokens(text) { read in
                for token in read {
                    let printed = String(decoding: bytes[token.start..<token.end], as: UTF8.self)
                    #expect(token.text == printed)
                    #expect(token.printed(printed) && !token.printed(printed + "x"))
                    // The lowercase the tokenizer made, against Unicode's.
                    #expect(token.lower == printed.lowercased())
                    #expect(token.lowerCount == token.lower.utf8.count)
                    #expect(token.isLowercase == (printed.lowercased() == printed))
                    #expect(token.isDigits == (token.isWord && token.text.allSatisfy { $0.isASCII && $0.isNumber }))
                    #expect(
                        token.isCodeShaped
                            == (token.isWord && token.text.utf8.count <= 24
                                && token.text.unicodeScalars.allSatisfy {
                                    ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0)
                                        || "&Đđ".unicodeScalars.contains($0)
                                }),
                        "\(token.text)")
                    checked += 1
                }
            }
        }
        #expect(checked > 10_000)
        tokens("Số43/2006 ngày15/11") { read in
            #expect(read.map(\.text) == ["Số", "43", "/", "2006", "ngày", "15", "/", "11"])
            #expect(read[0].reads("số") && read[0].lower == "số" && read[1].isDigits && !read[1].spaceBefore)
        }
    }

    /// General Punctuation is classed without Unicode's properties: each of its scalars the
    /// tokenizer takes as a mark is neither a letter, a number nor white space.
    @Test func generalPunctuationIsMarks() {
        let marks = (0x2010...0x2027).map { $0 } + (0x2030...0x205E).map { $0 }
        for value in marks {
            let properties = Unicode.Scalar(UInt32(value))!.properties
            #expect(!properties.isAlphabetic && properties.numericType == nil && !properties.isWhitespace, "\(value)")
        }
        let text = String(String.UnicodeScalarView(marks.map { Unicode.Scalar(UInt32($0))! }))
        tokens("a" + text + "b") { read in
            #expect(read.count == marks.count + 2 && read.dropFirst().dropLast().allSatisfy(\.isPunctuation))
        }
    }

    /// A token's case, read from `ScalarCase` for Latin and Vietnamese words, is what
    /// Character's properties say, on every word of the seeds and on words where a Character
    /// holds several scalars (decomposed, with a mark from outside the table) or none is cased.
    @Test func caseOfAWordIsCharactersCase() throws {
        var texts = try TestPaths.seedFiles().map { try String(contentsOf: $0, encoding: .utf8) }
        texts.append(
            "ĐỐI VỚI Đ đ Ǆ ǅ ǆ ª º ß ẞ Σ ς A\u{301}B a\u{301}B A\u{20DD} Ⅻ ⅻ Ⓐ ＡＢ ΑΒΓ αβ 123 2020TT Ỷ ỷ ƯỚC DŽ Dž"
                + " \u{1E9E}X X\u{1AB0} Ǉ ǈ ʰ ᵃ ᴬ")
        var checked = 0
        for text in texts {
            tokens(text) { read in
                for token in read {
                    #expect(token.startsUppercase == (token.text.first.map(\.isUppercase) ?? false), "\(token.text)")
                    #expect(
                        token.isAllUppercase
                            == (token.isWord && !token.text.contains(where: \.isLowercase)
                                && token.text.contains(where: \.isLetter)),
                        "\(token.text)")
                    checked += 1
                }
            }
        }
        #expect(checked > 10_000)
    }

    /// The table behind the lists: hashes looked up as they are, entries sharing a hash kept
    /// together, a zero hash (the table's empty slot) still found, and the table grown past its
    /// first size.
    @Test func entriesByHash() {
        let small = HashedEntries([(UInt64(0), "không"), (5, "năm"), (5, "lăm"), (1 << 63, "lớn")])
        #expect(small[5] == ["năm", "lăm"])
        #expect(small[0].contains("không"))
        #expect(small[1 << 63] == ["lớn"])
        #expect(small[7].isEmpty)
        let many = HashedEntries((1...5_000).map { (UInt64($0) &* 0x9E37_79B9_7F4A_7C15, $0) })
        #expect((1...5_000).allSatisfy { many[UInt64($0) &* 0x9E37_79B9_7F4A_7C15] == [$0] })
        #expect(many[12_345].isEmpty)
    }
}
