import Foundation
import TestSupport
import Testing

@testable import Import

/// Words a copy out of a PDF broke with spaces, as pypdf copies chromium's print of seed 001,
/// and as the issue saw them from other tools.
@Suite struct BrokenWordsTests {
    @Test func wordsBrokenAroundTheirMarkedVowelsAreJoined() throws {
        let copied = try String(
            contentsOf: TestPaths.repository.appendingPathComponent("Tests/ImportFixtures/001.pypdf.txt"),
            encoding: .utf8)
        let repaired = BrokenWords.repair(copied)
        #expect(repaired.joins > 400)
        let lines = repaired.text.components(separatedBy: "\n")
        #expect(lines[0] == "ỦY BAN NHÂN DÂN HUYỆN")
        #expect(lines.contains("KẾ HOẠCH"))
        #expect(
            lines.contains(
                "Thực hiện Kế hoạch số 07/KH-UBND ngày 17/01/2022 của Ủy ban nhân dân huyện"))
        #expect(lines.contains { $0.contains("dân chủ ở cơ sở và") })
        #expect(lines.contains { $0.contains("chính trị; Chỉ thị số 08-CT/TU") })
        #expect(lines.contains("Phạm Thanh Lương"))
    }

    @Test func wordsCutAfterTheirVowelsAreJoined() {
        let line = "Căn cứ hướ ng dẫn về t ăng cườ ng công tác phòng chống dịch bệnh"
        let text = Array(repeating: line, count: 3).joined(separator: "\n")
        let repaired = BrokenWords.repair(text)
        #expect(repaired.joins == 9)
        #expect(repaired.text.hasPrefix("Căn cứ hướng dẫn về tăng cường công tác phòng chống dịch bệnh\n"))
    }

    /// What a review found joined wrongly: a whole word that the next pieces do not need, a
    /// consonant that opens the next word, an abbreviation by a word, a piece with more after it.
    @Test func wholeWordsAbbreviationsAndCodesStayApart() {
        let cases = [
            ("Ban Chi ủ y chi bộ", "Ban Chi ủy chi bộ"), ("các ủ y t ổ chức", "các ủy tổ chức"),
            ("không do ả nh hưởng", "không do ảnh hưởng"), ("cho ả nh hưởng", "cho ảnh hưởng"),
            ("Trường TH An Phước", "Trường TH An Phước"), ("PH ủng hộ", "PH ủng hộ"),
            ("(để p/h c/d)", "(để p/h c/d)"), ("qua ủ y ban", "qua ủy ban"),
            // A fee notice's units: the piece after a slash.
            ("150.000 đồng/th áng", "150.000 đồng/tháng"), ("2 m2/tr ẻ", "2 m2/trẻ")
        ]
        for (broken, expected) in cases {
            // Each line eight times: enough breaks for the text to be repaired; and words the text
            // uses alone elsewhere, as a text does.
            let text =
                Array(repeating: broken + " Th ự c hi ệ n", count: 8).joined(separator: "\n")
                + "\nLý do chính cho các em qua đường"
            let line = BrokenWords.repair(text).text.components(separatedBy: "\n")[0]
            #expect(line == expected + " Thực hiện", "\(broken)")
        }
    }

    /// Text typed or saved from Word is left as it is: no word of the seeds is joined to another.
    @Test func aTextNotBrokenIsLeftAlone() throws {
        for file in try TestPaths.seedFiles() {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(BrokenWords.repair(text).text == text, "\(file.lastPathComponent)")
            #expect(BrokenWords.repair(text).joins == 0)
        }
        // A few chance neighbours (an abbreviation by a lone vowel) are not evidence enough.
        #expect(BrokenWords.repair("Lớp 5 B ở xa trường; PH ở gần.").joins == 0)
    }
}
