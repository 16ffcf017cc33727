import Foundation
import TestSupport
import Testing

@testable import CongKhai
@testable import VietText

/// Builds the repository's example portal (the five seed documents) and checks the site.
@Suite(.serialized) struct ExamplePortalTests {
    static func buildExample() throws -> (output: URL, report: BuildReport) {
        let output = try TestPaths.temporaryFolder().appendingPathComponent("public")
        let report = try Builder(options: BuildOptions(source: TestPaths.repository, output: output)).build()
        return (output, report)
    }

    func read(_ output: URL, _ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func everySeedDocumentPageHoldsItsRecord() throws {
        let (output, report) = try Self.buildExample()
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        #expect(report.documents == 5)
        #expect(report.units == 5)
        let expectations: [(String, [String])] = [
            (
                "don-vi/thpt-toan-thang/2022-2023/ke-hoach-cong-tac-dan-van-nam-2023/index.html",
                [
                    "Thực hiện công tác dân vận năm 2023", "Cao Văn Sửu", "HIỆU TRƯỞNG",
                    "Tạo sự chuyển biến rõ nét, thực chất mối quan hệ giữa nhà trường với người dân"
                ]
            ),
            (
                "don-vi/phong-gddt-binh-son/2021-2022/ke-hoach-nang-cao-hieu-qua-cong-tac-dan-van/index.html",
                [
                    "Nâng cao hiệu quả công tác dân vận trong ngành giáo dục và đào tạo huyện Bình Sơn trong tình hình mới",
                    "Phạm Thanh Lương", "KT. TRƯỞNG PHÒNG", "ngày 12 tháng 4 năm 2022",
                    "Báo cáo năm gửi trước ngày 30/10/2022."
                ]
            ),
            (
                "don-vi/th-tan-thanh-a1/2023-2024/bao-cao-dan-van-6-thang-dau-nam-2024/index.html",
                [
                    "Kết quả thực hiện công tác dân vận ở đơn vị 06 tháng đầu năm 2024", "/BC-THTTA1", "Trần Tấn Phước",
                    "ngày 31 tháng 5 năm 2024",
                    "Học sinh tham gia các phong trào, Hội thi cấp Huyện đạt thành tích cao."
                ]
            ),
            (
                "don-vi/th-an-phuoc/2023-2024/ke-hoach-dan-van-chinh-quyen-nam-2024/index.html",
                [
                    "Thực hiện công tác Dân vận chính quyền năm 2024", "/KH-THAP", "Đoàn Văn Thanh Mộng",
                    "Phân công giáo viên giảng dạy ở các khối lớp đảm bảo công bằng khách quan.", "DANH MỤC VĂN BẢN"
                ]
            ),
            (
                "don-vi/cong-doan-giao-duc-ha-noi/2019-2020/ke-hoach-nam-dan-van-kheo-2020/index.html",
                [
                    "Thực hiện “Năm dân vận khéo” 2020", "08/KH-CĐGD", "Trần Thị Thu Hà", "TM. BAN THƯỜNG VỤ",
                    "Nơi nhận", "CĐCS trực thuộc;"
                ]
            )
        ]
        for (path, needles) in expectations {
            let html = try read(output, path)
            #expect(html.contains("<html lang=\"vi\">"))
            for needle in needles {
                #expect(html.contains(needle), "\(path) lacks “\(needle)”")
            }
        }
    }

    @Test func unitPagesAndListingsLinkTheirDocuments() throws {
        let (output, _) = try Self.buildExample()
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let unit = try read(output, "don-vi/th-an-phuoc/index.html")
        #expect(
            unit.contains(
                "href=\"../../don-vi/th-an-phuoc/2023-2024/ke-hoach-dan-van-chinh-quyen-nam-2024/index.html\""))
        #expect(unit.contains("Tân Hồng") && unit.contains("Đồng Tháp"))
        let year = try read(output, "cong-khai/nam-hoc/2023-2024/index.html")
        #expect(year.contains("bao-cao-dan-van-6-thang-dau-nam-2024/index.html"))
        #expect(year.contains("ke-hoach-dan-van-chinh-quyen-nam-2024/index.html"))
        #expect(!year.contains("ke-hoach-nam-dan-van-kheo-2020"))
        // Newest first: the report of 31/05/2024 before the undated plan of the same year.
        let report = try #require(year.range(of: "bao-cao-dan-van-6-thang-dau-nam-2024"))
        let plan = try #require(year.range(of: "ke-hoach-dan-van-chinh-quyen-nam-2024"))
        #expect(report.lowerBound < plan.lowerBound)
        let category = try read(output, "cong-khai/danh-muc/van-ban-don-vi/index.html")
        for document in [
            "ke-hoach-cong-tac-dan-van-nam-2023", "ke-hoach-nang-cao-hieu-qua-cong-tac-dan-van",
            "bao-cao-dan-van-6-thang-dau-nam-2024", "ke-hoach-dan-van-chinh-quyen-nam-2024",
            "ke-hoach-nam-dan-van-kheo-2020"
        ] {
            #expect(category.contains(document))
        }
        let units = try read(output, "don-vi/index.html")
        let names = [
            "Công đoàn Giáo dục Hà Nội", "Phòng Giáo dục và Đào tạo huyện Bình Sơn", "Trường THPT Toàn Thắng",
            "Trường Tiểu học An Phước", "Trường Tiểu học Tân Thành A1"
        ]
        let positions = try names.map { try #require(units.range(of: $0)).lowerBound }
        #expect(positions == positions.sorted(), "units in Vietnamese alphabetical order")
    }

    @Test func everyInternalLinkResolvesToAFile() throws {
        let (output, _) = try Self.buildExample()
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let broken = try LinkChecker.brokenLinks(in: output)
        #expect(broken.isEmpty, "\(broken.prefix(10))")
        let pages = try LinkChecker.htmlFiles(in: output)
        #expect(pages.count >= 50)
    }

    @Test func directiveIndexMergesSpellingsAndListsCitingDocuments() throws {
        let (output, _) = try Self.buildExample()
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let data = try Data(contentsOf: output.appendingPathComponent("api/directives.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let directives = try #require(json["directives"] as? [[String: Any]])
        let ct33 = directives.filter { ($0["symbol"] as? String).map(DocumentNumber.symbolKey) == "33CTTTG" }
        #expect(ct33.count == 1)
        #expect(ct33.first?["symbol"] as? String == "33/CT-TTg")
        #expect(ct33.first?["variants"] as? [String] == ["33/CTTTg"])
        let citedBy = (ct33.first?["cited_by"] as? [[String: Any]])?.compactMap { $0["document"] as? String }
        #expect(
            Set(citedBy ?? []) == [
                "phong-gddt-binh-son/2021-2022/ke-hoach-nang-cao-hieu-qua-cong-tac-dan-van",
                "th-tan-thanh-a1/2023-2024/bao-cao-dan-van-6-thang-dau-nam-2024",
                "th-an-phuoc/2023-2024/ke-hoach-dan-van-chinh-quyen-nam-2024"
            ])
        let ct05 = directives.filter { $0["symbol"] as? String == "05-CT/TW" }
        #expect(ct05.count == 1)
        #expect((ct05.first?["cited_by"] as? [Any])?.count == 3)
        let page = try read(output, "can-cu/33-ctttg-2021/index.html")
        #expect(page.contains("Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ"))
        #expect(page.contains("bao-cao-dan-van-6-thang-dau-nam-2024/index.html"))
        let index = try read(output, "can-cu/index.html")
        #expect(index.contains("Trung ương Đảng") && index.contains("Huyện (UBND huyện, Huyện ủy, Phòng)"))
        // Each document page links its citations and lists its basis.
        let document = try read(output, "don-vi/th-an-phuoc/2023-2024/ke-hoach-dan-van-chinh-quyen-nam-2024/index.html")
        #expect(document.contains("Văn bản căn cứ"))
        #expect(document.contains("class=\"trich-dan\" href=\"../../../../can-cu/311-qdtu-2022-dong-thap/index.html\""))
    }

    @Test func openDataHasTheDocumentedShape() throws {
        let (output, _) = try Self.buildExample()
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let documents = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: output.appendingPathComponent("api/documents.json")))
                as? [String: [[String: Any]]])
        let first = try #require(documents["documents"]?.first)
        #expect(
            Set(first.keys) == [
                "id", "url", "unit", "kind", "number", "title", "issued", "school_year", "categories", "citations"
            ])
        let units = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("api/units.json")))
                as? [String: [[String: Any]]])
        #expect(units["units"]?.count == 5)
        #expect(
            Set(units["units"]?.first?.keys.map { $0 } ?? []) == ["id", "name", "kind", "district", "province", "url"])
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let (first, _) = try Self.buildExample()
        let (second, _) = try Self.buildExample()
        defer {
            try? FileManager.default.removeItem(at: first.deletingLastPathComponent())
            try? FileManager.default.removeItem(at: second.deletingLastPathComponent())
        }
        let files = try LinkChecker.allFiles(in: first)
        #expect(files == (try LinkChecker.allFiles(in: second)))
        for file in files {
            #expect(
                try Data(contentsOf: first.appendingPathComponent(file))
                    == Data(contentsOf: second.appendingPathComponent(file)), "\(file) differs")
        }
    }
}
