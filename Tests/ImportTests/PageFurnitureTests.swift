import Foundation
import TestSupport
import Testing

@testable import Import

/// Running headers, footers and page numbers are left out only with evidence that they are
/// page furniture; every other repeated line is text, and is kept.
@Suite struct PageFurnitureTests {
    func portal() throws -> PortalFixture {
        let fixture = try PortalFixture()
        try fixture.unit("th-an-phuoc", name: "Trường Tiểu học An Phước")
        return fixture
    }

    func lostWords(_ result: Importer.Result) -> [ImportWarning] {
        result.warnings.filter { $0.message.en.contains("not in the written file") }
    }

    /// Issue 28's case: list items wrapped at the printed width end with the same line, which
    /// goes on with the sentence above it. Nothing marks a page: all three are kept.
    @Test func aWrappedLineThatRepeatsIsText() throws {
        let fixture = try portal()
        defer { fixture.remove() }
        let file = fixture.root.appendingPathComponent("lap-lai.txt")
        try Data(
            """
            KẾ HOẠCH
            Thử nghiệm

            - Mục 1: lồng ghép vào các Hội nghị, Họp Hội đồng sư phạm
            và các phiên họp định kỳ, thực hiện công tác chuyên môn.

            - Mục 2: lồng ghép vào các Hội nghị, Họp Hội đồng sư phạm
            và các phiên họp định kỳ, thực hiện công tác chuyên môn.

            - Mục 3: lồng ghép vào các Hội nghị, Họp Hội đồng sư phạm
            và các phiên họp định kỳ, thực hiện công tác chuyên môn.

            """.utf8
        ).write(to: file)
        let result = try Importer(options: .init(portal: fixture.root, unitID: "th-an-phuoc", schoolYear: "2024-2025"))
            .importFile(file)
        let body = try String(contentsOf: result.written, encoding: .utf8)
        for item in 1...3 {
            #expect(
                body.contains(
                    "- Mục \(item): lồng ghép vào các Hội nghị, Họp Hội đồng sư phạm và các phiên họp định kỳ, thực hiện công tác chuyên môn."
                ), "item \(item)")
        }
        #expect(lostWords(result).isEmpty, "\(result.warnings)")
        #expect(!result.warnings.contains { $0.message.en.contains("running header") })
    }

    /// A line repeated in the running text, away from every page's edge, stays; the same line
    /// at the top of each page after a form feed goes, and the report says so.
    @Test func onlyTheLinesAtAPagesEdgeAreFurniture() {
        var text = "BÁO CÁO\nKết quả\n"
        for page in 1...3 {
            if page > 1 { text += "\u{0C}Báo cáo kết quả học kỳ I\n\n" }
            for line in 1...10 {
                text += "Nội dung \(page).\(line) của báo cáo được trình bày đầy đủ.\n"
                if line == 4 || line == 7 { text += "Tổ chức dạy học theo kế hoạch.\n" }
            }
            text += "Các tổ chuyên môn thực hiện nghiêm túc \(page).\n\n"
            text += "Trang \(page)\n"
        }
        let lines = SourceLine.lines(of: text, splitCells: false)
        let furniture = PageFurniture(lines)
        let kept = furniture.kept.map(\.plain)
        #expect(kept.filter { $0 == "Tổ chức dạy học theo kế hoạch." }.count == 6)
        #expect(!kept.contains("Báo cáo kết quả học kỳ I"))
        #expect(!kept.contains { $0.hasPrefix("Trang ") })
        #expect(furniture.removed.filter { $0.kind == .runningLine }.count == 1)
        let header = furniture.removed.first { $0.kind == .runningLine }
        #expect(header?.text == "Báo cáo kết quả học kỳ I")
        #expect(header?.lines.count == 2)
        #expect(furniture.removed.first { $0.kind == .pageNumber }?.lines.count == 3)
    }

    /// Without form feeds (a PDF viewer's copy) page numbers in a run mark the pages; a number
    /// alone in the text ("12" in a list of figures) is no page number, nor is a line that goes
    /// on with the sentence above it at a page's edge.
    @Test func pageNumbersInARunMarkThePages() {
        var text = "KẾ HOẠCH\nThử nghiệm\n12\n"
        for page in 2...4 {
            for line in 1...14 { text += "Hoạt động \(page).\(line) được tổ chức theo đúng kế hoạch.\n" }
            text += "Các lớp thực hiện đầy đủ \(page) nội dung của\n"
            text += "\(page)\n"
            text += "KẾ HOẠCH THỬ NGHIỆM NĂM HỌC 2024-2025\n"
            text += "kế hoạch đã đề ra.\n"
        }
        let furniture = PageFurniture(SourceLine.lines(of: text, splitCells: false))
        let kept = furniture.kept.map(\.plain)
        #expect(kept.contains("12"))
        #expect(!kept.contains("3") && !kept.contains("4"))
        #expect(!kept.contains("KẾ HOẠCH THỬ NGHIỆM NĂM HỌC 2024-2025"))
        // Below the header, the sentence of the page before goes on: it is kept each time.
        #expect(kept.filter { $0 == "kế hoạch đã đề ra." }.count == 3)
    }

    /// A real multi-page PDF whose print layout repeats a header and numbers its pages
    /// (CSS page-margin boxes, printed by chromium): the header and the page numbers are gone,
    /// reported, and every line of the text is kept.
    @Test func aPrintedPDFLosesItsRunningHeaderAndPageNumbers() throws {
        let fixture = try portal()
        defer { fixture.remove() }
        let items = (1...45).map {
            "<p>- Nội dung \($0): tổ chức các hoạt động giáo dục theo kế hoạch của nhà trường, bảo đảm chất lượng và hiệu quả trong từng tháng của năm học.</p>"
        }
        let html = fixture.root.appendingPathComponent("ke-hoach.html")
        try Data(
            """
            <html><head><meta charset="utf-8"><style>
            @page { size: A4; margin: 2cm 2cm 2cm 3cm;
              @top-center { content: "Trường Tiểu học An Phước – Kế hoạch giáo dục năm học 2024-2025"; font-size: 10pt }
              @bottom-center { content: counter(page); font-size: 10pt } }
            body { font-family: serif; font-size: 13pt }
            </style></head><body>
            <table style="width:100%"><tr><td style="text-align:center"><b>TRƯỜNG TIỂU HỌC AN PHƯỚC</b><br>Số: 19/KH-THAP</td>
            <td style="text-align:center"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br>Độc lập - Tự do - Hạnh phúc<br><i>An Phước, ngày 29 tháng 8 năm 2024</i></td></tr></table>
            <p style="text-align:center"><b>KẾ HOẠCH</b><br><b>Giáo dục nhà trường năm học 2024-2025</b></p>
            <p><b>I. NỘI DUNG</b></p>
            \(items.joined(separator: "\n"))
            <table style="width:100%"><tr><td><b>Nơi nhận:</b><br>- Phòng GDĐT;<br>- Lưu: VT.</td><td style="text-align:center"><b>HIỆU TRƯỞNG</b><br><br><br>Đoàn Văn Thanh Mộng</td></tr></table>
            </body></html>
            """.utf8
        ).write(to: html)
        let pdf = fixture.root.appendingPathComponent("ke-hoach.pdf")
        try Chromium.printToPDF(html, pdf)
        let result = try Importer(options: .init(portal: fixture.root, unitID: "th-an-phuoc")).importFile(pdf)
        let body = try String(contentsOf: result.written, encoding: .utf8)
        #expect(!body.contains("Trường Tiểu học An Phước – Kế hoạch"))
        #expect(
            body.components(separatedBy: "\n").filter { Int($0.trimmingCharacters(in: .whitespaces)) != nil }.isEmpty)
        for item in 1...45 {
            #expect(body.contains("- Nội dung \(item): tổ chức các hoạt động giáo dục"), "item \(item)")
        }
        #expect(result.document.title == "Giáo dục nhà trường năm học 2024-2025")
        #expect(result.document.signer == "Đoàn Văn Thanh Mộng")
        let header = try #require(result.warnings.first { $0.message.en.contains("running header") })
        let pages = try #require(result.warnings.first { $0.message.en.contains("page numbers") })
        #expect(header.message.vi.contains("“Trường Tiểu học An Phước – Kế hoạch giáo dục năm học 2024-2025” lặp lại"))
        #expect(pages.message.vi.hasPrefix("đã bỏ "))
        #expect(lostWords(result).isEmpty, "\(result.warnings)")
    }

    /// A table copied a cell a line, as a PDF viewer copies it: its numbers are no page numbers
    /// and its repeated cells ("Tốt", "Đạt") are no running lines.
    @Test func aTableCopiedACellALineKeepsEveryCell() {
        var text = "BÁO CÁO\nCơ sở vật chất\n\nSTT\nHạng mục\nSố lượng\nTình trạng\n"
        let rows = [
            ("Phòng học", 12, "Tốt"), ("Phòng bộ môn", 3, "Tốt"), ("Thư viện", 1, "Đạt"), ("Phòng y tế", 1, "Đạt"),
            ("Nhà vệ sinh", 8, "Tốt"), ("Sân chơi", 2, "Đạt"), ("Phòng tin học", 2, "Tốt"), ("Phòng âm nhạc", 1, "Đạt")
        ]
        for (number, row) in rows.enumerated() { text += "\(number + 1)\n\(row.0)\n\(row.1)\n\(row.2)\n" }
        let furniture = PageFurniture(SourceLine.lines(of: text, splitCells: false))
        #expect(furniture.removed.isEmpty)
        #expect(furniture.kept.filter { !$0.isBlank }.count == 6 + rows.count * 4)
    }
}
