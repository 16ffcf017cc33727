import Foundation
import TestSupport
import Testing

@testable import CongKhai

/// Search on the example portal, in headless Chromium opened from the folder (file://), where
/// browsers refuse fetch and XHR: the index must load as scripts.
@Suite(.serialized) struct SearchTests {
    static func results(_ output: URL, query: String, extra: String = "") throws -> (status: String, titles: [String]) {
        var components = URLComponents(
            url: output.appendingPathComponent("tim-kiem/index.html"), resolvingAgainstBaseURL: false)!
        components.queryItems =
            [URLQueryItem(name: "q", value: query)]
            + (extra.isEmpty
                ? []
                : [
                    URLQueryItem(
                        name: extra.components(separatedBy: "=")[0], value: extra.components(separatedBy: "=")[1])
                ])
        let dom = try Chromium.dumpDOM(components.url!)
        let status =
            dom.range(of: "<p id=\"trang-thai\"[^>]*>([^<]*)</p>", options: .regularExpression).map { String(dom[$0]) }
            ?? ""
        var titles: [String] = []
        if let list = dom.range(of: "<ol id=\"ket-qua\"") {
            let rest = dom[list.upperBound...]
            var cursor = rest.startIndex
            while let open = rest.range(of: "<li><a href=\"", range: cursor..<rest.endIndex),
                let close = rest.range(of: "\">", range: open.upperBound..<rest.endIndex),
                let end = rest.range(of: "</a>", range: close.upperBound..<rest.endIndex)
            {
                titles.append(String(rest[close.upperBound..<end.lowerBound]))
                cursor = end.upperBound
            }
        }
        return (status, titles)
    }

    @Test func findsByWordsWithoutAccentsSymbolsAndUnits() throws {
        let (output, _) = try ExamplePortalTests.buildExample()
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let plain = try Self.results(output, query: "dan van kheo")
        #expect(plain.titles.first == "Thực hiện “Năm dân vận khéo” 2020", "\(plain)")
        #expect(plain.status.contains("Tìm thấy"))
        let symbol = try Self.results(output, query: "33/CTTTg")
        #expect(symbol.titles.first == "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ")
        #expect(symbol.titles.count == 4, "the directive and the three documents citing it")
        let unit = try Self.results(output, query: "tan thanh a1")
        #expect(unit.titles == ["Kết quả thực hiện công tác dân vận ở đơn vị 06 tháng đầu năm 2024"])
        let number = try Self.results(output, query: "08/KH-CĐGD")
        #expect(number.titles.first == "Thực hiện “Năm dân vận khéo” 2020")
        // đ folds to d.
        #expect(try Self.results(output, query: "doan the").titles.contains("Thực hiện “Năm dân vận khéo” 2020"))
        // A whole number only: "3" is no prefix of 33 or 311.
        #expect(!(try Self.results(output, query: "3")).titles.contains { $0.contains("33/CT-TTg") })
        let nothing = try Self.results(output, query: "xyzzy")
        #expect(nothing.titles.isEmpty && nothing.status.contains("Không tìm thấy"))
        // Filters: school year 2019-2020 is the last of four, index 3.
        let filtered = try Self.results(output, query: "dan van", extra: "nam=3")
        #expect(filtered.titles == ["Thực hiện “Năm dân vận khéo” 2020"])
    }

    @Test func indexPartsStaySmall() throws {
        let (output, _) = try ExamplePortalTests.buildExample()
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let folder = output.appendingPathComponent(SearchIndex.folder)
        let parts = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(
            parts.contains("meta.js") && parts.contains("filters.js") && parts.contains { $0.hasPrefix("t") }
                && parts.contains { $0.hasPrefix("d") })
        // The filters: four numbers (year, unit, kind, categories) for each of the five documents.
        let filters = try String(contentsOf: folder.appendingPathComponent("filters.js"), encoding: .utf8)
        let table = try #require(filters.wholeMatch(of: /congkhaiSearch\.filters\((.*)\);\n/)?.1)
        let rows = try JSONDecoder().decode([[Int]].self, from: Data(table.utf8))
        #expect(rows.count == 5 && rows.allSatisfy { $0.count == 4 && $0[0] >= 0 && $0[1] >= 0 && $0[2] >= 0 })
        for part in parts {
            let text = try String(contentsOf: folder.appendingPathComponent(part), encoding: .utf8)
            #expect(text.hasPrefix("congkhaiSearch."), "\(part) is a script, not JSON")
            #expect(!text.contains("</script"))
        }
    }
}
