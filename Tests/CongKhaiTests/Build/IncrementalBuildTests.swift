import Foundation
import Testing
@testable import CongKhai

/// Whatever an earlier build left, the output of a rebuild is byte-identical to a `--full` one.
@Suite struct IncrementalBuildTests {
    func snapshot(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for file in try LinkChecker.allFiles(in: folder) { result[file] = try Data(contentsOf: folder.appendingPathComponent(file)) }
        return result
    }

    @Test func rebuildsEqualFullBuilds() throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.unit("th-a", name: "A", district: "Tân Hồng", province: "Đồng Tháp")
        try fixture.write("content/units/th-a/2023-2024/a.md", "---\ntitle: A\nkind: ke-hoach\nnumber: 1/KH-A\nissued: 2024-01-02\n---\nCăn cứ Chỉ thị số 33/CT-TTg ngày 26/11/2021.\n")
        let output = fixture.root.appendingPathComponent("public")
        let builder = Builder(options: BuildOptions(source: fixture.root))
        let first = try builder.build()
        #expect(!first.unchanged)
        let before = try snapshot(output)

        // Nothing changed: nothing to do, and the output is as it was.
        let again = try builder.build()
        #expect(again.unchanged && again.pages == first.pages)
        #expect(try snapshot(output) == before)

        // An edit, an added document, a template: each rebuild equals a full build elsewhere.
        let changes: [() throws -> Void] = [
            { try fixture.write("content/units/th-a/2023-2024/a.md", "---\ntitle: A sửa\nkind: ke-hoach\nnumber: 1/KH-A\nissued: 2024-01-02\n---\nSửa.\n") },
            { try fixture.write("content/units/th-a/2023-2024/b.md", "---\ntitle: B\nkind: bao-cao\nnumber: 2/BC-A\nissued: 2024-02-02\n---\nThêm.\n") },
            { try fixture.write("templates/footer.mustache", "<footer>riêng</footer>\n") },
        ]
        for (index, change) in changes.enumerated() {
            try change()
            let rebuilt = try builder.build()
            #expect(!rebuilt.unchanged, "change \(index) must be seen")
            let fullOutput = fixture.root.appendingPathComponent("full-\(index)")
            _ = try Builder(options: BuildOptions(source: fixture.root, output: fullOutput, full: true)).build()
            #expect(try snapshot(output) == snapshot(fullOutput), "change \(index)")
            try FileManager.default.removeItem(at: fullOutput)
        }
        // The output removed by hand is rebuilt, not assumed.
        try FileManager.default.removeItem(at: output)
        #expect(!(try builder.build()).unchanged)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }
}
