import Foundation
import TestSupport
import Testing

@testable import CongKhai
@testable import Import
@testable import VietText

/// The illustrative portal (examples/truong-mau) and a portal started with `congkhai new`, as
/// built: the unit's summary, its checklist, the progress table and api/compliance.json.
@Suite struct CompliancePagesTests {
    struct Compliance: Decodable {
        struct Unit: Decodable {
            var unit: String
            var rounds: [Round]
        }
        struct Round: Decodable {
            var round: Int
            var deadline: String
            var counted: Int
            var disclosed: Int
            var items: [Item]
        }
        struct Item: Decodable {
            struct Document: Decodable {
                var id: String
                var published: String?
            }
            var slug: String
            var status: String
            var counted: Bool
            var deadline: String?
            var days_late: Int?
            var documents: [Document]
        }
        var circular: String
        var first_round: Int
        var rounds: [Int]
        var units: [Unit]
    }

    func read(_ root: URL, _ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("public/" + path), encoding: .utf8)
    }

    @Test func theDemoSchoolsChecklistAndProgress() throws {
        let root = try TestPaths.demoPortalCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try Builder(options: BuildOptions(source: root)).build()
        #expect(report.warnings.isEmpty, "\(report.warnings.map { $0.formatted() })")
        let json = try JSONDecoder().decode(
            Compliance.self, from: Data(contentsOf: root.appendingPathComponent("public/api/compliance.json")))
        #expect(json.rounds == [2026] && json.first_round == 2025)
        let round = try #require(json.units.first { $0.unit == "th-mau" }?.rounds.first { $0.round == 2026 })
        #expect(round.deadline == "2026-06-30" && round.counted == 14 && round.disclosed == 12)
        var statuses: [String: [String]] = [:]
        for item in round.items { statuses[item.status, default: []].append(item.slug) }
        #expect(statuses["late"] == ["ke-hoach-giao-duc-nam-hoc"])
        #expect(statuses["undated"] == ["quy-che-phoi-hop"])
        #expect(statuses["not-published"]?.sorted() == ["kiem-dinh-chat-luong", "mien-giam-ho-tro"])
        #expect(statuses["not-applicable"] == ["thuc-don"])
        #expect(statuses["on-time"]?.count == 10)
        // The corrected fee notice replaces the first: only it discloses the item.
        let fees = try #require(round.items.first { $0.slug == "hoc-phi-khoan-thu" })
        #expect(fees.documents.map(\.id) == ["th-mau/2026-2027/hoc-phi-cac-khoan-thu"])
        #expect(round.items.first { $0.slug == "ke-hoach-giao-duc-nam-hoc" }?.days_late == 51)

        let unitPage = try read(root, "don-vi/th-mau/index.html")
        #expect(unitPage.contains("Đã công khai 12/14 mục của đợt công khai năm 2026, hạn 30/06/2026"))
        #expect(unitPage.contains("href=\"../../don-vi/th-mau/cong-khai/2026/index.html\""))
        let checklist = try read(root, "don-vi/th-mau/cong-khai/2026/index.html")
        for label in [
            "Đã công khai", "Công khai muộn", "muộn 51 ngày so với hạn", "Chưa ghi ngày công khai",
            "Chưa có trên cổng này",
            "Không áp dụng", "Trường không tổ chức ăn bán trú.", "data-deadline=\"2026-06-30\""
        ] {
            #expect(checklist.contains(label), "\(label)")
        }
        // No clock in the build: overdue is the reader's browser's word, never the page's.
        #expect(!checklist.contains("quá hạn"))
        let progress = try read(root, "cong-khai/tien-do/2026/index.html")
        #expect(progress.contains("<td class=\"total\">12/14</td>"))
        #expect(progress.contains("thiếu 1"))
        #expect(progress.contains("data-kind=\"tieu-hoc\""))
        // Every page says the portal is an illustration.
        for page in [
            "index.html", "don-vi/th-mau/index.html", "cong-khai/tien-do/2026/index.html",
            "don-vi/th-mau/2026-2027/ke-hoach-giao-duc/index.html"
        ] {
            #expect(try read(root, page).contains("Ví dụ minh họa, không phải số liệu thật"), "\(page)")
        }
        // The original file is in sight, named by what it is.
        let annualReport = try read(root, "don-vi/th-mau/2025-2026/bao-cao-thuong-nien-2025/index.html")
        #expect(
            annualReport.contains(
                "<a class=\"original\" href=\"../../../../don-vi/th-mau/2025-2026/bao-cao-thuong-nien-2025/bao-cao-thuong-nien-2025.pdf\">Bản gốc (PDF)</a>"
            ))
        // Items count under their groups: the home page's sections are not empty.
        let listing = try read(root, "cong-khai/danh-muc/tai-chinh/index.html")
        #expect(listing.contains("Công khai tình hình thu, chi tài chính năm 2025"))
        #expect(try LinkChecker.brokenLinks(in: root.appendingPathComponent("public")).isEmpty)
    }

    /// A document disclosing an item should carry its original, and the annual report a PDF.
    @Test func originalsAndTheirForm() throws {
        let root = try TestPaths.demoPortalCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let checks = Builder(options: BuildOptions(source: root)).check(
            asOf: CalendarDay(year: 2026, month: 7, day: 15))
        let missing = checks.filter { $0.code == "compliance.no-original" }.map(\.file)
        #expect(missing.contains("content/units/th-mau/2026-2027/ke-hoach-giao-duc.md"))
        #expect(!missing.contains("content/units/th-mau/2025-2026/bao-cao-thuong-nien-2025.md"))
        // The unit's own documents (no TT 09 item) are not asked for one.
        #expect(!missing.contains("content/units/th-mau/2025-2026/ke-hoach-dan-van.md"))
        #expect(!checks.contains { $0.code == "compliance.form" })
        // The annual report with a Word file only: not the form the circular asks.
        let report = root.appendingPathComponent("content/units/th-mau/2025-2026/bao-cao-thuong-nien-2025.md")
        try Data("x".utf8).write(to: report.deletingLastPathComponent().appendingPathComponent("bao-cao.docx"))
        let text = try String(contentsOf: report, encoding: .utf8).replacingOccurrences(
            of: "  - bao-cao-thuong-nien-2025.pdf", with: "  - bao-cao.docx")
        try Data(text.utf8).write(to: report)
        let form = Builder(options: BuildOptions(source: root)).check(asOf: CalendarDay(year: 2026, month: 7, day: 15))
            .filter { $0.code == "compliance.form" }
        #expect(form.map(\.file) == ["content/units/th-mau/2025-2026/bao-cao-thuong-nien-2025.md"])
        #expect(form.first?.message.vi.contains("dưới dạng tệp PDF") == true)
        #expect(
            PageContexts.originalLabel("bao-cao.docx") == "Bản Word"
                && PageContexts.originalLabel("so-lieu.XLSX") == "Bảng tính Excel")
    }

    /// A yearly archive's checklist says it holds one school year only.
    @Test func anArchivesChecklistSaysWhatItHolds() throws {
        let root = try TestPaths.demoPortalCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try Builder(options: BuildOptions(source: root, full: true, schoolYear: "2025-2026")).build()
        let checklist = try read(root, "don-vi/th-mau/cong-khai/2026/index.html")
        #expect(checklist.contains("Bản lưu trữ này chỉ gồm văn bản của năm học 2025-2026"))
        #expect(checklist.contains("Chưa có trên cổng này"))
    }

    /// `congkhai new`: a draft per item, each with its front matter; the portal builds, and its
    /// drafts never count as published.
    @Test func aPortalStartedFromTheChecklist() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = folder.appendingPathComponent("truong")
        let files = try PortalStarter(
            folder: root, unitID: "th-moi", unitName: "Trường Tiểu học Mới", unitKind: "tieu-hoc", round: 2026
        ).write()
        #expect(files.filter { $0.hasSuffix(".md") }.count == 15)
        let finance = try String(
            contentsOf: root.appendingPathComponent("content/units/th-moi/2025-2026/thu-chi-tai-chinh.md"),
            encoding: .utf8)
        #expect(finance.contains("title: Công khai tình hình thu, chi tài chính năm 2025"))
        #expect(
            finance.contains("kind: bao-cao\n") && finance.contains("  - thu-chi-tai-chinh\n")
                && finance.contains("period: \"2025\""))
        #expect(finance.contains("draft: true") && finance.contains("Các khoản thu phân theo nguồn thu"))
        #expect(finance.contains("| Nội dung (gợi ý) |"))
        let plan = try String(
            contentsOf: root.appendingPathComponent("content/units/th-moi/2026-2027/ke-hoach-giao-duc-nam-hoc.md"),
            encoding: .utf8)
        #expect(plan.contains("title: Kế hoạch giáo dục nhà trường năm học 2026-2027") && !plan.contains("period:"))
        // Again into the same folder: refused, nothing overwritten.
        #expect(throws: PortalStarter.Failure.self) {
            try PortalStarter(folder: root, unitID: "th-moi", unitName: "X", unitKind: "tieu-hoc", round: 2026).write()
        }

        let report = try Builder(options: BuildOptions(source: root, includeDrafts: true)).build()
        #expect(report.documents == 15)
        let json = try JSONDecoder().decode(
            Compliance.self, from: Data(contentsOf: root.appendingPathComponent("public/api/compliance.json")))
        let round = try #require(json.units.first?.rounds.first)
        #expect(round.round == 2026 && round.disclosed == 0 && round.counted == 14)
        #expect(round.items.allSatisfy { $0.status == "not-published" })
        // Without --drafts nothing is published: no round yet.
        let plain = try Builder(options: BuildOptions(source: root, output: folder.appendingPathComponent("plain")))
            .build()
        #expect(plain.documents == 0)
    }

    @Test func importWritesThePublicationDate() throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.unit("th-an-phuoc", name: "Trường Tiểu học An Phước")
        let seed = try #require(try TestPaths.seedFiles().first { $0.lastPathComponent.hasPrefix("003") })
        let result = try Importer(
            options: .init(portal: fixture.root, unitID: "th-an-phuoc", published: IssuedDate(iso: "2025-01-01"))
        ).importFile(seed)
        let document = try #require(ContentLoader(root: fixture.root).load().documents.first)
        #expect(document.published?.iso == "2025-01-01")
        #expect(try String(contentsOf: result.written, encoding: .utf8).contains("published: 2025-01-01"))
    }
}
