import Foundation
import TestSupport
import Testing
import VietText

@testable import Citations
@testable import Import

/// Dates and numbers are read in one place (`VietnameseDate`, `DocumentNumber`): the citation
/// scanner, import's header and `congkhai citations`' own number agree on every form.
@Suite struct DateAndNumberReadersTests {
    /// Forms of dates both readers know, and the day each is (nil: no real day, so no date).
    static let dates: [(printed: String, iso: String?)] = [
        ("ngày 26/11/2021", "2021-11-26"), ("ngày 26 tháng 11 năm 2021", "2021-11-26"),
        ("ngày 05-9-2024", "2024-09-05"), ("ngày 5.9.2024", "2024-09-05"),
        ("ngày 31 tháng 05 năm 2024", "2024-05-31"), ("ngày   tháng 4 năm 2024", "2024-04"),
        ("ngày 31/02/2024", nil), ("ngày 29/02/2024", "2024-02-29"), ("ngày 29/02/2023", nil)
    ]

    @Test func theScannerAndImportReadADateAlike() {
        for (printed, iso) in Self.dates {
            let cited = CitationScanner().scan("Căn cứ Chỉ thị số 33/CT-TTg \(printed) của Thủ tướng Chính phủ.")
                .citations
            #expect(cited.first?.date?.iso == iso, "cited \(printed)")
            let header = ImportRecognition.recognise(
                "TRƯỜNG TIỂU HỌC THỬ\nSố: 12/KH-THX\nTân Hồng, \(printed)\n\nKẾ HOẠCH\nTổ chức hoạt động\n\nNội dung của kế hoạch, một câu dài.\n"
            )
            #expect(header.issued?.iso == iso, "header \(printed)")
        }
    }

    @Test func importAndTheCitationsCommandReadTheSameOwnNumber() throws {
        // As the corpus prints them: spaces inside the number (030), the place and date in
        // another column (036) or after one space (060).
        let lines = [
            "Số: 08 /KH - CĐGD", "Số:   /KH-THAP", "SỐ: 12/BC-THX   Tân Hồng, ngày 05 tháng 9 năm 2024",
            "Số 271/BC-TMN", "**Số: 45/QĐ-THAP**", "Số:  32  /KH-THHVT",
            "Số  01  /QC-MNĐA        Đại An, ngày 05 tháng 01 năm 2020",
            "Số: 144 /BC-MGLT Long Thượng, ngày 10 tháng 01 năm 2018",
            // An old TCVN3 header whose number line has too few legacy letters to be converted.
            "Sè: /KH-THCS"
        ]
        let expected = [
            "08/KH-CĐGD", "/KH-THAP", "12/BC-THX", "271/BC-TMN", "45/QĐ-THAP", "32/KH-THHVT", "01/QC-MNĐA",
            "144/BC-MGLT", "/KH-THCS"
        ]
        for (line, value) in zip(lines, expected) {
            let text =
                "TRƯỜNG TIỂU HỌC THỬ\n\(line)\n\nKẾ HOẠCH\nTổ chức hoạt động\n\nNội dung của kế hoạch, một câu dài.\n"
            #expect(DocumentNumber.own(in: text) == value, "\(line)")
            #expect(ImportRecognition.recognise(text).number == value, "\(line)")
        }
        // On the seeds: the number line import files as `number` is what the citations command
        // leaves out (import also reads a number an appendix gives, "Kèm theo Kế hoạch số
        // /KH-THAP", which the scanner lists as a blank number, not a citation).
        var numbered = 0
        for seed in try TestPaths.seedFiles() {
            let text = try String(contentsOf: seed, encoding: .utf8)
            guard let own = DocumentNumber.own(in: text) else { continue }
            #expect(own == ImportRecognition.recognise(text).number, "\(seed.lastPathComponent)")
            numbered += 1
        }
        #expect(numbered >= 2)
        // And on the regression corpus's real headers.
        let corpus = TestPaths.repository.appendingPathComponent("Tests/RegressionCorpus")
        var agreed = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
        where name.hasSuffix(".txt") && name.prefix(3).allSatisfy(\.isNumber) {
            let text = try String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8)
            guard let own = DocumentNumber.own(in: text) else { continue }
            #expect(own == ImportRecognition.recognise(text).number, "\(name)")
            agreed += 1
        }
        #expect(agreed >= 15)
    }
}
