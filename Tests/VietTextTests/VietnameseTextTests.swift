import Foundation
import TestSupport
import Testing

@testable import VietText

@Suite struct VietnameseTextTests {
    @Test func foldDropsDiacriticsAndMapsD() {
        #expect(VietnameseText.fold("Dân vận khéo") == "dan van kheo")
        #expect(VietnameseText.fold("ĐOÀN THỂ đường") == "doan the duong")
        #expect(VietnameseText.fold("Ủy ban nhân dân huyện Tân Hồng") == "uy ban nhan dan huyen tan hong")
    }

    /// The scanner's table lowercasing is `String.lowercased()` for every code point it takes,
    /// and gives way (nil) for the others.
    @Test func tableLowercasingIsStringLowercased() throws {
        func viaTable(_ text: String) -> String? {
            var text = text
            return text.withUTF8 { VietnameseText.lowercased(utf8: $0) }
        }
        var taken = 0
        for value in 0x41..<0x1F00 {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let text = "A" + String(scalar) + "Đ"
            if let lowered = viaTable(text) {
                #expect(lowered.utf8.elementsEqual(text.lowercased().utf8), "U+\(String(value, radix: 16))")
                taken += 1
            }
        }
        #expect(taken > 7000)
        #expect(viaTable("İSTANBUL") == nil)  // İ lowercases to two code points
        #expect(viaTable("ΑΒΓ\u{1F08}") == nil)  // beyond U+1F00
        var words = 0
        for seed in try TestPaths.seedFiles() {
            let text = try String(contentsOf: seed, encoding: .utf8)
            for word in text.split(whereSeparator: { $0.isWhitespace || $0.isPunctuation }) {
                let word = String(word)
                guard let lowered = viaTable(word) else { continue }
                #expect(lowered.utf8.elementsEqual(word.lowercased().utf8), "\(word)")
                words += 1
            }
        }
        #expect(words > 5000)
    }

    @Test func foldHandlesDecomposedText() {
        let decomposed = "Dân vận".decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count > "Dân vận".unicodeScalars.count)
        #expect(VietnameseText.fold(decomposed) == "dan van")
    }

    @Test func nfcComposesOnlyWhenNeeded() {
        let composed = "Trường Tiểu học Tân Thành A1"
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(Array(VietnameseText.nfc(decomposed).unicodeScalars) == Array(composed.unicodeScalars))
        #expect(VietnameseText.nfc("plain ascii") == "plain ascii")
    }

    @Test func slugsAreAsciiAndReadable() {
        #expect(VietnameseText.slug("Kế hoạch dân vận năm 2024") == "ke-hoach-dan-van-nam-2024")
        #expect(VietnameseText.slug("  Đề án: “Trường học hạnh phúc”!  ") == "de-an-truong-hoc-hanh-phuc")
        #expect(VietnameseText.slug("../../etc/passwd") == "etc-passwd")
        #expect(VietnameseText.slug(String(repeating: "dài ", count: 50)).count <= 80)
        // A name that is a slug already is itself; one nearly so is made one.
        #expect(VietnameseText.slug("ke-hoach-2024") == "ke-hoach-2024")
        for nearly in ["ke--hoach", "-ke-hoach", "ke-hoach-", "Ke-hoach", "ke_hoach"] {
            #expect(VietnameseText.slug(nearly) == "ke-hoach")
        }
        let long = Array(repeating: "abcdefghi", count: 10).joined(separator: "-")
        #expect(VietnameseText.slug(long).count <= 80 && long.hasPrefix(VietnameseText.slug(long)))
    }

    @Test func sortsInVietnameseAlphabeticalOrder() {
        let names = ["Đông", "Dương", "Ân", "Anh", "Ăn", "Bình", "Ơn", "Ôn", "On", "Ưu", "Uy", "Zê"]
        let sorted = names.sortedVietnamese { $0 }
        // a ă â b d đ o ô ơ u ư: by letter first, so Đ comes after every D.
        #expect(sorted == ["Anh", "Ăn", "Ân", "Bình", "Dương", "Đông", "On", "Ôn", "Ơn", "Uy", "Ưu", "Zê"])
        #expect(["Trường THPT", "Trường Tiểu học An Phước", "Phòng GDĐT"].sortedVietnamese { $0 }.first == "Phòng GDĐT")
    }

    /// A text of table letters is keyed scalar by scalar; the same text decomposed (combining
    /// marks) goes character by character: both give the same key, for every line of the seeds.
    @Test func decomposedTextSortsAsComposedText() throws {
        let lines = try TestPaths.seedFiles().flatMap {
            try String(contentsOf: $0, encoding: .utf8).split(separator: "\n").map(String.init)
        }
        #expect(lines.count > 100)
        for line in lines.prefix(400) {
            let composed = line.precomposedStringWithCanonicalMapping
            let decomposed = line.decomposedStringWithCanonicalMapping
            #expect(VietnameseSortKey(composed) == VietnameseSortKey(decomposed), "\(line)")
        }
        // Shorter first, then tones, then case, whatever the lengths.
        #expect(VietnameseSortKey("ma") < VietnameseSortKey("mà"))
        #expect(VietnameseSortKey("mà") < VietnameseSortKey("mab"))
        #expect(VietnameseSortKey("Ma") > VietnameseSortKey("ma") && VietnameseSortKey("Ma") < VietnameseSortKey("mà"))
        #expect(
            VietnameseSortKey("ma\t") < VietnameseSortKey("mab") && VietnameseSortKey("") < VietnameseSortKey("\u{0}"))
    }

    @Test func tonesAreASecondaryDifference() {
        let sorted = ["má", "mà", "ma", "mạ", "mã", "mả", "mb"].sortedVietnamese { $0 }
        #expect(sorted == ["ma", "mà", "mả", "mã", "má", "mạ", "mb"])
    }
}

@Suite struct IssuedDateTests {
    @Test func parsesFullAndMonthDates() {
        #expect(IssuedDate(iso: "2024-05-31")?.vietnameseLong == "ngày 31 tháng 5 năm 2024")
        #expect(IssuedDate(iso: "2024-05-31")?.vietnameseShort == "31/05/2024")
        #expect(IssuedDate(iso: "2024-04")?.vietnameseLong == "tháng 4 năm 2024")
        #expect(IssuedDate(iso: "2024-04")?.iso == "2024-04")
    }

    @Test func rejectsImpossibleDates() {
        #expect(IssuedDate(iso: "2023-02-29") == nil)
        #expect(IssuedDate(iso: "2024-02-29") != nil)
        #expect(IssuedDate(iso: "2024-13-01") == nil)
        #expect(IssuedDate(iso: "31/05/2024") == nil)
        #expect(IssuedDate(iso: "2024-5-31") == nil)
    }

    @Test func schoolYearRunsSeptemberToAugust() {
        #expect(IssuedDate(iso: "2024-05-31")?.schoolYear == "2023-2024")
        #expect(IssuedDate(iso: "2024-09-05")?.schoolYear == "2024-2025")
        #expect(IssuedDate(iso: "2024-08-31")?.schoolYear == "2023-2024")
    }

    /// The one-pass word splitter gives the words of fold() split at anything but a-z and 0-9,
    /// over every seed and over letters outside Vietnamese (Greek, the Kelvin sign, stray marks).
    @Test func foldedWordsAreTheWordsOfTheFoldedText() throws {
        var texts = [
            "Đoàn THỂ: 33/CT-TTg, Ủy ban nhân dân", "Αθήνα \u{212A}elvin e\u{301}\u{301}x 5ℓ İstanbul ǅemal", ""
        ]
        texts += try TestPaths.seedFiles().map { try String(contentsOf: $0, encoding: .utf8) }
        for text in texts {
            var words: [String] = []
            VietnameseText.forEachFoldedWord(in: text) { words.append($0) }
            let expected = VietnameseText.fold(text).split(whereSeparator: {
                !(("a"..."z").contains($0) || ("0"..."9").contains($0))
            }).map(String.init)
            #expect(words == expected)
        }
        var seed: [String] = []
        VietnameseText.forEachFoldedWord(in: "Thực hiện Chỉ thị số 33/CT-TTg") { seed.append($0) }
        #expect(seed == ["thuc", "hien", "chi", "thi", "so", "33", "ct", "ttg"])
    }

    /// The first letter capitalised from its byte when it is ASCII and a Character alone
    /// answers as the Character-wise way: on every word of the seeds, and where a mark joins
    /// the first letter, a word of one letter, a digit or a non-Latin letter opens it.
    @Test func capitalizingFirstIsCharacterWise() throws {
        func byCharacters(_ text: String) -> String {
            guard let first = text.first, first.isLowercase else { return text }
            return first.uppercased() + text.dropFirst()
        }
        var words = try TestPaths.seedFiles().flatMap {
            try String(contentsOf: $0, encoding: .utf8).split(whereSeparator: \.isWhitespace).map(String.init)
        }
        words += [
            "", "a", "ab", "a\u{301}b", "e\u{302}\u{301}", "a\u{20DD}", "aǅ", "ađ", "aạ", "1a", "ñandu", "ǆa", "ʰa",
            "aʰ",
            "v/v", "về việc", "đường"
        ]
        var changed = 0
        for word in words {
            let capitalized = VietnameseText.capitalizingFirst(word)
            #expect(Array(capitalized.utf8) == Array(byCharacters(word).utf8), "\(word)")
            if capitalized != word { changed += 1 }
        }
        #expect(changed > 1_000)
    }
}
