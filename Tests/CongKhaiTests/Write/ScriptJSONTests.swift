import Foundation
import TestSupport
import Testing

@testable import CongKhai

/// Texts in the search index's scripts read back as the same strings, and none can end the
/// script or a line early.
@Suite struct ScriptJSONTests {
    func quoted(_ text: String) -> String {
        var out: [UInt8] = []
        ScriptJSON.append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func textsReadBackAsTheyWere() throws {
        let seedTitles = try TestPaths.seedFiles().map { try String(contentsOf: $0, encoding: .utf8) }
            .flatMap { $0.components(separatedBy: "\n").prefix(30) }
        let tricky = [
            "Kế hoạch – năm học “2024–2025”", "a</script><script>alert(1)</script>", "dòng\u{2028}mới\u{2029}đoạn",
            "ngoặc \"kép\" và \\ gạch", "tab\tvà\nxuống dòng\u{1}\u{1F}", "…‘’•",
            "\u{2028}", "cuối\u{2029}", "cuối –", "<", "\"", "", "\u{7F}\u{85}đ"
        ]
        for text in seedTitles + tricky {
            let json = quoted(text)
            let back = try JSONDecoder().decode(String.self, from: Data(json.utf8))
            #expect(back == text)
            #expect(!json.contains("<") && !json.contains("\u{2028}") && !json.contains("\u{2029}"), "\(json)")
        }
        // Dashes and curly quotes (E2 sequences) need no escaping and get none.
        #expect(quoted("Kế hoạch – năm học “2024–2025”") == "\"Kế hoạch – năm học “2024–2025”\"")
        #expect(quoted("a\u{2028}b") == "\"a\\u2028b\"")
        #expect(quoted("<\u{2029}\u{1}") == "\"\\u003c\\u2029\\u0001\"")
    }

    /// The search filters' numbers are written digit by digit, as String(number) writes them.
    @Test func decimalsAreWrittenAsStringWritesThem() {
        for number in [0, 1, 9, 10, 99, 100, 4_096, -1, -10, 1 << 40, Int.max, Int.min + 1] {
            var bytes: [UInt8] = []
            SearchIndex.appendDecimal(number, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(number))
        }
    }
}
