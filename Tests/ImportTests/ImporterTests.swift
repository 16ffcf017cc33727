import Foundation
import TestSupport
import Testing
import VietText
import ZIPFoundation

@testable import CongKhai
@testable import Import

/// Imports real and test-made documents into a scratch portal and checks what was written.
@Suite struct ImporterTests {
    static let seedUnits = SeedGold.units

    func portal() throws -> PortalFixture {
        let fixture = try PortalFixture()
        for (id, name) in Self.seedUnits.values { try fixture.unit(id, name: name) }
        return fixture
    }

    /// Reads back a written document the way a build does.
    func load(_ url: URL, portal: PortalFixture) throws -> SourceDocument {
        let loaded = ContentLoader(root: portal.root).load()
        #expect(loaded.errors.isEmpty, "\(loaded.errors.map { $0.formatted() })")
        return try #require(
            loaded.documents.first {
                portal.root.appendingPathComponent($0.sourcePath).standardizedFileURL == url.standardizedFileURL
            })
    }

    /// Imports one file for a unit and reads the written document back.
    func imported(_ file: URL, unit: String, into portal: PortalFixture) throws -> (
        result: Importer.Result, document: SourceDocument
    ) {
        let result = try Importer(options: .init(portal: portal.root, unitID: unit)).importFile(file)
        return (result, try load(result.written, portal: portal))
    }

    @Test func seedsGiveTheGoldFieldsAndLoseNoWord() throws {
        let gold = try SeedGold.load()
        let fixture = try portal()
        defer { fixture.remove() }
        for (file, expected) in gold.documents.sorted(by: { $0.key < $1.key }) {
            let unit = try #require(Self.seedUnits[file]).0
            let importer = Importer(options: .init(portal: fixture.root, unitID: unit))
            let result = try importer.importFile(TestPaths.seeds.appendingPathComponent(file))
            let document = try load(result.written, portal: fixture)
            #expect(document.number == expected.own_number, "\(file) number")
            #expect(document.kind == expected.kind, "\(file) kind")
            #expect(document.title == expected.title, "\(file) title")
            #expect(document.place == expected.place, "\(file) place")
            #expect(document.issued?.iso == expected.issued, "\(file) issued")
            #expect(document.signer == expected.signer, "\(file) signer")
            #expect(document.signerTitle == expected.signer_title, "\(file) signer_title")
            let lost = result.warnings.filter { $0.message.en.contains("is not in the written file") }
            #expect(lost.isEmpty, "\(file): \(lost)")
            #expect(
                !result.warnings.contains { $0.message.en.contains("could not place") }, "\(file): \(result.warnings)")
            // The body is Markdown the build renders: sections as headings, lists as lists.
            let rendered = MarkdownRenderer().render(document.body)
            #expect(rendered.html.contains("<h2 id=\"muc-"), "\(file) has section headings")
            #expect(rendered.html.contains("<li>"), "\(file) has lists")
            // Text after the signature is marked as the appendix, and rendered apart from the body.
            let seedLines = try String(contentsOf: TestPaths.seeds.appendingPathComponent(file), encoding: .utf8)
                .components(separatedBy: "\n").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " *")) }
            let signerLine = try #require(seedLines.lastIndex { $0 == expected.signer })
            let textAfterSignature = seedLines[(signerLine + 1)...].contains { !$0.isEmpty }
            #expect(rendered.appendices.count == (textAfterSignature ? 1 : 0), "\(file) appendix")
            if textAfterSignature {
                let firstWords = try #require(seedLines[(signerLine + 1)...].first { !$0.isEmpty })
                #expect(
                    rendered.appendices[0].contains(firstWords) && !rendered.html.contains(firstWords),
                    "\(file): \(firstWords)")
            }
        }
        // Each went to the school year its date or content shows.
        let years = try FileTree.files(in: fixture.root.appendingPathComponent("content/units")).filter {
            $0.hasSuffix(".md")
        }
        .map { $0.split(separator: "/")[1] }
        #expect(Set(years) == ["2022-2023", "2021-2022", "2023-2024", "2019-2020"])
    }

    /// A document that names no school year is filed under today's, which the caller gives
    /// (the command line, today in Vietnam); without it, import asks for --school-year.
    @Test func aDocumentWithoutAYearGoesUnderTodaysGivenSchoolYear() throws {
        let fixture = try portal()
        defer { fixture.remove() }
        let file = fixture.root.appendingPathComponent("khong-ngay.txt")
        try Data("THÔNG BÁO\nVề việc nghỉ học\n\nHọc sinh nghỉ học một ngày.\n".utf8).write(to: file)
        let today = try #require(IssuedDate(iso: "2026-10-05"))
        let options = Importer.Options(portal: fixture.root, unitID: "th-an-phuoc", today: today)
        let result = try Importer(options: options).importFile(file)
        #expect(result.written.path.contains("/2026-2027/"))
        let filed = try #require(result.warnings.first { $0.message.vi.contains("đã xếp vào năm học 2026-2027") })
        // Each kind of warning has a code of its own, which the command line's diagnostic carries.
        #expect(filed.code == "import.no-school-year")
        #expect(filed.diagnostic(file: "khong-ngay.txt").code == "import.no-school-year")
        #expect(Set(result.warnings.map(\.code)).count == result.warnings.count)
        #expect(throws: Importer.Failure.self) {
            try Importer(options: .init(portal: fixture.root, unitID: "th-an-phuoc")).importFile(file)
        }
    }

    /// A report laid out as a letter: "Số: 12/CV-…" over "V/v: Công văn …" is a công văn (its code
    /// says so, as the scanner reads it), and the subject loses the type's name it repeats.
    @Test func aTypeCodeAfterTheNumberNamesTheKindOfALetter() throws {
        let fixture = try portal()
        defer { fixture.remove() }
        let file = fixture.root.appendingPathComponent("cong-van.txt")
        try Data(
            "TRƯỜNG TIỂU HỌC AN PHƯỚC\nSố: 12/CV-THAP\nV/v: Công văn đề nghị sửa chữa phòng học\n\nAn Phước, ngày 05 tháng 9 năm 2024\n\nKính gửi: Phòng GD&ĐT.\n\nNhà trường đề nghị sửa chữa phòng học.\n"
                .utf8
        ).write(to: file)
        let document = try imported(file, unit: "th-an-phuoc", into: fixture).document
        #expect(document.kind == "cong-van")
        #expect(document.title == "Đề nghị sửa chữa phòng học")
    }

    /// An old text in TCVN3 whose number line is left blank: "Sè: /KH-THCS" has too few legacy
    /// letters to be converted, and is still the number line.
    @Test func aBlankNumberInAnOldTCVN3HeaderIsKept() throws {
        let fixture = try portal()
        defer { fixture.remove() }
        let file = fixture.root.appendingPathComponent("cu.txt")
        let header = LegacyEncodingTests.tcvn3Bytes + Array("\nS".utf8) + [0xE8] + Array(": /KH-THAP\n\n".utf8)
        try Data(header + Array("An Phước, ngày 05 tháng 9 năm 2024\n\nKẾ HOẠCH\nDạy học\n\nNội dung.\n".utf8))
            .write(to: file)
        let (result, document) = try imported(file, unit: "th-an-phuoc", into: fixture)
        #expect(document.number == "/KH-THAP")
        #expect(!result.warnings.contains { $0.code == "import.word-lost" }, "\(result.warnings)")
    }

    /// A legal database's page copied as text, its header and signature tables cell by cell in
    /// narrow cells, as the issue saw them: the date and a title on behalf of a body wrapped.
    @Test func aDateAndATitleWrappedInNarrowCellsAreWhole() {
        let text = """
            ỦY BAN NHÂN DÂN
            TỈNH THANH HÓA
            -------
            |
            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            Độc lập - Tự do - Hạnh phúc
            ---------------
            |
            Số: 45/KH-UBND
            |
            Thanh Hóa, ngày 12
            tháng 3 năm 2024
            |
            KẾ HOẠCH
            Tổ chức Ngày hội đọc sách năm 2024

            Ủy ban nhân dân tỉnh ban hành kế hoạch tổ chức Ngày hội đọc sách như sau.

            |
            Nơi nhận:
            - Sở Giáo dục và Đào tạo;
            - Lưu: VT.
            |
            TM. ỦY BAN NHÂN
            DÂN
            KT. CHỦ TỊCH
            PHÓ CHỦ TỊCH
            Lê Đức Giang
            """
        let document = ImportRecognition.recognise(text)
        #expect(document.number == "45/KH-UBND")
        #expect(document.place == "Thanh Hóa" && document.issued?.iso == "2024-03-12")
        #expect(document.title == "Tổ chức Ngày hội đọc sách năm 2024")
        #expect(document.signerTitle == "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")
        #expect(document.signer == "Lê Đức Giang")
    }

    /// Both columns of the header on one line, as the issue saw a PDF viewer's copy give them:
    /// the letterhead is the left one, the motto dropped, the number and the date read apart.
    @Test func aHeaderLineHoldingBothColumnsIsSplit() {
        let text = """
            UBND HUYỆN YÊN DŨNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            PHÒNG GIÁO DỤC VÀ ĐÀO TẠO Độc lập - Tự do - Hạnh phúc
            Số: 15/KH-PGDĐT Yên Dũng, ngày 08 tháng 10 năm 2021

            KẾ HOẠCH
            Tổ chức hội thi giáo viên dạy giỏi

            Phòng GD&ĐT xây dựng kế hoạch như sau.
            """
        let document = ImportRecognition.recognise(text)
        #expect(document.letterhead == ["UBND HUYỆN YÊN DŨNG", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"])
        #expect(document.number == "15/KH-PGDĐT" && document.place == "Yên Dũng")
        #expect(document.issued?.iso == "2021-10-08" && document.title == "Tổ chức hội thi giáo viên dạy giỏi")
    }

    /// "QUY ĐỊNH VÀ HƯỚNG DẪN": two types' names on the type line (corpus text 045); the subject
    /// is on the lines below, not "Và hướng dẫn …".
    @Test func aTypeLineNamingTwoTypesLeavesTheSubjectBelow() {
        let text = """
            SỞ GIÁO DỤC VÀ ĐÀO TẠO
            Số: 1228/THPT
            Phan Rang, ngày 12 tháng 11 năm 2003
            QUY ĐỊNH VÀ HƯỚNG DẪN
            VỀ VIỆC TIẾP NHẬN VÀ CHUYỂN TRƯỜNG CHO HỌC SINH
            PHỔ THÔNG CÁC CẤP

            Căn cứ Quyết định số 51/2002/QĐ-BGD&ĐT ngày 25/12/2002 của Bộ trưởng Bộ Giáo dục và Đào tạo.
            """
        let document = ImportRecognition.recognise(text)
        #expect(document.kind == "quy-dinh")
        #expect(document.title == "Về việc tiếp nhận và chuyển trường cho học sinh phổ thông các cấp")
    }

    @Test func neverOverwritesWithoutForce() throws {
        let fixture = try portal()
        defer { fixture.remove() }
        let seed = TestPaths.seeds.appendingPathComponent("004_c1e01f9e77d3eae0.txt")
        let importer = Importer(options: .init(portal: fixture.root, unitID: "cong-doan-giao-duc-ha-noi"))
        let first = try importer.importFile(seed)
        try Data("sửa tay".utf8).write(to: first.written)
        #expect(throws: Importer.Failure.self) { try importer.importFile(seed) }
        #expect(try String(contentsOf: first.written, encoding: .utf8) == "sửa tay")
        let forced = Importer(options: .init(portal: fixture.root, unitID: "cong-doan-giao-duc-ha-noi", force: true))
        #expect(try String(contentsOf: forced.importFile(seed).written, encoding: .utf8).hasPrefix("---\ntitle:"))
        #expect(throws: Importer.Failure.self) {
            try Importer(options: .init(portal: fixture.root, unitID: "khong-co")).importFile(seed)
        }
    }

    @Test func aTCVN3LetterheadIsConvertedAndChecked() throws {
        let fixture = try portal()
        defer { fixture.remove() }
        // "UBND HUYỆN TÂN HỒNG / TRƯỜNG TIỂU HỌC TÂN THÀNH A1" in TCVN3 bytes (ABC uppercase font),
        // then the rest in UTF-8.
        func tcvn3(_ text: String) -> [UInt8] { text.unicodeScalars.map { UInt8($0.value) } }
        var bytes =
            tcvn3("UBND HUY\u{D6}N T\u{A2}N H\u{E5}NG\n")
            + tcvn3("TR\u{AD}\u{EA}NG TI\u{D3}U H\u{E4}C T\u{A2}N TH\u{B5}NH A1\n")
        bytes += Array(
            "Số: 15/KH-THTTA1\nTân Hồng, ngày 10 tháng 9 năm 2024\n\nKẾ HOẠCH\nTổ chức ngày hội đọc sách\n\nI. MỤC ĐÍCH\n\n- Khuyến khích đọc sách.\n\nNơi nhận:\n- Lưu: VT.\n\nHIỆU TRƯỞNG\n\nTrần Tấn Phước\n"
                .utf8)
        let file = fixture.root.appendingPathComponent("tcvn3.txt")
        try Data(bytes).write(to: file)
        let result = try Importer(options: .init(portal: fixture.root, unitID: "th-tan-thanh-a1")).importFile(file)
        let document = try load(result.written, portal: fixture)
        #expect(document.letterhead == ["UBND HUYỆN TÂN HỒNG", "TRƯỜNG TIỂU HỌC TÂN THÀNH A1"])
        #expect(document.number == "15/KH-THTTA1")
        #expect(document.issued?.iso == "2024-09-10")
        #expect(document.schoolYear == "2024-2025")
        #expect(document.title == "Tổ chức ngày hội đọc sách")
        #expect(result.encoding.contains("tcvn3"))
        #expect(!result.warnings.contains { $0.message.en.contains("letterhead says") })
        // Imported for the wrong unit, the letterhead disagrees: a warning, not a refusal.
        let wrong = try Importer(options: .init(portal: fixture.root, unitID: "th-an-phuoc")).importFile(file)
        #expect(wrong.warnings.contains { $0.message.en.contains("letterhead says") })
    }

    /// Layouts of two real school plans (Diễn Hùng, Tây Bắc Sơn): the school year on a line of its
    /// own, after a blank line or with a label's colon, is part of the subject.
    @Test func theSchoolYearUnderTheSubjectIsPartOfIt() throws {
        let fixture = try portal()
        defer { fixture.remove() }
        let layouts = [
            "KẾ HOẠCH GIÁO DỤC NHÀ TRƯỜNG\nNăm học: 2024 - 2025\n \nI. CĂN CỨ XÂY DỰNG KẾ HOẠCH:\n",
            "KẾ HOẠCH GIÁO DỤC NHÀ TRƯỜNG\n\n   NĂM HỌC 2024 - 2025\n\nCăn cứ công văn số 295/PGDĐT-GDTH ngày 09 tháng 9 năm 2024;\n"
        ]
        for (number, layout) in layouts.enumerated() {
            let file = fixture.root.appendingPathComponent("ke-hoach-\(number).txt")
            try Data(
                "PHÒNG GD&ĐT TÂN HỒNG\nTRƯỜNG TIỂU HỌC AN PHƯỚC\nSố: 19/KH-THAP\nAn Phước, ngày 29 tháng 8 năm 2024\n\n\(layout)\nNội dung.\n"
                    .utf8
            ).write(to: file)
            let options = Importer.Options(portal: fixture.root, unitID: "th-an-phuoc", force: true)
            let document = try load(try Importer(options: options).importFile(file).written, portal: fixture)
            #expect(document.title == "Giáo dục nhà trường năm học 2024 - 2025", "layout \(number)")
            #expect(!document.body.contains("2024 - 2025"), "layout \(number)")
            // Issued in the August before it, the plan is filed under the year it names.
            #expect(document.schoolYear == "2024-2025", "layout \(number)")
        }
    }

    /// Subjects printed in capitals, from real school documents (Phong Xuân, Thanh Oai, Núi Thành):
    /// in sentence case, each word as the body or the unit's name writes it; abbreviations,
    /// codes and Roman numerals kept.
    @Test func aSubjectInCapitalsIsWrittenAsTheTextWritesItsWords() throws {
        let fixture = try portal()
        defer { fixture.remove() }
        try fixture.unit("thcs-phong-xuan", name: "Trường THCS Phong Xuân", district: "Phong Điền")
        let cases: [(subject: String, body: String, title: String)] = [
            (
                "BÁO CÁO SƠ KẾT HỌC KÌ I TỔ CHUYÊN MÔN\nNăm học 2022 -2023",
                "Căn cứ vào kế hoạch thực hiện nhiệm vụ Tổ KHXH năm học 2022 – 2023 Căn cứ vào kết quả thực hiện nhiệm vụ thực tế của tổ KHXH tại thời điểm cuối học kì 1;\nTổ chuyên môn tự rà soát việc thực hiện nhiệm vụ như sau:",
                "Sơ kết học kì I tổ chuyên môn năm học 2022 -2023"
            ),
            (
                "KẾ HOẠCH\nBỒI DƯỠNG GIÁO VIÊN CÁC TRƯỜNG THCS HUYỆN PHONG ĐIỀN, TỈNH THỪA THIÊN HUẾ",
                "Căn cứ Kế hoạch số 2012/KH-SGDĐT ngày 20/8/2023 của Sở Giáo dục và Đào tạo tỉnh Thừa Thiên Huế về bồi dưỡng giáo viên, nhà trường xây dựng kế hoạch như sau:",
                "Bồi dưỡng giáo viên các trường THCS huyện Phong Điền, tỉnh Thừa Thiên Huế"
            ),
            // The unit's name is written right; "trường" lowercase, as the body writes it.
            (
                "KẾ HOẠCH PHÒNG, CHỐNG DỊCH COVID-19 TẠI TRƯỜNG THCS PHONG XUÂN LỚP 9A",
                "Căn cứ tình hình thực tế, nhà trường xây dựng kế hoạch phòng, chống dịch tại trường như sau:",
                "Phòng, chống dịch COVID-19 tại trường THCS Phong Xuân lớp 9A"
            ),
            (
                "KẾ HOẠCH\nNĂM HỌC: 2023-2024", "Căn cứ kết quả năm học 2022-2023 và tình hình thực tế tại đơn vị.",
                "Năm học 2023-2024"
            ),
            // Not in capitals: as printed.
            (
                "KẾ HOẠCH\nThực hiện công tác Dân vận năm 2024", "Căn cứ tình hình thực tế.",
                "Thực hiện công tác Dân vận năm 2024"
            )
        ]
        for (number, test) in cases.enumerated() {
            let file = fixture.root.appendingPathComponent("hoa-\(number).txt")
            try Data(
                "TRƯỜNG THCS PHONG XUÂN\nSố: \(number + 1)/KH-THCS\nPhong Xuân, ngày 10 tháng 01 năm 2023\n\(test.subject)\n\(test.body)\n"
                    .utf8
            ).write(to: file)
            let document = try imported(file, unit: "thcs-phong-xuan", into: fixture).document
            #expect(document.title == test.title, "case \(number)")
        }
    }

    /// A real kindergarten's report laid out as a letter (Diễn Kim): "V/v:" over it, but "BC" in
    /// its number. A công văn's number has no type code.
    @Test func aReportLaidOutAsALetterIsAReport() throws {
        let fixture = try portal()
        defer { fixture.remove() }
        let file = fixture.root.appendingPathComponent("bao-cao.txt")
        try Data(
            """
                 UBND XÃ HẢI CHÂU                                                             CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            TRƯỜNG MẦM NON DIỄN KIM                                                             Độc lập – Tự do – Hạnh phúc
                  Số:271/BC-TMN                                                                          Hải Châu, ngày 16 tháng 10 năm 2025
            V/v: Báo cáo kết quả thực hiện Thông tư 09/2024/TT-BGDĐT
                     Kính gửi: UBND Xã Hải Châu

                 Thực hiện Công văn số: 2968/SGD&ĐT-QLCL V/v tổ chức thực hiện công khai, trường báo cáo như sau:

            """.utf8
        ).write(to: file)
        let report = try imported(file, unit: "th-an-phuoc", into: fixture).document
        #expect(report.kind == "bao-cao")
        #expect(report.title == "Kết quả thực hiện Thông tư 09/2024/TT-BGDĐT")
        #expect(report.number == "271/BC-TMN")
        #expect(report.issued?.iso == "2025-10-16")
    }

    /// A real kindergarten's decision (Tuổi Thơ, Cư Kuin) copied from its web page: the motto
    /// printed "Độc lập- Tự do- Hạnh Phúc", a zero-width space inside the number (as web copies
    /// carry), the regulation it issues after the signature.
    @Test func aDecisionWithTheRegulationItIssues() throws {
        let fixture = try portal()
        defer { fixture.remove() }
        let file = fixture.root.appendingPathComponent("quyet-dinh.txt")
        try Data(
            """
               PHÒNG GD& ĐT CƯ KUIN

               TRƯỜNG MN TUỔI THƠ

             CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

                                Độc lập- Tự do- Hạnh Phúc

                     Số: 101/QĐ\u{200B}-MNTT                             Ea Tiêu, ngày 30 tháng 09 năm 2022

            QUYẾT ĐỊNH

            Về việc ban hành quy chế chuyên môn năm học 2022 -2023

            HIỆU TRƯỞNG TRƯỜNG MẦM NON TUỔI THƠ

            Căn cứ Điều lệ trường Mầm non, Ban hành kèm theo thông tư số 52/2020/TT-BGDĐT ngày 31 tháng 12 năm 2020 của Bộ trưởng Bộ Giáo dục và Đào tạo;

            QUYẾT ĐỊNH:

            Điều 1. Công bố quy chế chuyên môn Trường mầm non Tuổi Thơ.

            Nơi nhận:

                  – Như điều 3;

            – Lưu VT.

                                 HIỆU TRƯỞNG

                                   Lê Thị Thuận

            QUY CHẾ CHUYÊN MÔN

            (Ban hành kèm theo quyết định số 101   /QĐ-MNTT ngày 30 tháng 09  năm 2022 của trường mầm non Tuổi Thơ)

            """.utf8
        ).write(to: file)
        let (result, decision) = try imported(file, unit: "th-an-phuoc", into: fixture)
        #expect(decision.kind == "quyet-dinh")
        #expect(decision.number == "101/QĐ-MNTT")
        #expect(decision.title == "Về việc ban hành quy chế chuyên môn năm học 2022 -2023")
        #expect(decision.letterhead == ["PHÒNG GD& ĐT CƯ KUIN", "TRƯỜNG MN TUỔI THƠ"])
        #expect(decision.signer == "Lê Thị Thuận")
        #expect(decision.recipients == ["Như điều 3;", "Lưu VT."])
        #expect(!decision.body.contains("Hạnh Phúc"))
        #expect(decision.body.contains("## QUY CHẾ CHUYÊN MÔN"))
        #expect(!result.warnings.contains { $0.message.en.contains("could not place") }, "\(result.warnings)")
    }

    /// A district's report printed to PDF (Nga Sơn): its number wrapped in the narrow column
    /// after the date, its subject in capitals over the period it covers, then "PHẦN THỨ NHẤT".
    @Test func aReportWithItsNumberWrappedAndItsPartsNamed() throws {
        let fixture = try portal()
        defer { fixture.remove() }
        let file = fixture.root.appendingPathComponent("bao-cao.txt")
        try Data(
            """
            UBND HUYỆN NGA SƠN

            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

            BAN CHỈ ĐẠO PCGD, XMC

            Độc lập – Tự do – Hạnh phúc

            Số: 255 / BC-BCĐPCGD-

            Nga Sơn, ngày 13 tháng 11 năm 2020

            XMC

            BÁO CÁO
            TÌNH HÌNH THỰC HIỆN VÀ KẾT QUẢ
            PHỔ CẬP GIÁO DỤC, XÓA MÙ CHỮ
            Thời điểm tháng 10 năm 2020
            PHẦN THỨ NHẤT
            QUÁ TRÌNH THỰC HIỆN CÁC MỤC TIÊU
            1. Đặc điểm tình hình
            Nga Sơn là huyện ven biển phía Đông Bắc tỉnh Thanh Hoá. Công tác phổ cập giáo dục, xóa mù chữ được triển khai.

            """.utf8
        ).write(to: file)
        let report = try imported(file, unit: "th-an-phuoc", into: fixture).document
        #expect(report.number == "255/BC-BCĐPCGD-XMC")
        #expect(report.letterhead == ["UBND HUYỆN NGA SƠN", "BAN CHỈ ĐẠO PCGD, XMC"])
        #expect(
            report.title == "Tình hình thực hiện và kết quả phổ cập giáo dục, xóa mù chữ thời điểm tháng 10 năm 2020")
        #expect(report.body.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("PHẦN THỨ NHẤT"))
    }

    /// Two signatures side by side, as Word prints a two-column table to text: minutes (the
    /// secretary left, the chair right) and a joint regulation (the union left, the head right,
    /// one of whose title lines sits alone in its column). The right one is the signer; the
    /// left one stays at the body's end.
    @Test func twoSignaturesSideBySide() throws {
        let fixture = try portal()
        defer { fixture.remove() }
        let layouts: [(text: String, signer: String, title: String, other: String)] = [
            (
                "BIÊN BẢN\nHọp Hội đồng sư phạm tháng 9 năm 2024\n\nVào lúc 14 giờ, tại phòng họp.\n\nCuộc họp kết thúc lúc 16 giờ.\n\nTHƯ KÝ                                      CHỦ TỌA\n\nNguyễn Thị Lan                              Đoàn Văn Thanh Mộng\n",
                "Đoàn Văn Thanh Mộng", "CHỦ TỌA", "**THƯ KÝ** Nguyễn Thị Lan"
            ),
            (
                "QUY CHẾ\nPhối hợp giữa Hiệu trưởng và Ban Chấp hành Công đoàn\n\nCăn cứ Luật Công đoàn năm 2012;\n\nTM. BCH CÔNG ĐOÀN\t\tHIỆU TRƯỞNG\nCHỦ TỊCH\n\n\nLê Văn An\t\tĐoàn Văn Thanh Mộng\n",
                "Đoàn Văn Thanh Mộng", "HIỆU TRƯỞNG", "**TM. BCH CÔNG ĐOÀN** **CHỦ TỊCH** Lê Văn An"
            ),
            (
                "QUY CHẾ\nPhối hợp giữa nhà trường và Công đoàn\n\nCăn cứ Luật Công đoàn năm 2012;\n\nTM. BCH CÔNG ĐOÀN\t\tTM. BAN GIÁM HIỆU\n\t\tHIỆU TRƯỞNG\n\n\nLê Văn An\t\tĐoàn Văn Thanh Mộng\n",
                "Đoàn Văn Thanh Mộng", "TM. BAN GIÁM HIỆU / HIỆU TRƯỞNG", "**TM. BCH CÔNG ĐOÀN** Lê Văn An"
            )
        ]
        for (number, layout) in layouts.enumerated() {
            let file = fixture.root.appendingPathComponent("hai-chu-ky-\(number).txt")
            let header = "TRƯỜNG TIỂU HỌC AN PHƯỚC\nSố: \(number + 12)/THAP\nAn Phước, ngày 20 tháng 9 năm 2024\n\n"
            try Data((header + layout.text).utf8).write(to: file)
            let (result, document) = try imported(file, unit: "th-an-phuoc", into: fixture)
            #expect(document.signer == layout.signer, "layout \(number)")
            #expect(document.signerTitle == layout.title, "layout \(number)")
            #expect(
                document.body.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix(layout.other),
                "layout \(number)")
            #expect(
                !result.warnings.contains { $0.message.en.contains("not in the written file") },
                "layout \(number): \(result.warnings)")
        }
    }

    /// Signatures as schools type them: a title in sentence case, a degree before the name.
    @Test func signingTitlesInAnyCaseAndDegreesBeforeTheName() throws {
        let fixture = try portal()
        defer { fixture.remove() }
        let signatures: [(text: String, signer: String, title: String)] = [
            ("Hiệu trưởng\n\n\nĐoàn Văn Thanh Mộng", "Đoàn Văn Thanh Mộng", "Hiệu trưởng"),
            (
                "KT. Hiệu trưởng\nPhó Hiệu trưởng\n\nĐoàn Văn Thanh Mộng", "Đoàn Văn Thanh Mộng",
                "KT. Hiệu trưởng / Phó Hiệu trưởng"
            ),
            ("HIỆU TRƯỞNG\n\n\nThS. Đoàn Văn Thanh Mộng", "ThS. Đoàn Văn Thanh Mộng", "HIỆU TRƯỞNG"),
            (
                "Nơi nhận:\n- BGH;\n- Lưu: VT.\n\nHIỆU TRƯỞNG\n\nPGS.TS. Đoàn Văn Thanh Mộng",
                "PGS.TS. Đoàn Văn Thanh Mộng", "HIỆU TRƯỞNG"
            ),
            // On behalf of a body, whatever its name.
            (
                "TM. Ban Thường vụ\nChủ tịch\n\nĐoàn Văn Thanh Mộng", "Đoàn Văn Thanh Mộng",
                "TM. Ban Thường vụ / Chủ tịch"
            ),
            (
                "TM. Hội đồng trường\nChủ tịch\n\nĐoàn Văn Thanh Mộng", "Đoàn Văn Thanh Mộng",
                "TM. Hội đồng trường / Chủ tịch"
            )
        ]
        for (number, signature) in signatures.enumerated() {
            let file = fixture.root.appendingPathComponent("chu-ky-\(number).txt")
            try Data(
                "TRƯỜNG TIỂU HỌC AN PHƯỚC\nSố: \(number + 30)/KH-THAP\nAn Phước, ngày 5 tháng 9 năm 2024\n\nKẾ HOẠCH\nTổ chức ngày hội đọc sách \(number)\n\nCăn cứ tình hình thực tế, nhà trường xây dựng kế hoạch.\n\n1. Nâng cao văn hóa đọc.\n\n\(signature.text)\n"
                    .utf8
            ).write(to: file)
            let (result, document) = try imported(file, unit: "th-an-phuoc", into: fixture)
            #expect(document.signer == signature.signer, "signature \(number)")
            #expect(document.signerTitle == signature.title, "signature \(number)")
            #expect(
                !result.warnings.contains { $0.message.en.contains("could not place") },
                "signature \(number): \(result.warnings)")
        }
    }

    /// A type with no kind of its own keeps its name in the title: a letter of invitation, a
    /// list, the commitment Thông tư 09 asks schools to publish.
    @Test func aTypeWithoutAKindLeadsTheTitle() throws {
        let fixture = try portal()
        defer { fixture.remove() }
        let types: [(text: String, title: String)] = [
            ("GIẤY MỜI\nDự hội nghị tổng kết năm học 2023-2024", "Giấy mời dự hội nghị tổng kết năm học 2023-2024"),
            ("DANH SÁCH HỌC SINH ĐƯỢC KHEN THƯỞNG", "Danh sách học sinh được khen thưởng"),
            ("CAM KẾT CHẤT LƯỢNG GIÁO DỤC\nNăm học 2024-2025", "Cam kết chất lượng giáo dục năm học 2024-2025")
        ]
        for (number, type) in types.enumerated() {
            let file = fixture.root.appendingPathComponent("khac-\(number).txt")
            try Data(
                "TRƯỜNG TIỂU HỌC AN PHƯỚC\nSố: \(number + 40)/THAP\nAn Phước, ngày 5 tháng 9 năm 2024\n\n\(type.text)\n\nCăn cứ tình hình thực tế, nhà trường thông báo.\n"
                    .utf8
            ).write(to: file)
            let document = try imported(file, unit: "th-an-phuoc", into: fixture).document
            #expect(document.kind == "khac", "type \(number)")
            #expect(document.title == type.title, "type \(number)")
        }
    }

    @Test func aFewWordsAfterTheTypeNameLeadTheSubjectBelow() throws {
        let fixture = try portal()
        defer { fixture.remove() }
        let types: [(text: String, kind: String, title: String)] = [
            (
                "KẾ HOẠCH LIÊN TỊCH\nPhối hợp giữa nhà trường và Công đoàn", "ke-hoach",
                "Liên tịch phối hợp giữa nhà trường và Công đoàn"
            ),
            ("BÁO CÁO TÓM TẮT\nKết quả tự đánh giá", "bao-cao", "Tóm tắt kết quả tự đánh giá"),
            // The subject under it opens like a sentence and is still the subject.
            (
                "CHƯƠNG TRÌNH HÀNH ĐỘNG\nThực hiện Nghị quyết số 12-NQ/ĐU của Đảng ủy", "chuong-trinh",
                "Hành động thực hiện Nghị quyết số 12-NQ/ĐU của Đảng ủy"
            ),
            ("KẾ HOẠCH LIÊN TỊCH\nUBND xã và nhà trường", "ke-hoach", "Liên tịch UBND xã và nhà trường"),
            // A blank line between: the words after the type are the whole subject.
            (
                "KẾ HOẠCH TUYỂN SINH\n\nThực hiện Công văn số 12/PGDĐT ngày 5/9/2024, nhà trường xây dựng kế hoạch.",
                "ke-hoach", "Tuyển sinh"
            ),
            ("KẾ HOẠCH NĂM HỌC\nCăn cứ Công văn số 12/PGDĐT ngày 5/9/2024;", "ke-hoach", "Năm học")
        ]
        for (number, type) in types.enumerated() {
            let file = fixture.root.appendingPathComponent("loai-\(number).txt")
            try Data(
                "TRƯỜNG TIỂU HỌC AN PHƯỚC\nSố: \(number + 40)/THAP\nAn Phước, ngày 5 tháng 9 năm 2024\n\n\(type.text)\n\nNhà trường thông báo.\n"
                    .utf8
            ).write(to: file)
            let document = try imported(file, unit: "th-an-phuoc", into: fixture).document
            #expect(document.kind == type.kind, "type \(number)")
            #expect(document.title == type.title, "type \(number)")
        }
    }

    /// A Word file that prints its letterhead and type name in capitals with a font style gives
    /// them in the case they were typed in.
    @Test func aHeaderTypedInSentenceCaseOrLetterSpaced() throws {
        let fixture = try portal()
        defer { fixture.remove() }
        func header(_ number: Int) -> String {
            "Phòng GD&ĐT huyện Yên Thành\nTrường tiểu học An Phước\n\nCộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\n\nSố: \(number)/THAP\nAn Phước, ngày 10 tháng 9 năm 2024\n\n"
        }
        let types: [(text: String, kind: String, title: String)] = [
            (
                "Kế hoạch\nTổ chức Hội khỏe Phù Đổng năm học 2024 - 2025", "ke-hoach",
                "Tổ chức Hội khỏe Phù Đổng năm học 2024 - 2025"
            ),
            ("Báo cáo kết quả tuyển sinh năm học 2024 - 2025", "bao-cao", "Kết quả tuyển sinh năm học 2024 - 2025"),
            ("K Ế  H O Ạ C H\nTổ chức ngày hội đọc sách", "ke-hoach", "Tổ chức ngày hội đọc sách")
        ]
        for (number, type) in types.enumerated() {
            let file = fixture.root.appendingPathComponent("thuong-\(number).txt")
            try Data(
                (header(number + 15) + type.text + "\n\nNhà trường thông báo.\n\nHiệu trưởng\n\nNguyễn Văn Minh\n").utf8
            ).write(to: file)
            let document = try imported(file, unit: "th-an-phuoc", into: fixture).document
            #expect(document.kind == type.kind, "type \(number)")
            #expect(document.title == type.title, "type \(number)")
            #expect(
                document.letterhead == ["Phòng GD&ĐT huyện Yên Thành", "Trường tiểu học An Phước"], "type \(number)")
            #expect(document.signer == "Nguyễn Văn Minh", "type \(number)")
        }
        // A decision's authority under its subject, in sentence case, opens the body.
        let decision = fixture.root.appendingPathComponent("quyet-dinh.txt")
        try Data(
            (header(31)
                + "Quyết định\nVề việc thành lập tổ chuyên môn năm học 2024 - 2025\nHiệu trưởng trường tiểu học An Phước\n\nCăn cứ Thông tư số 28/2020/TT-BGDĐT;\n\nHiệu trưởng\n\nNguyễn Văn Minh\n")
                .utf8
        ).write(to: decision)
        let decided = try imported(decision, unit: "th-an-phuoc", into: fixture).document
        #expect(decided.kind == "quyet-dinh")
        #expect(decided.title == "Về việc thành lập tổ chuyên môn năm học 2024 - 2025")
        // A sentence about a plan is no type line.
        let sentence = fixture.root.appendingPathComponent("cau.txt")
        try Data(
            (header(30) + "Kế hoạch này được xây dựng để tổ chức tốt ngày hội.\n\nHiệu trưởng\n\nNguyễn Văn Minh\n")
                .utf8
        ).write(to: sentence)
        #expect(
            try imported(sentence, unit: "th-an-phuoc", into: fixture).document.title
                != "Này được xây dựng để tổ chức tốt ngày hội.")
    }

    /// The Bộ's draft guidance for kindergartens (2007) as its web page prints it: "Số:" and a
    /// blank number far apart, the V/v subject over three lines, the date, then "Dự thảo".
    @Test func aDraftCongVanWithItsNumberApart() throws {
        let fixture = try portal()
        defer { fixture.remove() }
        let file = fixture.root.appendingPathComponent("cong-van.txt")
        try Data(
            """
             BỘ GIÁO DỤC VÀ ĐÀO TẠO
              Số:    /BGDĐT- GDMN
            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                            Độc lập – Tự do – Hạnh phúc
             V/v: Hướng dẫn thực hiện nhiệm vụ
            Năm học 2007- 2008
            bậc học Mầm non
             Hà Nội, ngày 10 tháng 8 năm 2007

            Dự thảo

            Kính gửi: Các sở giáo dục – đào tạo

            """.utf8
        ).write(to: file)
        let letter = try imported(file, unit: "th-an-phuoc", into: fixture).document
        #expect(letter.number == "/BGDĐT-GDMN")
        #expect(letter.letterhead == ["BỘ GIÁO DỤC VÀ ĐÀO TẠO"])
        #expect(letter.title == "Hướng dẫn thực hiện nhiệm vụ năm học 2007- 2008 bậc học Mầm non")
        #expect(letter.issued?.iso == "2007-08-10")
        #expect(letter.body.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("Dự thảo"))
    }

    /// A Thông tư 36 form as schools publish it: the form's label and the Thông tư it belongs to
    /// above the letterhead, a table typed as Markdown without outer bars, the place and date
    /// right above the signature.
    @Test func aFormWithItsTableAndItsDateAboveTheSignature() throws {
        let fixture = try portal()
        defer { fixture.remove() }
        let file = fixture.root.appendingPathComponent("bieu-mau.txt")
        try Data(
            """
            Biểu mẫu 09

            (Kèm theo Thông tư số 36/2017/TT-BGDĐT ngày 28 tháng 12 năm 2017 của Bộ Giáo dục và Đào tạo)

            PHÒNG GD&ĐT TÂN HỒNG
            TRƯỜNG TIỂU HỌC AN PHƯỚC

            THÔNG BÁO

            Cam kết chất lượng giáo dục của trường tiểu học, năm học 2023-2024

            STT | Nội dung | Chia theo khối lớp
            --- | --- | ---
            I | Điều kiện tuyển sinh | Trẻ sáu tuổi
            II | Chương trình giáo dục | Chương trình GDPT 2018

            An Phước, ngày 15 tháng 9 năm 2023

            HIỆU TRƯỞNG

            Đoàn Văn Thanh Mộng

            """.utf8
        ).write(to: file)
        let (formResult, form) = try imported(file, unit: "th-an-phuoc", into: fixture)
        // The form's label and its Thông tư open the body as printed, with no warning.
        #expect(form.body.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("Biểu mẫu 09"))
        #expect(!formResult.warnings.contains { $0.message.en.contains("could not place") }, "\(formResult.warnings)")
        // The Thông tư is what the form belongs to, not the document's number.
        #expect(form.number == nil)
        #expect(form.kind == "thong-bao")
        #expect(form.issued?.iso == "2023-09-15")
        #expect(form.place == "An Phước")
        #expect(form.signer == "Đoàn Văn Thanh Mộng")
        #expect(
            form.body.contains(
                "| STT | Nội dung | Chia theo khối lớp |\n| --- | --- | --- |\n| I | Điều kiện tuyển sinh | Trẻ sáu tuổi |"
            ))
        #expect(!form.body.contains("ngày 15 tháng 9"))
        // A plan citing "ban hành kèm theo Thông tư số ..." takes no number from it either.
        let plan = fixture.root.appendingPathComponent("ke-hoach.txt")
        try Data(
            "KẾ HOẠCH\nDạy học năm học 2024-2025\n\nCăn cứ Điều lệ trường tiểu học ban hành kèm theo Thông tư số 28/2020/TT-BGDĐT ngày 04/9/2020;\n"
                .utf8
        ).write(to: plan)
        #expect(try imported(plan, unit: "th-an-phuoc", into: fixture).document.number == nil)
        // A sentence that ends with a date, last before the signature, is no place and date.
        let minutes = fixture.root.appendingPathComponent("bien-ban.txt")
        try Data(
            "BIÊN BẢN\nHọp hội đồng\n\nNội dung họp.\n\nCuộc họp kết thúc lúc 16 giờ 30 phút ngày 20 tháng 9 năm 2024\n\nCHỦ TỌA\n\nĐoàn Văn Thanh Mộng\n"
                .utf8
        ).write(to: minutes)
        let options = Importer.Options(portal: fixture.root, unitID: "th-an-phuoc", schoolYear: "2024-2025")
        let written = try load(try Importer(options: options).importFile(minutes).written, portal: fixture)
        #expect(written.issued == nil && written.place == nil)
        // --school-year files what says no year; a dated document goes by its date.
        #expect(written.schoolYear == "2024-2025")
        let dated = fixture.root.appendingPathComponent("thong-bao.txt")
        try Data(
            "TRƯỜNG TIỂU HỌC AN PHƯỚC\nSố: 50/TB-THAP\nAn Phước, ngày 15 tháng 10 năm 2022\n\nTHÔNG BÁO\nLịch họp phụ huynh\n\nNhà trường thông báo lịch họp.\n"
                .utf8
        ).write(to: dated)
        #expect(
            try load(try Importer(options: options).importFile(dated).written, portal: fixture).schoolYear
                == "2022-2023")
    }

    /// Two files of one run with the same subject are two documents; a file imported again in a
    /// later run is refused, not written twice.
    @Test func twoFilesWithOneSubjectInOneRun() throws {
        let fixture = try portal()
        defer { fixture.remove() }
        let importer = Importer(options: .init(portal: fixture.root, unitID: "th-an-phuoc"))
        var written = Set<URL>()
        for number in 1...2 {
            let file = fixture.root.appendingPathComponent("quy-che-\(number).txt")
            try Data(
                "TRƯỜNG TIỂU HỌC AN PHƯỚC\nSố: \(number)/QC-THAP\nAn Phước, ngày 5 tháng 9 năm 2024\n\nQUY CHẾ\nPhối hợp với Công đoàn\n\nĐiều 1. Phạm vi.\n"
                    .utf8
            ).write(to: file)
            written.insert(try importer.importFile(file, written: written).written)
        }
        #expect(
            Set(written.map(\.lastPathComponent)) == [
                "quy-che-phoi-hop-voi-cong-doan.md", "quy-che-phoi-hop-voi-cong-doan-2.md"
            ])
        #expect(throws: Importer.Failure.self) {
            try importer.importFile(fixture.root.appendingPathComponent("quy-che-1.txt"))
        }
    }

    /// Layouts of a Sở's công văn and a province's decision, as text copied from the web: the
    /// date after the V/v subject (and the motto, in the Bộ's layout), the deciding authority under the subject, a header table's
    /// row with its cells between bars.
    @Test func aCongVanAndADecisionCopiedAsText() throws {
        let fixture = try portal()
        defer { fixture.remove() }
        let letter = fixture.root.appendingPathComponent("cong-van.txt")
        try Data(
            """
            UBND THÀNH PHỐ HÀ NỘI
            SỞ GIÁO DỤC VÀ ĐÀO TẠO

            Số: 2928/SGDĐT-KHTC

            V/v hướng dẫn tăng cường công tác quản lý thu chi năm học 2022-2023

            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

            Độc lập - Tự do - Hạnh phúc

            ________________________

            Hà Nội, ngày 21 tháng 9 năm 2022

            Kính gửi: Các cơ sở giáo dục trực thuộc Sở.

            Sở Giáo dục và Đào tạo đề nghị các đơn vị thực hiện như sau.

            """.utf8
        ).write(to: letter)
        let (letterResult, congVan) = try imported(letter, unit: "th-an-phuoc", into: fixture)
        #expect(congVan.kind == "cong-van")
        #expect(congVan.title == "Hướng dẫn tăng cường công tác quản lý thu chi năm học 2022-2023")
        #expect(congVan.issued?.iso == "2022-09-21")
        #expect(congVan.place == "Hà Nội")
        #expect(!congVan.body.contains("ngày 21 tháng 9"))
        #expect(
            !letterResult.warnings.contains { $0.message.en.contains("not in the written file") },
            "\(letterResult.warnings)")

        // Columns side by side, the V/v subject wrapped over a blank line (a Phòng's công văn).
        let wrapped = fixture.root.appendingPathComponent("cong-van-2.txt")
        try Data(
            """
             UBND HUYỆN THANH CHƯƠNG           CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
            PHÒNG GIÁO DỤC VÀ ĐÀO TẠO                        Độc lập - Tự do - Hạnh phúc
              Số:   278/PGD&ĐT-THCS                              Thanh Chương, ngày 09 tháng 9 năm 2014

                V/v Hướng dẫn thực hiện nhiệm vụ

            Giáo dục trung học năm học 2014-2015

            Kính gửi: Hiệu trưởng các trường Trung học cơ sở

            Phòng Giáo dục và Đào tạo hướng dẫn như sau.

            """.utf8
        ).write(to: wrapped)
        let wrappedVv = try imported(wrapped, unit: "th-an-phuoc", into: fixture).document
        #expect(wrappedVv.title == "Hướng dẫn thực hiện nhiệm vụ Giáo dục trung học năm học 2014-2015")
        #expect(wrappedVv.number == "278/PGD&ĐT-THCS")
        #expect(wrappedVv.issued?.iso == "2014-09-09")
        #expect(wrappedVv.body.contains("Kính gửi: Hiệu trưởng"))

        let decision = fixture.root.appendingPathComponent("quyet-dinh.txt")
        try Data(
            """
            ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
            Số: 232/QĐ-UBND | Ninh Bình, ngày 12 tháng 4 năm 2019 |
            QUYẾT ĐỊNH
            VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA SỞ GIÁO DỤC VÀ ĐÀO TẠO
            CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NINH BÌNH
            Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;
            Xét đề nghị của Giám đốc Sở Giáo dục và Đào tạo,
            QUYẾT ĐỊNH:
            Điều 1. Công bố Danh mục thủ tục hành chính.

            """.utf8
        ).write(to: decision)
        let quyetDinh = try imported(decision, unit: "th-an-phuoc", into: fixture).document
        #expect(quyetDinh.kind == "quyet-dinh")
        // The subject in capitals, in sentence case as the body writes its words ("Danh mục" too).
        #expect(
            quyetDinh.title
                == "Về việc công bố Danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của Sở Giáo dục và Đào tạo")
        #expect(quyetDinh.number == "232/QĐ-UBND")
        #expect(quyetDinh.issued?.iso == "2019-04-12")
        #expect(quyetDinh.place == "Ninh Bình")
        #expect(quyetDinh.letterhead == ["ỦY BAN NHÂN DÂN"])
        // Who decides stays in the body, above the bases.
        #expect(
            quyetDinh.body.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix(
                "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NINH BÌNH"))
    }

    /// A copy's note of the signature, "(Đã ký)", between the signing title and the name, beside
    /// "Nơi nhận" in columns or alone under the title.
    @Test func theSignatureNoteIsNeitherSignerNorBody() throws {
        let fixture = try portal()
        defer { fixture.remove() }
        let head =
            "TRƯỜNG TIỂU HỌC AN PHƯỚC\nSố: 45/BC-THAP\nAn Phước, ngày 20 tháng 12 năm 2024\n\nBÁO CÁO\nSơ kết học kỳ I\n\nI. KẾT QUẢ\n- Tổng số lớp: 15.\n\n"
        let footers = [
            "Nơi nhận:\t\t\t\t\tKT. HIỆU TRƯỞNG\n- Phòng GDĐT (b/c);\t\t\t\tPHÓ HIỆU TRƯỞNG\n- Lưu: VT.\n\t\t\t\t\t\t\t(Đã ký)\n\n\t\t\t\t\t\t\tNguyễn Thị Bích Ngọc\n",
            "KT. HIỆU TRƯỞNG\nPHÓ HIỆU TRƯỞNG\n(Ký, ghi rõ họ tên, đóng dấu)\nNguyễn Thị Bích Ngọc\n"
        ]
        for (number, footer) in footers.enumerated() {
            let file = fixture.root.appendingPathComponent("bao-cao-\(number).txt")
            try Data((head + footer).utf8).write(to: file)
            let options = Importer.Options(portal: fixture.root, unitID: "th-an-phuoc", force: true)
            let result = try Importer(options: options).importFile(file)
            let document = try load(result.written, portal: fixture)
            #expect(document.signer == "Nguyễn Thị Bích Ngọc", "footer \(number)")
            #expect(document.signerTitle == "KT. HIỆU TRƯỞNG / PHÓ HIỆU TRƯỞNG", "footer \(number)")
            #expect(!document.body.contains("ký"), "footer \(number)")
            #expect(result.warnings.isEmpty, "footer \(number): \(result.warnings)")
        }
    }

    /// Text from a PDF breaks lines mid-sentence; a line ending on "về việc" goes on even when
    /// the next opens with a capital, as a subject does. A section after it stays a section.
    @Test func aLineEndingOnALinkingWordGoesOn() throws {
        let fixture = try portal()
        defer { fixture.remove() }
        let file = fixture.root.appendingPathComponent("pdf-text.txt")
        try Data(
            """
            TRƯỜNG TIỂU HỌC AN PHƯỚC
            Số: 19/KH-THAP
            An Phước, ngày 29 tháng 8 năm 2024

            KẾ HOẠCH
            Giáo dục nhà trường

            Công văn số 3535/BGDĐT-GDTH, ngày 19 tháng 8 năm 2019 của Bộ Giáo dục và Đào tạo về việc
            Hướng dẫn thực hiện nội dung hoạt động trải nghiệm cấp Tiểu học trong chương trình giáo dục phổ
            thông năm 2018;
            Trường thực hiện các nội dung của
            II. MỤC TIÊU
            - Nâng cao chất lượng.

            """.utf8
        ).write(to: file)
        let document = try imported(file, unit: "th-an-phuoc", into: fixture).document
        #expect(
            document.body.contains(
                "về việc Hướng dẫn thực hiện nội dung hoạt động trải nghiệm cấp Tiểu học trong chương trình giáo dục phổ thông năm 2018;"
            ))
        #expect(document.body.contains("## II. MỤC TIÊU"))
        let citation = try #require(MarkdownRenderer().render(document.body).citations.first)
        #expect(citation.subject?.hasPrefix("Hướng dẫn thực hiện nội dung") == true)
    }

    @Test func docxWithHeaderTableListsBoldAndATable() throws {
        let fixture = try portal()
        defer { fixture.remove() }
        let file = fixture.root.appendingPathComponent("ke-hoach.docx")
        try DocxFixture.write(
            to: file,
            body: """
                <w:tbl><w:tr><w:tc>\(DocxFixture.p("PHÒNG GD&ĐT TÂN HỒNG"))\(DocxFixture.p("TRƯỜNG TIỂU HỌC AN PHƯỚC", bold: true))\(DocxFixture.p("Số: 20/KH-THAP"))</w:tc>
                <w:tc>\(DocxFixture.p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true))\(DocxFixture.p("Độc lập - Tự do - Hạnh phúc"))\(DocxFixture.p("An Phước, ngày 02 tháng 10 năm 2024"))</w:tc></w:tr></w:tbl>
                \(DocxFixture.p("KẾ HOẠCH", bold: true))\(DocxFixture.p("Kiểm tra nội bộ năm học 2024-2025", bold: true))
                \(DocxFixture.p("Căn cứ Kế hoạch số 135/KH-UBND ngày 09/4/2024 của Ủy ban nhân dân huyện Tân Hồng;"))
                \(DocxFixture.p("I. MỤC ĐÍCH, YÊU CẦU", bold: true))
                \(DocxFixture.p("Kiểm tra toàn diện giáo viên.", list: true))\(DocxFixture.p("Đánh giá đúng thực chất.", list: true))
                <w:tbl><w:tr><w:tc>\(DocxFixture.p("Tháng"))</w:tc><w:tc>\(DocxFixture.p("Nội dung"))</w:tc><w:tc>\(DocxFixture.p("Người thực hiện"))</w:tc></w:tr>
                <w:tr><w:tc>\(DocxFixture.p("10"))</w:tc><w:tc>\(DocxFixture.p("Kiểm tra hồ sơ"))</w:tc><w:tc>\(DocxFixture.p("Ban giám hiệu"))</w:tc></w:tr></w:tbl>
                <w:tbl><w:tr><w:tc>\(DocxFixture.p("Nơi nhận:", bold: true))\(DocxFixture.p("- PGD&ĐT (b/c);"))\(DocxFixture.p("- Lưu: VT."))</w:tc>
                <w:tc>\(DocxFixture.p("HIỆU TRƯỞNG", bold: true))\(DocxFixture.p("Đoàn Văn Thanh Mộng", bold: true))</w:tc></w:tr></w:tbl>
                """)
        let (result, document) = try imported(file, unit: "th-an-phuoc", into: fixture)
        #expect(document.number == "20/KH-THAP")
        #expect(document.place == "An Phước")
        #expect(document.issued?.iso == "2024-10-02")
        #expect(document.kind == "ke-hoach")
        #expect(document.title == "Kiểm tra nội bộ năm học 2024-2025")
        #expect(document.signer == "Đoàn Văn Thanh Mộng")
        #expect(document.signerTitle == "HIỆU TRƯỞNG")
        #expect(document.recipients == ["PGD&ĐT (b/c);", "Lưu: VT."])
        #expect(document.attachments == ["ke-hoach-kiem-tra-noi-bo-nam-hoc-2024-2025.docx"])
        #expect(
            FileManager.default.fileExists(
                atPath: result.written.deletingLastPathComponent().appendingPathComponent(document.attachments[0]).path)
        )
        let html = MarkdownRenderer().render(document.body).html
        #expect(html.contains("<h2 id=\"muc-i-muc-dich-yeu-cau\">I. MỤC ĐÍCH, YÊU CẦU</h2>"))
        #expect(html.contains("<li>Kiểm tra toàn diện giáo viên.</li>"))
        #expect(html.contains("<th>Người thực hiện</th>") && html.contains("<td>Kiểm tra hồ sơ</td>"))
        #expect(
            result.warnings.filter { $0.message.en.contains("not in the written file") }.isEmpty, "\(result.warnings)")
    }

    @Test func pdfWithATextLayerAndAScanWithout() throws {
        let fixture = try portal()
        defer { fixture.remove() }
        let html = fixture.root.appendingPathComponent("bao-cao.html")
        try Data(
            """
            <html><head><meta charset="utf-8"></head><body style="font-family:serif">
            <table style="width:100%"><tr><td style="text-align:center">UBND HUYỆN TÂN HỒNG<br><b>TRƯỜNG TIỂU HỌC TÂN THÀNH A1</b><br>Số: 31/BC-THTTA1</td>
            <td style="text-align:center"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br>Độc lập - Tự do - Hạnh phúc<br><i>Tân Hồng, ngày 20 tháng 12 năm 2024</i></td></tr></table>
            <p style="text-align:center"><b>BÁO CÁO</b><br><b>Sơ kết học kỳ I năm học 2024-2025</b></p>
            <p>Thực hiện Công văn số 764/UBND-HC ngày 28 tháng 5 năm 2024 của Ủy ban nhân dân huyện Tân Hồng về việc báo cáo kết quả thực hiện công tác dân vận, nhà trường báo cáo như sau:</p>
            <p><b>I. KẾT QUẢ</b></p><p>- Tỷ lệ học sinh chuyên cần đạt 99%.</p>
            <table style="width:100%"><tr><td><b>Nơi nhận:</b><br>- Phòng GDĐT;<br>- Lưu: VT.</td><td style="text-align:center"><b>HIỆU TRƯỞNG</b><br><br><br>Trần Tấn Phước</td></tr></table>
            </body></html>
            """.utf8
        ).write(to: html)
        let pdf = fixture.root.appendingPathComponent("bao-cao.pdf")
        try Chromium.printToPDF(html, pdf)
        let result = try Importer(options: .init(portal: fixture.root, unitID: "th-tan-thanh-a1")).importFile(pdf)
        let document = try load(result.written, portal: fixture)
        #expect(document.number == "31/BC-THTTA1")
        #expect(document.issued?.iso == "2024-12-20")
        #expect(document.kind == "bao-cao")
        #expect(document.title == "Sơ kết học kỳ I năm học 2024-2025")
        #expect(document.signer == "Trần Tấn Phước")
        #expect(document.signerTitle == "HIỆU TRƯỞNG")
        #expect(document.recipients == ["Phòng GDĐT;", "Lưu: VT."])
        // The sentence pdftotext broke over two lines is one paragraph again.
        #expect(document.body.contains("báo cáo kết quả thực hiện công tác dân vận, nhà trường báo cáo như sau:"))
        #expect(document.attachments == ["bao-cao-so-ket-hoc-ky-i-nam-hoc-2024-2025.pdf"])

        // A page with no text at all, as a scan is to pdftotext.
        try Data("<html><body><div style='width:200px;height:200px;background:#000'></div></body></html>".utf8).write(
            to: html)
        let scan = fixture.root.appendingPathComponent("scan.pdf")
        try Chromium.printToPDF(html, scan)
        do {
            _ = try Importer(options: .init(portal: fixture.root, unitID: "th-tan-thanh-a1")).importFile(scan)
            Issue.record("a PDF without text must be refused")
        } catch {
            #expect(error.message.vi.contains("không có lớp chữ"))
        }
    }
}

/// Writes a minimal .docx: the parts Word needs, document.xml with the given body.
enum DocxFixture {
    static func p(_ text: String, bold: Bool = false, list: Bool = false) -> String {
        let properties = list ? "<w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>" : ""
        let run = bold ? "<w:rPr><w:b/></w:rPr>" : ""
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        return "<w:p>\(properties)<w:r>\(run)<w:t xml:space=\"preserve\">\(escaped)</w:t></w:r></w:p>"
    }

    static func write(to url: URL, body: String) throws {
        let archive = try Archive(url: url, accessMode: .create)
        let parts: [(String, String)] = [
            (
                "[Content_Types].xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
                """
            ),
            (
                "_rels/.rels",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
                """
            ),
            (
                "word/document.xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)</w:body></w:document>
                """
            )
        ]
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }
}
