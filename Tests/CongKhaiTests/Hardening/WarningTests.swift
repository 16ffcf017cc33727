import Foundation
import TestSupport
import Testing

@testable import CongKhai
@testable import VietText

/// Each warning `check` and `build` give, with its file, line and key.
@Suite struct WarningTests {
    func check(_ fixture: PortalFixture) -> [Diagnostic] {
        Builder(options: BuildOptions(source: fixture.root)).check()
    }

    @Test func bodyWarningsNameTheirLine() throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.unit("th-a", name: "A", district: "Tân Hồng", province: "Đồng Tháp")
        try fixture.write("content/units/khong-dia-ban/unit.yaml", "name: Trường không ghi địa bàn\n")
        let year = "content/units/th-a/2023-2024"
        try fixture.write(
            "\(year)/a.md",
            """
            ---
            title: A
            kind: ke-hoach
            number: 1/KH-A
            issued: 2024-01-02
            attachments: [bieu-mau.pdf]
            ---
            Thực hiện Chỉ thị số 01-CT/TW ngày 02/3/2020 của Bộ Chính trị.

            Theo [biểu mẫu](bieu-mau.pdf), [tài liệu](tai-lieu.docx) và [trang](https://moet.gov.vn).

            Nơi nhận:
            - Lưu VT.
            """)
        try fixture.write("\(year)/bieu-mau.pdf", "%PDF")
        try fixture.write(
            "\(year)/b.md",
            "---\ntitle: B\nkind: ke-hoach\nnumber: 2/KH-A\nissued: 2024-01-03\n---\nChỉ thị số 01-CT/TW ngày 05/4/2021 của Bộ Chính trị.\n\nKèm theo Kế hoạch số /KH-PGD.\n"
        )
        try fixture.write(
            "\(year)/e.md",
            "---\ntitle: E\nkind: ke-hoach\nnumber: 5/KH-A\nissued: 2024-01-05\n---\nMở đầu.\n\nChỉ thị số 01-CT/TW của Bộ Chính trị.\n"
        )
        try fixture.write(
            "content/units/khong-dia-ban/2023-2024/c.md",
            "---\ntitle: C\nkind: ke-hoach\nnumber: 3/KH-C\nissued: 2024-01-03\n---\nCăn cứ Kế hoạch số 02/KH-UBND ngày 03/01/2024 của UBND huyện.\n"
        )
        try fixture.write(
            "\(year)/d.md",
            "---\ntitle: D\nkind: ke-hoach\nnumber: 4/KH-A\nissued: 2024-01-04\n---\nVăn bản \u{202E}đảo\u{202C}.\n")
        let diagnostics = check(fixture)
        #expect(diagnostics.allSatisfy { $0.severity == .warning }, "\(diagnostics.map { $0.formatted() })")
        func find(_ code: String) -> Diagnostic? { diagnostics.first { $0.code == code } }
        let ambiguous = try #require(find("citation.ambiguous"))
        #expect(ambiguous.file == "\(year)/e.md" && ambiguous.line == 9)
        #expect(ambiguous.message.vi.contains("2020, 2021"))
        let noLocality = try #require(find("citation.no-locality"))
        #expect(noLocality.file == "content/units/khong-dia-ban/2023-2024/c.md" && noLocality.line == 7)
        #expect(find("citation.blank-number")?.file == "\(year)/b.md")
        let link = try #require(find("document.broken-link"))
        #expect(link.line == 10 && link.message.vi.contains("tai-lieu.docx"))
        #expect(
            diagnostics.filter { $0.code == "document.broken-link" }.count == 1,
            "the attachment and the https link are fine")
        let recipients = try #require(find("document.recipients-in-body"))
        #expect(recipients.line == 12 && recipients.key == "recipients")
        let controls = try #require(find("file.control-characters"))
        #expect(controls.file == "\(year)/d.md" && controls.line == 7 && controls.column == 9)
    }

    @Test func checkWritesJSON() throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.unit("th-a", name: "A")
        try fixture.write("content/units/th-a/2023-2024/a.md", "---\ntitle: A\nkind: la\n---\n")
        let json = DiagnosticJSON.encode(check(fixture), language: .en)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["errors"] as? Int == 1)
        let first = try #require(
            (object["diagnostics"] as? [[String: Any]])?.first { $0["code"] as? String == "front-matter.unknown-kind" })
        #expect(
            first["line"] as? Int == 3 && first["key"] as? String == "kind" && first["severity"] as? String == "error")
        #expect((first["message"] as? String)?.hasPrefix("unknown document kind") == true)
        #expect(first["fix"] as? String != nil)
    }

    @Test func unknownKeysAndBadSettingsAreReported() throws {
        let fixture = try PortalFixture(settings: "title: T\nbase_url: congkhai.vn\ntittle: x\n")
        defer { fixture.remove() }
        try fixture.unit("th-a", name: "A")
        try fixture.write(
            "content/units/th-a/2023-2024/a.md", "---\ntitle: A\nkind: ke-hoach\nsigner_titel: HIỆU TRƯỞNG\n---\n")
        let diagnostics = check(fixture)
        #expect(
            diagnostics.contains { $0.code == "settings.bad-base-url" && $0.file == "congkhai.yaml" && $0.line == 2 })
        #expect(diagnostics.contains { $0.code == "yaml.unknown-key" && $0.key == "tittle" && $0.line == 3 })
        #expect(
            diagnostics.contains {
                $0.code == "yaml.unknown-key" && $0.key == "signer_titel" && $0.line == 4
                    && $0.fix?.vi.contains("signer_title") == true
            })
    }
}

@Suite struct DocumentCheckTests {
    @Test func duplicateAddressesBlankNumbersAndSchoolYears() throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.unit("th-a", name: "A")
        let year = "content/units/th-a/2023-2024"
        try fixture.write("\(year)/Kế hoạch.md", "---\ntitle: A\nkind: ke-hoach\nnumber: 1/KH-A\n---\n")
        try fixture.write("\(year)/ke-hoach.md", "---\ntitle: B\nkind: ke-hoach\nnumber: 2/KH-A\n---\n")
        try fixture.write("\(year)/trong-so.md", "---\ntitle: C\nkind: ke-hoach\nnumber: /KH-A\n---\n")
        try fixture.write(
            "\(year)/lech-nam.md", "---\ntitle: D\nkind: ke-hoach\nnumber: 4/KH-A\nplace: X\nissued: 2022-10-01\n---\n")
        let diagnostics = Builder(options: BuildOptions(source: fixture.root)).check()
        let duplicate = try #require(diagnostics.first { $0.code == "document.duplicate-path" })
        #expect(duplicate.severity == .error && duplicate.line == 1)
        #expect(duplicate.message.vi.contains("th-a/2023-2024/ke-hoach"))
        let blank = try #require(diagnostics.first { $0.code == "document.blank-number" })
        #expect(
            blank.file == "\(year)/trong-so.md" && blank.line == 4 && blank.key == "number"
                && blank.severity == .warning)
        let schoolYear = try #require(diagnostics.first { $0.code == "document.school-year-vs-issued" })
        #expect(schoolYear.file == "\(year)/lech-nam.md" && schoolYear.line == 6 && schoolYear.key == "issued")
        #expect(schoolYear.message.vi.contains("2022-2023"))
        // A plan for the year issued in the August before it, a report issued after: their
        // subjects name the folder's school year.
        try fixture.write(
            "\(year)/ke-hoach-nam-hoc.md",
            "---\ntitle: Kế hoạch giáo dục năm học 2023 - 2024\nkind: ke-hoach\nnumber: 5/KH-A\nplace: X\nissued: 2023-08-28\n---\n"
        )
        try fixture.write(
            "\(year)/tong-ket.md",
            "---\ntitle: Tổng kết NĂM HỌC: 2023-2024\nkind: bao-cao\nnumber: 6/BC-A\nplace: X\nissued: 2024-09-10\n---\n"
        )
        let again = Builder(options: BuildOptions(source: fixture.root)).check().filter {
            $0.code == "document.school-year-vs-issued"
        }
        #expect(again.map(\.file) == ["\(year)/lech-nam.md"])
    }

    @Test func oversizedFilesAreRefused() throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.unit("th-a", name: "A")
        let path = fixture.root.appendingPathComponent("content/units/th-a/2023-2024/lon.md")
        try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: path.path, contents: nil))
        let handle = try FileHandle(forWritingTo: path)
        try handle.truncate(atOffset: UInt64(SourceText.maximumBytes + 1))  // sparse: no 32 MB written
        try handle.close()
        let diagnostics = Builder(options: BuildOptions(source: fixture.root)).check()
        #expect(
            diagnostics.contains { $0.code == "file.too-large" && $0.file.hasSuffix("lon.md") && $0.severity == .error }
        )
    }
}
