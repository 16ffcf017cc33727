import Foundation
import TestSupport
import Testing

@testable import VietText
@testable import congkhai

/// Scores the scanner on the real seed documents against the hand-made gold file, by the
/// gold's own rule: a citation matches when the symbol keys are equal.
@Suite struct GoldCitationTests {
    struct Gold: Decodable {
        struct Entry: Decodable {
            var type: String
            var symbol: String
            var date: String?
            var issuer: String?
        }
        struct Document: Decodable { var citations: [Entry] }
        var documents: [String: Document]
    }

    static func normalised(_ text: String) -> String {
        VietnameseText.collapseWhitespace(VietnameseText.nfc(text).lowercased())
    }

    @Test func precisionRecallDatesAndIssuersOnTheSeeds() throws {
        let gold = try JSONDecoder().decode(Gold.self, from: Data(contentsOf: TestPaths.gold))
        #expect(gold.documents.count == 5)
        var truePositives = 0, falsePositives = 0, falseNegatives = 0
        var wrong: [String] = []
        for (file, expected) in gold.documents.sorted(by: { $0.key < $1.key }) {
            let text = try SourceText.read(TestPaths.seeds.appendingPathComponent(file))
            let lines = CitationReport().lines(file: file, text: text)
            let found = Dictionary(grouping: lines) { DocumentNumber.symbolKey($0.symbol) }
            let expectedByKey = Dictionary(expected.citations.map { (DocumentNumber.symbolKey($0.symbol), $0) }) {
                first, _ in first
            }
            for key in found.keys {
                if expectedByKey[key] != nil {
                    truePositives += 1
                } else {
                    falsePositives += 1
                    wrong.append("\(file): extra \(key)")
                }
            }
            for (key, entry) in expectedByKey {
                guard let occurrences = found[key] else {
                    falseNegatives += 1
                    wrong.append("\(file): missed \(entry.symbol)")
                    continue
                }
                if let date = entry.date, !occurrences.contains(where: { $0.date == date }) {
                    wrong.append("\(file): \(entry.symbol) date \(occurrences.map { $0.date ?? "nil" }) ≠ \(date)")
                }
                if let issuer = entry.issuer {
                    let want = Self.normalised(issuer)
                    let right = occurrences.contains { line in
                        guard let got = line.issuer.map(Self.normalised) else { return false }
                        return got == want || got.hasPrefix(want)
                    }
                    if !right {
                        wrong.append(
                            "\(file): \(entry.symbol) issuer \(occurrences.map { $0.issuer ?? "nil" }) ≠ \(issuer)")
                    }
                }
                // The spelled-out type is reported as printed.
                #expect(occurrences.contains { $0.type == entry.type }, "\(file): \(entry.symbol) type")
            }
        }
        let precision = Double(truePositives) / Double(max(1, truePositives + falsePositives))
        let recall = Double(truePositives) / Double(max(1, truePositives + falseNegatives))
        #expect(precision >= 0.98, "precision \(precision): \(wrong)")
        #expect(recall >= 0.98, "recall \(recall): \(wrong)")
        #expect(wrong.isEmpty, "\(wrong)")
        #expect(truePositives == 41)
    }

    @Test func ownNumberIsNeverACitation() throws {
        for file in try TestPaths.seedFiles() {
            let text = try SourceText.read(file)
            let own = DocumentNumber.own(in: text).map(DocumentNumber.symbolKey)
            let keys = CitationReport().lines(file: file.lastPathComponent, text: text).map {
                DocumentNumber.symbolKey($0.symbol)
            }
            if let own { #expect(!keys.contains(own), "\(file.lastPathComponent) cites its own number") }
            #expect(!keys.contains("KHTHAP"), "a blank number is not a citation")
        }
    }

    @Test func everyLineCarriesEveryField() throws {
        let file = TestPaths.seeds.appendingPathComponent("004_c1e01f9e77d3eae0.txt")
        let report = CitationReport()
        let output = String(
            decoding: report.jsonLines(report.lines(file: "004.txt", text: try SourceText.read(file))), as: UTF8.self)
        let first = try #require(output.split(separator: "\n").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        #expect(
            Set(object.keys) == [
                "file", "line", "type", "symbol", "date", "issuer", "subject", "relation", "key", "text"
            ])
        #expect(object["symbol"] as? String == "15-KH/LĐLĐ")
        #expect(object["line"] as? Int == 10)
        #expect(object["relation"] as? String == "can-cu")
        // 217-QĐ/TW is cited in 004 without a date: the date is null, not left out.
        let undated = output.split(separator: "\n").first { $0.contains("217-QĐ/TW") }
        #expect(undated?.contains("\"date\":null") == true)
    }

    /// The lines are written field by field: each parses as JSON and gives back every value of
    /// its line, a file name with a quote, a backslash and a tab included.
    @Test func eachLineParsesBackToItsValues() throws {
        let file = TestPaths.seeds.appendingPathComponent("003_ea1c57bf483b1fef.txt")
        let report = CitationReport()
        let name = "văn bản \"mới\"\\003\t.txt"
        let lines = report.lines(file: name, text: try SourceText.read(file))
        let output = String(decoding: report.jsonLines(lines), as: UTF8.self)
        let parsed = output.split(separator: "\n")
        #expect(parsed.count == lines.count && lines.count > 20)
        for (line, text) in zip(lines, parsed) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(object["file"] as? String == name)
            #expect(object["line"] as? Int == line.line)
            #expect(object["symbol"] as? String == line.symbol && object["key"] as? String == line.key)
            #expect(object["text"] as? String == line.text && object["type"] as? String == line.type)
            #expect(object["date"] as? String == line.date && object["issuer"] as? String == line.issuer)
            #expect(object["subject"] as? String == line.subject && object["relation"] as? String == line.relation)
            // Keys in sorted order, as JSONEncoder's `.sortedKeys` wrote them.
            let places = ["date", "file", "issuer", "key", "line", "relation", "subject", "symbol", "text", "type"]
                .map { text.range(of: "\"\($0)\":")?.lowerBound }
            #expect(places.allSatisfy { $0 != nil } && places.compactMap { $0 } == places.compactMap { $0 }.sorted())
        }
    }
}
