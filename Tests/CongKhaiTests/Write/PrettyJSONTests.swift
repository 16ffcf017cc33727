import Foundation
import Testing

@testable import CongKhai

@Suite struct PrettyJSONTests {
    /// JSONEncoder is the oracle: the open data must read the same as when it wrote it.
    private func encoded<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private struct Row: Encodable {
        var title: String
        @Nullable var number: String?
        var categories: [String]
        var cited_by: [[String: String]]
    }

    @Test func laysOutAsJSONEncoderDoes() throws {
        let rows = [
            Row(
                title: "Kế hoạch số 15/KH-UBND", number: "15/KH-UBND", categories: ["thong-tin-chung", "doi-ngu"],
                cited_by: [["document": "th-an-phuoc/2023-2024/a", "relation": "dan-chieu"]]),
            Row(title: "Trường “A” \\ <b> / tab\there", number: nil, categories: [], cited_by: [])
        ]
        let pretty = PrettyJSON.object([
            (
                "rows",
                .array(
                    rows.map { row in
                        .object([
                            ("title", .string(row.title)), ("number", .optional(row.number)),
                            ("categories", .strings(row.categories)),
                            (
                                "cited_by",
                                .array(row.cited_by.map { entry in .object(entry.map { ($0.key, .string($0.value)) }) })
                            )
                        ])
                    })
            )
        ])
        #expect(pretty.text == (try encoded(["rows": rows])))
    }

    @Test func escapesEveryControlCharacterAsJSONEncoderDoes() throws {
        let texts = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) + "x\"\\" } + ["Đ\u{2028}ô", ""]
        #expect(PrettyJSON.strings(texts).text == (try encoded(texts)))
    }
}
