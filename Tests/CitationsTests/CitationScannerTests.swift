import Foundation
import TestSupport
import Testing

@testable import Citations
@testable import VietText

/// Cases written from domain.md's conventions, not from the seeds.
@Suite struct CitationScannerTests {
    func scan(_ text: String, own: String? = nil) -> [Citation] {
        CitationScanner(ownNumber: own).scan(text).citations
    }

    @Test func fullStateCitation() throws {
        let citation = try #require(
            scan(
                "Căn cứ Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về “Tiếp tục tăng cường công tác dân vận”;"
            ).first)
        #expect(citation.type == "Chỉ thị")
        #expect(citation.symbol == "33/CT-TTg")
        #expect(citation.date?.iso == "2021-11-26")
        #expect(citation.issuer == "Thủ tướng Chính phủ")
        #expect(citation.subject == "Tiếp tục tăng cường công tác dân vận")
        #expect(citation.relation == .basis)
    }

    /// Typists' slips the issue saw in real texts: found, with the symbol as printed; nothing is
    /// guessed of the intended number.
    @Test func typistsSlipsAreFoundAsPrinted() throws {
        let separator = try #require(
            scan("Căn cứ Thông tư số 15/2018TT-BGDĐT ngày 29/7/2018 của Bộ Giáo dục và Đào tạo;").first)
        #expect(separator.type == "Thông tư" && separator.symbol == "15/2018TT-BGDĐT")
        #expect(separator.date?.iso == "2018-07-29" && separator.issuer == "Bộ Giáo dục và Đào tạo")
        let strayDigit = try #require(scan("Thực hiện Thông tư 03/12019/TT-BNV ngày 14/5/2019 của Bộ Nội vụ").first)
        #expect(strayDigit.symbol == "03/12019/TT-BNV" && strayDigit.issuer == "Bộ Nội vụ")
        let unaccented = try #require(scan("Quán triệt Chỉ thị so 27-CT/TW ngày 10/01/2019 của Bộ Chính trị").first)
        #expect(unaccented.type == "Chỉ thị" && unaccented.symbol == "27-CT/TW")
        // Not every "so" or five digits: "so sánh", a phone number, a year range.
        #expect(scan("Chỉ thị so sánh 27 lớp").isEmpty)
        #expect(scan("Gọi 0912/34567 hoặc số 15/20189").isEmpty)
        #expect(scan("Thông tư 03/12019/12 của bộ").isEmpty)
    }

    @Test func writtenOutDatesAndSpacedDates() {
        #expect(
            scan("Quyết định số 311-QĐ/TU ngày 06 tháng 01 năm 2022 của Ban Thường vụ Tỉnh ủy").first?.date?.iso
                == "2022-01-06")
        #expect(scan("Chỉ thị số 05-CT/TW ngày 15/5 /2016 của Bộ Chính trị").first?.date?.iso == "2016-05-15")
        #expect(scan("Kế hoạch số 12/KH-UBND, ngày 07/8/2023 của UBND tỉnh").first?.date?.iso == "2023-08-07")
        #expect(scan("Kế hoạch số 12/KH-UBND ngày 31/02/2023 của UBND tỉnh").first?.date == nil)
        // A word typed twice.
        #expect(
            scan("Công văn số 3898/BGDĐT-GDTH ngày 30/7/2024 của Bộ GDĐT về Về nhiệm vụ năm học").first?.subject
                == "Nhiệm vụ năm học")
        #expect(
            scan("Thông tư 28/2020/TT-BGDĐT ngày ngày 04 tháng 9 năm 2020 về việc Ban hành điều lệ").first?.date?.iso
                == "2020-09-04")
    }

    @Test func symbolVariants() {
        #expect(scan("thực hiện Chỉ thị số: 33/CT-TTg, ngày 26/11/2021").first?.symbol == "33/CT-TTg")
        #expect(scan("Nghị quyết số 01-NQ /TU của Tỉnh ủy").first?.symbol == "01-NQ/TU")
        #expect(scan("Quyết định số 379/QĐ-UBND HC ngày 30 tháng 9 năm 2021").first?.symbol == "379/QĐ-UBND HC")
        #expect(scan("Quyết định 217-QĐ/TW của Bộ Chính trị").first?.symbol == "217-QĐ/TW")
        #expect(scan("Kế hoạch số 16/KH-PGD&ĐT ngày 02/3/2024").first?.symbol == "16/KH-PGD&ĐT")
        #expect(scan("Công văn số 1556/SGD&ĐT-VP về việc").first?.symbol == "1556/SGD&ĐT-VP")
        #expect(scan("Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ").first?.symbol == "30/2020/NĐ-CP")
        #expect(scan("Thông tư số 09/2024/TT-BGDĐT quy định công khai").first?.symbolYear == 2024)
        #expect(scan("Thông tư liên tịch số 55/TTLT-BNV-VPCP").first?.type == "Thông tư liên tịch")
        #expect(scan("Luật Tiếp cận thông tin số 104/2016/QH13 ngày 06/4/2016").first?.symbol == "104/2016/QH13")
        #expect(scan("Kế hoạch số 22-KH/BDVHU-UBND ngày 01 tháng 4 năm 2024").first?.symbol == "22-KH/BDVHU-UBND")
        #expect(
            scan("Căn cứ Văn bản hợp nhất số 05/VBHN-BGDĐT ngày 14/7/2023 của Bộ Giáo dục và Đào tạo").first?.type
                == "Văn bản hợp nhất")
        // The number's dash left out (a Đoàn decision): read as printed, the key as with the dash.
        let undashed = scan(
            "ban hành kèm theo Quyết định số 84 QĐ/TWĐTN ngày 22/02/2013 của Ban Chấp hành Trung ương Đoàn;")
        #expect(undashed.first?.symbol == "84 QĐ/TWĐTN")
        #expect(undashed.first?.symbolKey == scan("Quyết định số 84-QĐ/TWĐTN ngày 22/02/2013").first?.symbolKey)
        #expect(undashed.first?.issuer == "Ban Chấp hành Trung ương Đoàn")
        #expect(scan("Kế hoạch số 5 HS ngày 22/02/2013; Quyết định số 12 lớp 6/1.").isEmpty)
        // Types abbreviated in capitals.
        #expect(scan("Căn cứ QĐ số 123/QĐ-UBND ngày 12/8/2024 của UBND huyện").first?.type == "Quyết định")
        #expect(scan("Thực hiện CV số 456/PGDĐT-TH ngày 15/8/2024").first?.type == "Công văn")
        #expect(scan("Căn cứ TT 28/2020/TT-BGDĐT ngày 04/9/2020").first?.relation == .basis)
        #expect(scan("Căn cứ NĐ 81/2021/NĐ-CP ngày 27/8/2021 của Chính phủ").first?.date?.iso == "2021-08-27")
        // ... not when the symbol's code names another type, nor before scores and ratios.
        #expect(scan("KH 12/QĐ-UBND").first?.type != "Kế hoạch")
        #expect(scan("Giỏi 10/30, TB 25/30 học sinh; CT 12/5 tiết; HD 10/10; BC 4-5 lần; CV 2024-2025.").isEmpty)
        #expect(scan("Số: 08 /KH - CĐGD").isEmpty)
        // An older Bộ letter spells its name inside the symbol.
        let spelled = scan("Thực hiện Công văn số 660/Bộ GD&ĐT -NGCBQLGD ngày 01/02/2008 của Bộ Giáo dục và Đào tạo;")
        #expect(spelled.first?.symbol == "660/Bộ GD&ĐT-NGCBQLGD")
        #expect(spelled.first.map(IssuerClassifier.level(of:)) == .ministry)
        // A number with a letter added; never a bare class name.
        #expect(scan("Căn cứ Quyết định số 12a/QĐ-THCS ngày 05/9/2024 của Hiệu trưởng").first?.symbol == "12a/QĐ-THCS")
        #expect(scan("Căn cứ Kế hoạch số 01A/KH-UBND ngày 05/01/2024 của UBND xã").first?.issuer == "UBND xã")
        #expect(scan("học sinh lớp 6a/KH và 9A/QĐ").isEmpty)
    }

    @Test func numbersListedWithoutRepeatingTheirType() {
        let commas = scan("Căn cứ Thông tư số 22/2021/TT-BGDĐT, số 26/2020/TT-BGDĐT của Bộ GDĐT về đánh giá học sinh;")
        #expect(commas.map(\.symbol) == ["22/2021/TT-BGDĐT", "26/2020/TT-BGDĐT"])
        #expect(commas.allSatisfy { $0.type == "Thông tư" && $0.issuer == "Bộ GDĐT" && $0.relation == .basis })
        let and = scan("Căn cứ Công văn số 456/PGDĐT-TH và số 457/PGDĐT-TH ngày 10/9/2024 của Phòng GDĐT;")
        #expect(and.map(\.symbol) == ["456/PGDĐT-TH", "457/PGDĐT-TH"])
        let colon = scan(
            "Căn cứ các Thông tư: số 22/2021/TT-BGDĐT ngày 20/7/2021; số 32/2020/TT-BGDĐT ngày 15/9/2020 của Bộ GDĐT;")
        #expect(colon.map(\.symbol) == ["22/2021/TT-BGDĐT", "32/2020/TT-BGDĐT"])
        #expect(colon.map(\.relation) == [.basis, .basis])
        #expect(colon.last?.date?.iso == "2020-09-15")
        // Not across a sentence, not with another type's code, not for counts.
        #expect(scan("Thực hiện Quyết định số 12/QĐ-UBND. Tổng số 120 học sinh, số 12/KH-UBND.").count == 1)
        #expect(scan("Căn cứ Quyết định số 12/QĐ-UBND, số 5/KH-UBND của UBND huyện;").count == 1)
        #expect(scan("Lớp 6 có sĩ số 40, số 12/15 em đạt giỏi.").isEmpty)
    }

    @Test func anIssuerBeforeTheNumberOrAfterDo() {
        let ahead = scan("Thực hiện Công văn của Sở GDĐT số 1234/SGDĐT-GDTrH ngày 5/9/2024 về việc tổ chức hội thi;")
            .first
        #expect(ahead?.symbol == "1234/SGDĐT-GDTrH")
        #expect(ahead?.issuer == "Sở GDĐT")
        let by = scan("Căn cứ Quyết định số 12/QĐ-UBND do UBND huyện ban hành ngày 5/9/2024;").first
        #expect(by?.issuer == "UBND huyện")
        #expect(by?.date?.iso == "2024-09-05")
        // An aside in brackets before "của".
        #expect(
            scan("Thực hiện Kế hoạch số 77/KH-UBND ngày 8/5/2017 (gọi tắt là Kế hoạch 77) của UBND tỉnh;").first?.issuer
                == "UBND tỉnh")
        // "do" without "ban hành" is not an issuer: "do đó", "do dịch bệnh".
        #expect(scan("Quyết định số 12/QĐ-UBND do dịch bệnh kéo dài.").first?.issuer == nil)
    }

    @Test func urgentTextsAndPlansMadeTogether() {
        let urgent = scan(
            "Thực hiện Công văn hỏa tốc số 123/SGDĐT-VP ngày 5/9/2024 của Sở GDĐT; Công điện khẩn số 01/CĐ-UBND ngày 6/9/2024 của UBND tỉnh;"
        )
        #expect(urgent.map(\.type) == ["Công văn", "Công điện"])
        #expect(urgent.map(\.issuer) == ["Sở GDĐT", "UBND tỉnh"])
        let together = scan(
            "Thực hiện Kế hoạch phối hợp số 05/KHPH-PGDĐT-HND ngày 5/9/2024 của Phòng GDĐT, Hội Nông dân huyện về việc tuyên truyền;"
        ).first
        #expect(together?.type == "Kế hoạch phối hợp")
        #expect(together?.issuer == "Phòng GDĐT, Hội Nông dân huyện")
        // A word or two on what the text does, before "số"; a type phrase there is the citation's.
        #expect(
            scan("Thực hiện Công văn chỉ đạo số 12/PGDĐT-THCS ngày 5/9/2024 của Phòng GDĐT;").first?.type == "Công văn")
        #expect(
            scan("Căn cứ Quyết định phê duyệt số 99/QĐ-UBND ngày 1/8/2024 của UBND huyện;").first?.issuer
                == "UBND huyện")
        #expect(scan("Thực hiện công văn hướng dẫn số 456/PGDĐT ngày 6/9/2024;").first?.type == "Hướng dẫn")
        #expect(scan("Kế hoạch này có số 12 lớp, Quyết định năm nay số 5 em.").isEmpty)
        // "khẩn trương" is no urgency of a text.
        #expect(scan("Công văn khẩn trương số 5 lớp").isEmpty)
    }

    @Test func aMonthWithoutItsDayDoesNotHideTheIssuer() {
        let citation = scan("Căn cứ Quyết định số 2345/QĐ-UBND tháng 8 năm 2024 của UBND tỉnh Nghệ An;").first
        #expect(citation?.date?.iso == "2024-08")
        #expect(citation?.issuer == "UBND tỉnh Nghệ An")
        #expect(scan("Căn cứ Quyết định số 12/QĐ-UBND tháng 13 năm 2024 của UBND tỉnh;").first?.date == nil)
    }

    @Test func anIssuerPrintedAheadOfAList() {
        let found = scan(
            """
            Căn cứ các Quyết định của Thủ tướng Chính phủ: số 1400/QĐ-TTg ngày 30/9/2008 về việc phê duyệt Đề án “Dạy và học \
            ngoại ngữ”; Quyết định số 2080/QĐ-TTg ngày 22/12/2017 phê duyệt điều chỉnh Đề án; Quyết định số 149/QĐ-UBND ngày \
            08/02/2012 về kế hoạch.
            Thực hiện Quyết định số 2081/QĐ-TTg ngày 22/12/2017.
            """)
        #expect(found.map(\.symbol) == ["1400/QĐ-TTg", "2080/QĐ-TTg", "149/QĐ-UBND", "2081/QĐ-TTg"])
        #expect(found.map(\.issuer) == ["Thủ tướng Chính phủ", "Thủ tướng Chính phủ", nil, nil])
        #expect(found.allSatisfy { $0.relation == .basis })
    }

    @Test func spellingVariantsShareAKey() {
        let a = scan("Chỉ thị số 33/CT-TTg ngày 26/11/2021").first!
        let b = scan("Chỉ thị số 33/CTTTg ngày 26 tháng 11 năm 2021").first!
        #expect(a.symbolKey == b.symbolKey)
        #expect(DirectiveKey(citation: a, locality: nil) == DirectiveKey(citation: b, locality: nil))
    }

    @Test func listsShareTheIssuerWhenTheirCodesAgree() {
        let citations = scan("theo Quyết định 217-QĐ/TW, Quyết định số 218-QĐ/TW của Bộ Chính trị (Khóa XI);")
        #expect(citations.map(\.symbol) == ["217-QĐ/TW", "218-QĐ/TW"])
        #expect(citations.map(\.issuer) == ["Bộ Chính trị", "Bộ Chính trị"])
        let mixed = scan("Nghị quyết số 33-NQ/TW và Nghị quyết số 102/NQ-CP của Chính phủ về văn hóa")
        #expect(mixed.map(\.issuer) == [nil, "Chính phủ"])
        // A text and its amendments by the same issuer code (the Bộ's công văn 1277/BGDĐT-QLCL).
        let amended = scan(
            "theo Quy chế thi ban hành kèm theo Thông tư số 15/2020/TT-BGDĐT ngày 26/5/2020 được sửa đổi, bổ sung tại Thông tư số 05/2021/TT-BGDĐT ngày 12/3/2021 và Thông tư số 02/2024/TT-BGDĐT ngày 06/3/2024 của Bộ trưởng Bộ Giáo dục và Đào tạo."
        )
        #expect(amended.map(\.issuer) == Array(repeating: "Bộ trưởng Bộ Giáo dục và Đào tạo", count: 3))
        let otherCode = scan(
            "Nghị định số 20/2014/NĐ-CP ngày 24/3/2014 được sửa đổi tại Thông tư số 05/2021/TT-BGDĐT ngày 12/3/2021 của Bộ trưởng Bộ Giáo dục và Đào tạo."
        )
        #expect(otherCode.first?.issuer == nil)
    }

    @Test func bareSymbolsWithATypeCodeAreFound() {
        let citations = scan("các văn bản 05-CT/TW, 33/CT-TTg và lớp 10/1, ngày 15/5/2016")
        #expect(citations.map(\.symbol) == ["05-CT/TW", "33/CT-TTg"])
        #expect(citations.map(\.type) == ["Chỉ thị", "Chỉ thị"])
    }

    @Test func blankNumbersAndOwnNumberAreNotCitations() {
        let result = CitationScanner(ownNumber: "08/KH-CĐGD").scan(
            "Kèm theo Kế hoạch số /KH-THAP ngày tháng 4 năm 2024; Kế hoạch số 08/KH-CĐGD này; Kế hoạch số 09/KH-CĐGD.")
        #expect(result.citations.map(\.symbol) == ["09/KH-CĐGD"])
        #expect(result.blanks.map(\.symbol) == ["/KH-THAP"])
    }

    @Test func basisAndReferences() {
        let citations = scan(
            "Thực hiện Kế hoạch số 07/KH-UBND ngày 17/01/2022 của UBND huyện về việc nâng cao hiệu quả và Kế hoạch số 47/KH-UBND ngày 04/4/2022 của UBND huyện. Tiếp tục quán triệt Chỉ thị số 33/CT-TTg."
        )
        #expect(citations.map(\.relation) == [.basis, .basis, .reference])
        #expect(scan("1. Theo Công văn số 764/UBND-HC ngày 28/5/2024").first?.relation == .basis)
        #expect(scan("- Căn cứ Nghị quyết số 01-NQ/TU").first?.relation == .basis)
        // Items run together on one line, as a web page's text gives them.
        let runTogether = scan(
            "Đơn vị: Trường THCS Thụy Dương HUYỆN THÁI THỤY - Thực hiện theo Thông tư 06/2010/TT-BGĐT ngày 26/02/2010 của Bộ GD&ĐT; - Căn cứ hướng dẫn - Theo Công văn số 663/SGDĐT ngày 09/11/2010 của Sở GD-ĐT"
        )
        #expect(runTogether.map(\.relation) == [.basis, .basis])
        #expect(
            scan("Đơn vị: Trường THCS Thụy Dương - tiếp tục quán triệt Chỉ thị số 33/CT-TTg").first?.relation
                == .reference)
    }

    /// A basis list whose item amends another document: the document amended is a reference,
    /// and the list goes on after it.
    @Test func aBasisListGoesOnPastACitationInsideAnItem() {
        let citations = scan(
            """
            Căn cứ Nghị định số 75/2006/NĐ-CP ngày 02 tháng 8 năm 2006 của Chính phủ quy định chi tiết Luật Giáo dục; \
            Nghị định số 31/2011/NĐ-CP ngày 11 tháng 5 năm 2011 của Chính phủ về sửa đổi, bổ sung một số điều của \
            Nghị định số 75/2006/NĐ-CP ngày 02 tháng 8 năm 2006 của Chính phủ; Nghị định số 07/2013/NĐ-CP ngày 09 tháng 01 \
            năm 2013 của Chính phủ sửa đổi điểm b khoản 13 Điều 1 của Nghị định số 31/2011/NĐ-CP; \
            Quyết định số 12/QĐ-UBND ngày 3/1/2024 của UBND tỉnh.
            Tiếp tục quán triệt Chỉ thị số 33/CT-TTg; Kết luận số 114-KL/TW ngày 11/7/2015 của Ban Bí thư.
            """)
        #expect(
            citations.map(\.symbol) == [
                "75/2006/NĐ-CP", "31/2011/NĐ-CP", "75/2006/NĐ-CP", "07/2013/NĐ-CP", "31/2011/NĐ-CP",
                "12/QĐ-UBND", "33/CT-TTg", "114-KL/TW"
            ])
        #expect(
            citations.map(\.relation) == [
                .basis, .basis, .reference, .basis, .reference, .basis, .reference, .reference
            ])
        // The subject of an item stops before the document it amends, and so does its last word.
        #expect(citations[1].subject == "Sửa đổi, bổ sung một số điều")
    }

    @Test func aBasisListMayOpenWithAnUnnumberedLaw() {
        let citations = scan(
            """
            Căn cứ Luật Giáo dục ngày 14/6/2019; Nghị định số 105/2020/NĐ-CP ngày 08/9/2020 của Chính phủ quy định chính sách \
            phát triển giáo dục mầm non; Quyết định số 1677/QĐ-TTg ngày 03/12/2018 của Thủ tướng Chính phủ.
            Nhà trường phổ biến Luật Giáo dục; Nghị định số 24/2021/NĐ-CP ngày 23/3/2021 của Chính phủ.
            """)
        #expect(citations.map(\.symbol) == ["105/2020/NĐ-CP", "1677/QĐ-TTg", "24/2021/NĐ-CP"])
        #expect(citations.map(\.relation) == [.basis, .basis, .reference])
        #expect(
            scan("Căn cứ các văn bản sau: Nghị định số 105/2020/NĐ-CP; Quyết định số 1677/QĐ-TTg.").map(\.relation) == [
                .basis, .basis
            ])
        #expect(
            scan("Kết quả như sau: Kế hoạch số 12/KH-UBND; Kế hoạch số 13/KH-UBND.").map(\.relation) == [
                .reference, .reference
            ])
    }

    /// "Theo" after an abbreviation in brackets is a preposition inside the sentence; after a
    /// list marker ("a)") it opens the clause.
    @Test func bracketsEndAClauseOnlyAfterAListMarker() {
        #expect(
            scan(
                "Nâng cao chất lượng phổ cập cho trẻ 5 tuổi (PCGDMNTNT) theo Nghị định số 20/2014/NĐ-CP ngày 24/3/2014 của Chính phủ."
            )
            .map(\.relation) == [.reference])
        #expect(scan("a) Theo Nghị định số 20/2014/NĐ-CP ngày 24/3/2014 của Chính phủ.").map(\.relation) == [.basis])
        #expect(
            scan("Căn cứ kết quả thực hiện Kế hoạch số 268/KH-UBND ngày 06/12/2017 của UBND huyện Phú Xuyên.").map(
                \.relation) == [.basis])
    }

    /// Plain text with single line breaks: a line opening with "Căn cứ" or "Thực hiện" under a
    /// line without a full stop (a decision's authority, a plan's subject) opens a clause.
    @Test func aLineOpeningWithCanCuStartsAClause() {
        let decision = scan(
            "HIỆU TRƯỞNG TRƯỜNG TIỂU HỌC AN PHƯỚC\nCăn cứ Nghị định số 163/2016/NĐ-CP ngày 21/12/2016 của Chính phủ quy định chi tiết;"
        )
        #expect(decision.map(\.relation) == [.basis])
        let plan = scan(
            "KẾ HOẠCH\nThực hiện nhiệm vụ năm học 2025-2026\nThực hiện Nghị quyết 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị về đột phá"
        )
        #expect(plan.map(\.relation) == [.basis])
        // A sentence wrapped onto the next line is not cut there.
        let wrapped = scan("Nhà trường tiếp tục quán triệt\nnội dung của Chỉ thị số 33/CT-TTg ngày 26/11/2021.")
        #expect(wrapped.map(\.relation) == [.reference])
    }

    /// A charter's basis is the Thông tư it was issued with, however long the charter's name
    /// (a real kindergarten's decision, Tuổi Thơ); not a text merely mentioned later on.
    @Test func aCharterIssuedWithAThongTuIsABasis() {
        #expect(
            scan(
                "Căn cứ Điều lệ trường Mầm non, Ban hành kèm theo thông tư số 52/2020/TT-BGDĐT ngày 31 tháng 12 năm 2020 của Bộ trưởng Bộ Giáo dục và Đào tạo;"
            )
            .map(\.relation) == [.basis])
        #expect(
            scan(
                "Căn cứ Điều lệ trường trung học cơ sở, trường trung học phổ thông và trường phổ thông có nhiều cấp học ban hành kèm theo Thông tư số 32/2020/TT-BGDĐT ngày 15/9/2020;"
            )
            .map(\.relation) == [.basis])
        #expect(
            scan(
                "Căn cứ tình hình thực tế của nhà trường trong năm học vừa qua, tổ chuyên môn tiếp tục rà soát và thực hiện Công văn số 12/PGDĐT-TH."
            )
            .map(\.relation) == [.reference])
    }

    @Test func theIssuersAbbreviationIsNotTheSubject() throws {
        let citation = try #require(
            scan(
                "Thực hiện Kế hoạch số 1521/KH-BGDĐT ngày 27/10/2022 của Bộ Giáo dục và Đào tạo (GDĐT) về việc triển khai Chương trình nông thôn mới năm 2022, Bộ GDĐT ban hành Kế hoạch này."
            ).first)
        #expect(citation.issuer == "Bộ Giáo dục và Đào tạo")
        #expect(citation.subject == "Triển khai Chương trình nông thôn mới năm 2022")
    }

    /// Written from Đảng documents: a list joined by commas after a date, a subject quoted with
    /// "về việc" inside, and an opener whose object is a citation.
    @Test func subjectsAndListsOfPartyDocuments() {
        let list = scan(
            "Thực hiện Chỉ thị số 35-CT/TW ngày 30/5/2019, hướng dẫn số 26-HD/BTCTW, ngày 18/10/2019 của Ban Tổ chức Trung ương về đại hội đảng bộ các cấp."
        )
        #expect(list.map(\.symbol) == ["35-CT/TW", "26-HD/BTCTW"])
        #expect(list.map(\.relation) == [.basis, .basis])
        #expect(list.first?.subject == nil, "the next citation is not the first one's subject")
        let quoted = scan(
            "Quán triệt Kết luận số 100-KL/TW ngày 18/8/2014 của Ban Bí thư “về việc đổi mới công tác nắm bắt dư luận xã hội”."
        )
        #expect(quoted.first?.subject == "Về việc đổi mới công tác nắm bắt dư luận xã hội")
        let nested = scan(
            "Kế hoạch số 25-KH/TU ngày 30/11/2016 của Ban Thường vụ Tỉnh ủy thực hiện Kết luận số 100-KL/TW của Ban Bí thư."
        )
        #expect(nested.map(\.symbol) == ["25-KH/TU", "100-KL/TW"])
        #expect(nested.first?.subject == nil, "not just “Thực hiện”")
        let long = scan(
            "Căn cứ Nghị định số 75/2006/NĐ-CP ngày 02/8/2006 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Giáo dục."
        )
        #expect(long.first?.subject == "Quy định chi tiết và hướng dẫn thi hành một số điều của Luật Giáo dục")
    }

    /// Issuers in text taken from PDFs and typed documents, where line breaks and spaces were
    /// lost: each one stops where the name does.
    @Test func issuersStopWhereTheNameDoes() {
        func issuer(_ text: String) -> String? { scan(text).first?.issuer }
        #expect(
            issuer(
                "Căn cứ Quyết định số 51/2002/QĐ-BGD&ĐT ngày 25/12/2002 của Bộ trưởng Bộ Giáo dục và Đào tạo Về việc ban hành Quy định chuyển trường;"
            )
                == "Bộ trưởng Bộ Giáo dục và Đào tạo")
        #expect(
            issuer(
                "Căn cứ kế hoạch số 150/KH – BCĐ ngày 09 tháng 01 năm 2014 của Ban chỉ đạo Phổ cập giáo dục huyện Phú Bình Căn cứ vào kết quả thực hiện."
            )
                == "Ban chỉ đạo Phổ cập giáo dục huyện Phú Bình")
        #expect(
            issuer(
                "Đối chiếu Thông tư số 36/2009/TT-BGDĐT ngày 04/12/2009 của Bộ trưởng Bộ Giáo dục và Đào tạo Ủy ban nhân dân thị trấn Hương Sơn trình UBND huyện."
            )
                == "Bộ trưởng Bộ Giáo dục và Đào tạo")
        // Names that hold those words go on.
        #expect(
            issuer(
                "Thực hiện Công văn số 12/VP-UBND ngày 3/1/2024 của Văn phòng Ủy ban nhân dân tỉnh về lịch công tác.")
                == "Văn phòng Ủy ban nhân dân tỉnh")
        #expect(
            issuer(
                "Thực hiện Quyết định số 5/QĐ-UBND ngày 3/1/2024 của Chủ tịch Ủy ban nhân dân huyện về việc thành lập.")
                == "Chủ tịch Ủy ban nhân dân huyện")
        // An abbreviation in brackets inside the name, and one after it: the name goes on, without
        // the abbreviation it defines for the rest of the text.
        #expect(
            issuer(
                "Căn cứ Kế hoạch số 22/KH-UBND ngày 7/3/2024 của Ủy ban nhân dân (UBND) huyện Hồng Ngự về công tác năm học."
            )
                == "Ủy ban nhân dân huyện Hồng Ngự")
        #expect(
            issuer(
                "Thực hiện Công văn số 12/SGDĐT-GDTrH ngày 01/9/2023 của Sở Giáo dục và Đào tạo (Sở GDĐT) tỉnh Quảng Ngãi về việc hướng dẫn."
            )
                == "Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi")
        #expect(
            issuer(
                "Thực hiện Kế hoạch số 1521/KH-BGDĐT ngày 27/10/2022 của Bộ Giáo dục và Đào tạo (GDĐT) về việc triển khai."
            ) == "Bộ Giáo dục và Đào tạo")
        // A place printed between the symbol and the date.
        let placed = scan(
            "Văn phòng đã ban hành Công văn số 1257/VPUBND-THVX Đồng Tháp, ngày 15 tháng 9 năm 2020 về việc ban hành Điều lệ."
        )
        #expect(placed.first?.date?.iso == "2020-09-15")
        #expect(placed.first?.subject == "Ban hành Điều lệ")
        // "số43": the space lost between "số" and the number; "ngày15", the one before the date.
        #expect(
            scan("Thanh tra theo Thông tư số43/2006/TT-BGD&ĐT ngày 30/8/2006.").map(\.symbol) == ["43/2006/TT-BGD&ĐT"])
        #expect(
            scan("Theo Quyết định số 161/2002/QĐ-TTg ngày15/11/2002 về chính sách.").first?.date?.iso == "2002-11-15")
        // "Ban hành" capitalised after an abbreviation in brackets: the name ends before both.
        let capitalised = scan(
            "Căn cứ Quyết định số 2358/QĐ-BGDĐT ngày 20/8/2025 của Bộ trưởng Bộ Giáo dục và Đào tạo (GDĐT) Ban hành Kế hoạch nhiệm vụ năm học;"
        )
        #expect(capitalised.first?.issuer == "Bộ trưởng Bộ Giáo dục và Đào tạo")
        #expect(capitalised.first?.subject == "Ban hành Kế hoạch nhiệm vụ năm học")
    }

    /// A joint circular names its issuers one after another; a single issuer's name ends at a comma.
    /// The bodies cited most are spelled one way whatever the case printed (seed 001 writes "Bộ
    /// chính trị"); other words keep theirs.
    @Test func wellKnownIssuersTakeTheirUsualSpelling() {
        func issuer(_ text: String) -> String? { scan(text).first?.issuer }
        #expect(
            issuer("Quyết định số 23-QĐ/TW ngày 30/7/2021 của Bộ chính trị về Quy chế công tác dân vận;")
                == "Bộ Chính trị")
        #expect(
            issuer("Căn cứ Chỉ thị số 33/CT-TTg ngày 26/11/2021 của thủ tướng chính phủ về công tác dân vận;")
                == "Thủ tướng Chính phủ")
        #expect(
            issuer("Quyết định số 396-QĐ/TU ngày 19/10/2021 của ban thường vụ tỉnh ủy về Quy chế;")
                == "Ban Thường vụ Tỉnh ủy")
        #expect(issuer("Quyết định số 379/QĐ-UBND-HC ngày 30/9/2021 của UBND Huyện về việc ban hành;") == "UBND Huyện")
        #expect(
            issuer("Kế hoạch số 07/KH-UBND ngày 17/01/2022 của Ủy ban nhân dân huyện Bình Sơn về việc nâng cao;")
                == "Ủy ban nhân dân huyện Bình Sơn")
    }

    @Test func jointDocumentsKeepEveryIssuer() {
        let joint = scan(
            "Căn cứ Thông tư liên tịch số 23/2015/TTLT-BGDĐT-BNV ngày 16/9/2015 của Bộ Giáo dục và Đào tạo, Bộ Nội vụ quy định mã số chức danh."
        )
        #expect(joint.first?.issuer == "Bộ Giáo dục và Đào tạo, Bộ Nội vụ")
        #expect(joint.first?.subject == "Quy định mã số chức danh")
        let single = scan(
            "Thực hiện Công văn số 12/SGDĐT-GDTrH ngày 01/9/2023 của Sở Giáo dục và Đào tạo, Phòng GDĐT hướng dẫn các trường."
        )
        #expect(single.first?.issuer == "Sở Giáo dục và Đào tạo")
        // An inter-agency (liên ngành) guidance is joint too.
        let interAgency = scan(
            "Thực hiện Hướng dẫn liên ngành số 01/HDLN-SGDĐT-SNV ngày 5/1/2024 của Sở Giáo dục và Đào tạo, Sở Nội vụ về tuyển dụng."
        )
        #expect(interAgency.first?.type == "Hướng dẫn liên ngành")
        #expect(interAgency.first?.issuer == "Sở Giáo dục và Đào tạo, Sở Nội vụ")
    }

    /// A decision's subject often opens with "phê duyệt", a plan's with "triển khai".
    @Test func subjectsOpenWithTheVerbsOfDecisionsAndPlans() {
        #expect(
            scan(
                "Căn cứ Quyết định số 1677/QĐ-TTg ngày 03/12/2018 của Thủ tướng Chính phủ phê duyệt Đề án phát triển giáo dục mầm non;"
            ).first?.subject
                == "Phê duyệt Đề án phát triển giáo dục mầm non")
        #expect(
            scan("Thực hiện Kế hoạch số 45/KH-UBND ngày 2/3/2024 của UBND huyện triển khai công tác chuyển đổi số.")
                .first?.subject
                == "Triển khai công tác chuyển đổi số")
    }

    @Test func notCitations() {
        #expect(scan("Năm học 2023-2024 có 26 lớp với 1134 học sinh và 62 CBGV, NV; ngày 15/10/1930.").isEmpty)
        #expect(scan("Kế hoạch 2024-2025 của trường; Nghị quyết Trung ương 4 (khoá XII) về xây dựng Đảng.").isEmpty)
        #expect(scan("Sở GD - ĐT Hải Phòng; điện thoại 0277-3851234; Lưu: VT.").isEmpty)
    }

    @Test func uppercaseHeadingDoesNotSwallowWords() {
        #expect(scan("KẾ HOẠCH THỰC HIỆN CHỈ THỊ SỐ 33/CT-TTG VỀ CÔNG TÁC DÂN VẬN").first?.symbol == "33/CT-TTG")
    }

    /// School plans often print the issuer last: "Căn cứ công văn số 295/PGDĐT-GDTH ngày 09 tháng 9
    /// năm 2024, v/v hướng dẫn ... năm học 2024 – 2025 của phòng GD&ĐT Phong Điền."
    @Test func anIssuerPrintedAfterTheSubject() throws {
        let office = try #require(
            scan(
                "Căn cứ công văn số 295/PGDĐT-GDTH ngày 09 tháng 9 năm 2024, v/v hướng dẫn thực hiện nhiệm vụ Giáo dục Tiểu học năm học 2024 – 2025 của phòng GD&ĐT Phong Điền."
            ).first)
        #expect(office.issuer == "Phòng GD&ĐT Phong Điền")
        #expect(office.subject == "Hướng dẫn thực hiện nhiệm vụ Giáo dục Tiểu học năm học 2024 – 2025")
        let school = try #require(
            scan(
                "Căn cứ kế hoạch số 13/KH-THTBS ngày 10/9/2024 về việc thực hiện phương hướng nhiệm vụ năm học 2023 - 2024 của Trường TH Tây Bắc Sơn."
            ).first)
        #expect(school.issuer == "Trường TH Tây Bắc Sơn")
        #expect(school.subject == "Thực hiện phương hướng nhiệm vụ năm học 2023 - 2024")
        // Not a body's name: the subject keeps its words.
        let ownSchool = try #require(
            scan("Căn cứ Kế hoạch số 13/KH-THTBS ngày 10/9/2024 về việc thực hiện nhiệm vụ năm học của nhà trường.")
                .first)
        #expect(ownSchool.issuer == nil)
        #expect(ownSchool.subject == "Thực hiện nhiệm vụ năm học của nhà trường")
        // A Bộ's letter about the Party's resolution is not the Party's.
        let ministry = try #require(
            scan(
                "Thực hiện Công văn số 15/BGDĐT-GDTH ngày 02/01/2024 về việc quán triệt nghị quyết của Ban Chấp hành Trung ương."
            ).first)
        #expect(ministry.issuer == nil)
        #expect(ministry.subject == "Quán triệt nghị quyết của Ban Chấp hành Trung ương")
        // Cut before another citation, the subject's "của" is that citation's.
        let cut = try #require(
            scan(
                "Thực hiện Kế hoạch số 12/KH-PGDĐT ngày 02/01/2024 về triển khai Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ."
            ).first)
        #expect(cut.issuer == nil)
    }

    /// The issuer as the clause's subject: "Sở Giáo dục và Đào tạo đã ban hành Công văn số ...".
    @Test func anIssuerPrintedBeforeTheType() {
        #expect(
            scan(
                "Sở Giáo dục và Đào tạo đã ban hành Công văn số 2062/SGDĐT-KHTC ngày 15/7/2022 về việc thực hiện các khoản thu;"
            ).first?.issuer == "Sở Giáo dục và Đào tạo")
        #expect(
            scan("Ngày 10/12/2019, Ban Thường vụ Đảng ủy NHPT đã ban hành Kế hoạch số 101-KH/ĐU về tổ chức đại hội.")
                .first?.issuer == "Ban Thường vụ Đảng ủy NHPT")
        #expect(
            scan("UBND tỉnh vừa ban hành Quyết định số 1435/QĐ-UBND ngày 02/8/2024 về khung thời gian năm học.").first?
                .issuer == "UBND tỉnh")
        // Not a body's name.
        #expect(scan("Nhà trường đã ban hành Kế hoạch số 12/KH-THAP ngày 02/8/2024 về công khai.").first?.issuer == nil)
        // A level the symbol's codes contradict: the Bộ does not issue a Huyện ủy's plan.
        #expect(
            scan("Bộ Giáo dục và Đào tạo ban hành Kế hoạch số 12-KH/HU ngày 02/8/2024 về công khai.").first?.issuer
                == nil)
    }

    /// A Party or state body right after the date, without "của"; a list inside a subject.
    @Test func aBodyNamedRightAfterTheDateAndAListInsideASubject() throws {
        let resolution = try #require(
            scan(
                "Thực hiện Nghị quyết số 29-NQ/TW ngày 04/11/2013 Hội nghị lần thứ tám Ban Chấp hành Trung ương khóa XI về đổi mới căn bản, toàn diện giáo dục và đào tạo;"
            ).first)
        #expect(resolution.issuer == "Ban Chấp hành Trung ương")
        #expect(resolution.subject == "Đổi mới căn bản, toàn diện giáo dục và đào tạo")
        #expect(
            scan("Quyết định số 30/2007/QĐ-TTg ngày 05/3/2007 Thủ tướng Chính phủ về việc ban hành Danh mục.").first?
                .issuer == "Thủ tướng Chính phủ")
        // A school's name after the date starts the citing clause: not an issuer.
        #expect(
            scan("Thực hiện Kế hoạch số 12/KH-PGDĐT ngày 02/01/2024 Trường Tiểu học An Phước xây dựng kế hoạch.").first?
                .issuer == nil)
        let charter = try #require(
            scan(
                "Căn cứ Thông tư số 32/2020/TT-BGDĐT ngày 15/9/2020 của Bộ trưởng Bộ GDĐT ban hành Điều lệ trường THCS, trường THPT và trường phổ thông có nhiều cấp học;"
            ).first)
        #expect(charter.subject == "Ban hành Điều lệ trường THCS, trường THPT và trường phổ thông có nhiều cấp học")
        // The citing body's own clause after a comma still ends the subject.
        let plan = try #require(
            scan(
                "Thực hiện Kế hoạch số 09-KH/SGDĐT ngày 31/01/2023 của Sở GDĐT về thực hiện công tác dân vận, trường THPT Toàn Thắng xây dựng kế hoạch như sau:"
            ).first)
        #expect(plan.subject == "Thực hiện công tác dân vận")
    }

    @Test func issuerStopsBeforeWhatFollows() {
        #expect(
            scan("Quyết định số 436/QĐ-UBND ngày 11/6/2019 của UBND tỉnh Quy định về tiêu chí").first?.issuer
                == "UBND tỉnh")
        #expect(
            scan("Quyết định số 379/QĐ-UBND-HC ngày 30/9/2021 của UBND Huyện ban hành Kế hoạch").first?.issuer
                == "UBND Huyện")
        #expect(
            scan("Công văn số 09/UBND-HCQT ngày 09/3/2020 của UBND Tỉnh của Chủ tịch UBND Tỉnh về việc").first?.issuer
                == "UBND Tỉnh")
        #expect(
            scan(
                "Chương trình phối hợp số 01-CTr/BDVHU-UBND ngày 24/3/2021 giữa Ban Dân vận Huyện ủy và Ủy ban nhân dân Huyện về công tác"
            ).first?.issuer
                == "Ban Dân vận Huyện ủy và Ủy ban nhân dân Huyện")
        #expect(
            scan("Công văn số 2089/SGDĐT-CTTTCNTX ngày 18/11/2021 của Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi về việc")
                .first?.issuer
                == "Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi")
    }

    @Test func decomposedAccentsAfterNFC() {
        let pdfText = VietnameseText.nfc(
            "Căn cứ Chỉ thị số 33/CT-TTg ngày 26 tháng 11 năm 2021 của Thủ tướng Chính phủ"
                .decomposedStringWithCanonicalMapping)
        let citation = scan(pdfText).first
        #expect(citation?.type == "Chỉ thị")
        #expect(citation?.issuer == "Thủ tướng Chính phủ")
    }

    @Test func levelsAndLocalities() {
        let district = scan("Kế hoạch số 02/KH-UBND ngày 03/01/2024 của Ủy ban nhân dân huyện Tân Hồng").first!
        #expect(IssuerClassifier.level(of: district) == .district)
        #expect(CitingContext(province: "Đồng Tháp").locality(for: district) == "dong-thap-tan-hong")
        let province = scan("Quyết định số 311-QĐ/TU ngày 06/01/2022 của Ban Thường vụ Tỉnh ủy").first!
        #expect(IssuerClassifier.level(of: province) == .province)
        #expect(CitingContext(district: "Tân Hồng", province: "Đồng Tháp").locality(for: province) == "dong-thap")
        let national = scan("Chỉ thị số 33/CT-TTg").first!
        #expect(IssuerClassifier.level(of: national) == .central)
        #expect(CitingContext(district: "Tân Hồng", province: "Đồng Tháp").locality(for: national) == nil)
        #expect(IssuerClassifier.level(of: scan("Thông tư số 09/2024/TT-BGDĐT").first!) == .ministry)
        #expect(IssuerClassifier.level(of: scan("Chỉ thị số 05-CT/TW").first!) == .party)
        // The place named in an issuer: after "huyện", "quận", "thị", "tỉnh", "thành phố", in
        // any case, the capitalised words that follow; doubled spaces are no words.
        #expect(IssuerClassifier.namedPlace(in: "Ủy ban nhân dân huyện Tân  Hồng") == ("Tân Hồng", nil))
        #expect(IssuerClassifier.namedPlace(in: "UBND Thành phố Cao Lãnh") == (nil, "Cao Lãnh"))
        #expect(IssuerClassifier.namedPlace(in: "Sở GDĐT tỉnh Đồng Tháp") == (nil, "Đồng Tháp"))
        #expect(IssuerClassifier.namedPlace(in: "Ủy ban nhân dân thị xã Hồng Ngự") == ("Hồng Ngự", nil))
        #expect(IssuerClassifier.namedPlace(in: "Phòng GDĐT thị xã") == (nil, nil))
        #expect(IssuerClassifier.namedPlace(in: "Thủ tướng Chính phủ") == (nil, nil))
    }
}

@Suite struct PDFTextTests {
    @Test func combiningMarksAfterAStraySpaceAreJoined() {
        let broken =
            "Chi\u{0309} thi\u{0323} sô\u{0301} 33/CT-TTg cu\u{0309}a Thu\u{0309} tươ\u{0301}ng Chi\u{0301}nh phu\u{0309}"
            .replacingOccurrences(of: "i\u{0323}", with: "i \u{0323}")
        let text = VietnameseText.nfc(broken)
        #expect(text == "Chỉ thị số 33/CT-TTg của Thủ tướng Chính phủ")
        #expect(CitationScanner().scan(text).citations.first?.issuer == "Thủ tướng Chính phủ")
    }

    @Test func issuedOnAfterTheSymbol() {
        func scan(_ text: String) -> [Citation] { CitationScanner().scan(text).citations }
        #expect(
            CitationScanner().scan("Chỉ thị 33/CT-TTg được ban hành ngày 26/11/2021 của Thủ tướng").citations.first?
                .date?.iso == "2021-11-26")
        #expect(
            scan("Căn cứ Quyết định số 13/QĐ-UBND ký ngày 05/9/2024 của UBND huyện;").first?.date?.iso == "2024-09-05")
        // A year alone is no date; the issuer after it is still read.
        let yearOnly = scan("Căn cứ Kế hoạch số 12/KH-UBND năm 2024 của UBND huyện về việc thực hiện;").first
        #expect(yearOnly?.date == nil)
        #expect(yearOnly?.issuer == "UBND huyện")
    }

    /// The place read from an issuer's bytes is the one read from its words as Strings: on
    /// every issuer the regression corpus's citations name, and on names in other scripts,
    /// with marks, doubled spaces, a city and a lowercase place.
    @Test func placesReadFromBytesAreThoseReadFromWords() throws {
        let lines = try String(
            contentsOf: TestPaths.repository.appendingPathComponent("Tests/RegressionCorpus/citations.jsonl"),
            encoding: .utf8
        ).split(separator: "\n")
        var issuers = Set<String>()
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            if let issuer = object?["issuer"] as? String { issuers.insert(issuer) }
        }
        #expect(issuers.count > 50)
        issuers.formUnion([
            "UBND thành phố Hồ Chí Minh", "UBND huyện tân hồng", "Ủy ban nhân dân quận  Ba Đình", "UBND TP. Huế",
            "Sở GD\u{0300}ĐT tỉnh Đồng Tháp", "ΥΠΟΥΡΓΕΙΟ huyện Σ", "UBND thị xã (TX) Hồng Ngự", "huyện",
            "thành phố Cần Thơ",
            "UBND Thành Phố Đà Nẵng", "Phòng GD&ĐT huyện Phú Bình tỉnh Thái Nguyên"
        ])
        for issuer in issuers {
            #expect(
                IssuerClassifier.namedPlace(in: issuer) == IssuerClassifier.namedPlace(byWordsOf: issuer), "\(issuer)")
        }
    }
}
