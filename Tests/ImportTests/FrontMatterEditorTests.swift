import Testing
import Yams

@testable import Import

/// A front matter changed key by key: the other keys and every comment stay as they were.
struct FrontMatterEditorTests {
    static let front = """
        # Kế hoạch của trường, viết tay
        title: Kế hoạch cũ # sẽ đổi
        kind: ke-hoach
        number: 12/KH-THAP
        recipients:
          - Phòng GDĐT
          # cả hiệu trưởng
          - Lưu VT
        # Ngày công khai theo TT 09
        published: 2025-09-10
        categories: [ke-hoach-giao-duc]

        """

    @Test func changedKeysAreRewrittenAndEverythingElseStays() throws {
        let edited = try FrontMatterEditor.edit(
            Self.front,
            changes: [
                ("title", .text("Kế hoạch mới: năm học 2025-2026")), ("recipients", .list(["Sở GDĐT", "Lưu VT"])),
                ("draft", .flag(true)), ("number", nil)
            ])
        #expect(
            edited == """
                # Kế hoạch của trường, viết tay
                title: 'Kế hoạch mới: năm học 2025-2026'
                kind: ke-hoach
                recipients:
                - Sở GDĐT
                - Lưu VT
                # Ngày công khai theo TT 09
                published: 2025-09-10
                categories: [ke-hoach-giao-duc]
                draft: true

                """)
        // Read back, it says what was meant.
        let read = try #require(try Yams.load(yaml: edited) as? [String: Any])
        #expect(read["title"] as? String == "Kế hoạch mới: năm học 2025-2026")
        #expect(read["number"] == nil)
        #expect(read["kind"] as? String == "ke-hoach")
        #expect(read["draft"] as? Bool == true)
    }

    @Test func nothingChangedIsTheSameText() throws {
        #expect(try FrontMatterEditor.edit(Self.front, changes: []) == Self.front)
    }

    @Test func aFlowMappingOnOneLineIsRefused() {
        #expect(throws: FrontMatterEditor.Failure.keysShareALine) {
            try FrontMatterEditor.edit("{title: a, kind: b}\n", changes: [("title", .text("c"))])
        }
        #expect(throws: FrontMatterEditor.Failure.notAMapping) {
            try FrontMatterEditor.edit("- a\n- b\n", changes: [("title", .text("c"))])
        }
    }
}
