import Foundation
import TestSupport
import Testing

@testable import CongKhai
@testable import Import

/// Real public texts as they are copied from the web (Tests/ImportFixtures/real, sources.tsv):
/// legal databases' pages with their header tables flattened, news and school sites, text dumps
/// of Word and PDF files. expected.tsv holds each text's fields as a reader gives them ("-":
/// not in the text, "(cut)": the copy ends before it). At least 95 % of them are read right;
/// docs/import.md lists those that are not.
@Suite struct RealTextImportTests {
    static let folder = TestPaths.repository.appendingPathComponent("Tests/ImportFixtures/real")

    @Test func fieldsOfRealTextsAreReadRight() throws {
        let rows = try String(contentsOf: Self.folder.appendingPathComponent("expected.tsv"), encoding: .utf8)
            .split(separator: "\n").map { $0.components(separatedBy: "\t") }
        let header = try #require(rows.first)
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.unit("u", name: "Đơn vị thử")
        var right = 0
        var total = 0
        var missed: [String] = []
        for row in rows.dropFirst() where row.count == header.count {
            let fields = Dictionary(uniqueKeysWithValues: zip(header, row))
            let file = try #require(fields["file"])
            let document = try Importer(options: .init(portal: fixture.root, unitID: "u")).recognise(
                Self.folder.appendingPathComponent(file)
            ).document
            let read: [String: String?] = [
                "number": document.number, "kind": document.kind, "title": document.title, "place": document.place,
                "issued": document.issued?.iso, "signer": document.signer, "signer_title": document.signerTitle,
                "letterhead": document.letterhead.isEmpty ? nil : document.letterhead.joined(separator: " / ")
            ]
            for (key, value) in read {
                // Notes in brackets say why a value is as it is ("(source glues …)").
                guard var expected = fields[key], expected != "-", !expected.contains("(cut)") else { continue }
                if let note = expected.range(of: " (source") { expected = String(expected[..<note.lowerBound]) }
                total += 1
                if value == expected { right += 1 } else { missed.append("\(file) \(key): \(value ?? "nil")") }
            }
        }
        #expect(total > 80)
        #expect(right * 100 >= total * 95, "\(right) of \(total) right; missed: \(missed)")
    }
}
