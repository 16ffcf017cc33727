import Foundation
import TestSupport
import Testing

@testable import CongKhai
@testable import Import

/// Seeds as a clerk often has them: the document's page printed to PDF (chromium), and its
/// text copied out by `pdftotext -raw` or by pypdf, as a PDF viewer's copy gives it; or the
/// page itself, saved (scripts/import-fixtures.sh made Tests/ImportFixtures/ with those tools).
@Suite struct ExtractedTextImportTests {
    static let seeds = [
        "001": "001_1bf1cd129453b643.txt", "002": "002_e0677abd00ed0152.txt", "004": "004_c1e01f9e77d3eae0.txt"
    ]
    static let extracted = TestPaths.repository.appendingPathComponent("Tests/ImportFixtures")

    /// The words of a written document, front matter and body, in lowercase.
    static func words(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            counts[String(word), default: 0] += 1
        }
        return counts
    }

    /// The body's paragraphs: blocks between blank lines that are no heading, list or table.
    static func paragraphs(_ body: String) -> [String] {
        body.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter {
            guard let first = $0.first else { return false }
            return !"#-|".contains(first) && !$0.hasPrefix("<!--")
        }
    }

    /// The demo school's plan (examples/truong-mau), whose printed page also carries the portal's
    /// notice above the letterhead and under the title: its fields are those of its front matter.
    @Test(arguments: ["pdftotext-raw.txt", "pypdf.txt", "html"])
    func theDemoSchoolsPlanCopiedOutOfItsPDFGivesItsFields(form: String) throws {
        let demo = TestPaths.repository.appendingPathComponent("examples/truong-mau")
        let original = try #require(
            ContentLoader(root: demo).load().documents.first { $0.sourcePath.hasSuffix("/ke-hoach-dan-van.md") })
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.unit("th-mau", name: "Trường Tiểu học Mẫu")
        let copy = fixture.root.appendingPathComponent("demo.\(form)")
        try FileManager.default.copyItem(at: Self.extracted.appendingPathComponent("demo.\(form)"), to: copy)
        let document = try ImporterTests().imported(copy, unit: "th-mau", into: fixture).document
        #expect(document.number == original.number)
        #expect(document.kind == original.kind)
        #expect(document.title == original.title)
        #expect(document.place == original.place)
        #expect(document.issued == original.issued)
        #expect(document.signer == original.signer)
        #expect(document.signerTitle == original.signerTitle)
        #expect(document.recipients == original.recipients)
        #expect(document.letterhead == original.letterhead)
    }

    @Test(arguments: ["001", "002", "004"], ["pdftotext-raw.txt", "pypdf.txt", "html"])
    func aSeedCopiedOutOfItsPDFGivesTheGoldFieldsAndItsWords(seed: String, form: String) throws {
        let seedFile = try #require(Self.seeds[seed])
        let gold = try SeedGold.load()
        let expected = try #require(gold.documents[seedFile])
        let unit = try #require(ImporterTests.seedUnits[seedFile]).0
        let helpers = ImporterTests()
        let fixture = try helpers.portal()
        defer { fixture.remove() }
        let copy = fixture.root.appendingPathComponent("\(seed).\(form)")
        try FileManager.default.copyItem(at: Self.extracted.appendingPathComponent("\(seed).\(form)"), to: copy)
        let (result, document) = try helpers.imported(copy, unit: unit, into: fixture)
        #expect(document.number == expected.own_number, "number")
        #expect(document.kind == expected.kind, "kind")
        #expect(document.title == expected.title, "title")
        #expect(document.place == expected.place, "place")
        #expect(document.issued?.iso == expected.issued, "issued")
        #expect(document.signer == expected.signer, "signer")
        #expect(document.signerTitle == expected.signer_title, "signer_title")

        // The same seed imported from its text as Word saved it: the reference.
        let referencePortal = try helpers.portal()
        defer { referencePortal.remove() }
        let reference = try helpers.imported(
            TestPaths.seeds.appendingPathComponent(seedFile), unit: unit, into: referencePortal)
        let written = try String(contentsOf: result.written, encoding: .utf8)
        let referenceText = try String(contentsOf: reference.result.written, encoding: .utf8)
        let (have, want) = (Self.words(written), Self.words(referenceText))
        let total = want.values.reduce(0, +)
        let kept = want.reduce(0) { $0 + min($1.value, have[$1.key] ?? 0) }
        let missing = want.filter { (have[$0.key] ?? 0) < $0.value }.keys.sorted()
        #expect(Double(kept) >= Double(total) * 0.995, "\(kept) of \(total) words; missing \(missing.prefix(20))")

        // No paragraph cut inside a sentence: one that ends without a sentence's end is one
        // the Word text has too.
        let referenceParagraphs = Set(Self.paragraphs(reference.document.body))
        for paragraph in Self.paragraphs(document.body) where !".:;!?”\")…".contains(paragraph.last ?? ".") {
            #expect(referenceParagraphs.contains(paragraph), "cut: \(paragraph.suffix(80))")
        }
    }
}
