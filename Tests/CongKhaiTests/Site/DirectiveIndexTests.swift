import Foundation
import TestSupport
import Testing

@testable import Citations
@testable import CongKhai
@testable import VietText

@Suite struct DirectiveIndexTests {
    func document(_ unit: String, _ slug: String, _ body: String) -> SourceDocument {
        SourceDocument(
            unitID: unit, schoolYear: "2023-2024", slug: slug, sourcePath: "\(unit)/\(slug).md", title: slug,
            kind: "ke-hoach", body: body)
    }

    func resolve(_ documents: [SourceDocument], units: [PortalUnit]) -> SiteModel {
        let portal = LoadedPortal(
            root: URL(fileURLWithPath: "/tmp"), settings: PortalSettings(title: "t"), units: units,
            documents: documents, pages: [], diagnostics: [])
        let renderer = MarkdownRenderer()
        return SiteResolver.resolve(portal: portal, rendered: documents.map { renderer.render($0.body) })
    }

    /// 02/KH-UBND of huyện Tân Hồng and 02/KH-UBND of another district are different documents;
    /// a second school of Tân Hồng citing it names the first.
    @Test func localCodesAreToldApartByDistrict() {
        let units = [
            PortalUnit(id: "th-tan-thanh", name: "TH Tân Thành", district: "Tân Hồng", province: "Đồng Tháp"),
            PortalUnit(id: "th-binh-son", name: "TH Bình Sơn", district: "Bình Sơn", province: "Quảng Ngãi"),
            PortalUnit(id: "th-an-phuoc", name: "TH An Phước", district: "Tân Hồng", province: "Đồng Tháp")
        ]
        let site = resolve(
            [
                document(
                    "th-tan-thanh", "a",
                    "Thực hiện Kế hoạch số 02/KH-UBND ngày 03/01/2024 của Ủy ban nhân dân huyện về cải cách hành chính."
                ),
                document(
                    "th-binh-son", "b", "Thực hiện Kế hoạch số 02/KH-UBND ngày 05/01/2024 của UBND huyện về dân vận."),
                document("th-an-phuoc", "c", "Căn cứ Kế hoạch số 02/KH-UBND của UBND huyện Tân Hồng.")
            ], units: units)
        let matching = site.directives.filter { $0.identity.symbolKey == "02KHUBND" }
        #expect(matching.count == 2)
        let tanHong = matching.first { $0.key.hasSuffix("dong-thap-tan-hong") }
        #expect(
            tanHong?.citedBy.map { site.documents[$0.document].source.unitID }.sorted() == [
                "th-an-phuoc", "th-tan-thanh"
            ])
        #expect(tanHong?.date?.iso == "2024-01-03")
        #expect(matching.first { $0.key.hasSuffix("quang-ngai-binh-son") }?.citedBy.count == 1)
    }

    @Test func nationalCodesNeedNoLocalityAndUndatedJoinsDated() {
        let units = [
            PortalUnit(id: "a", name: "A", district: "X", province: "P"),
            PortalUnit(id: "b", name: "B", district: "Y", province: "Q")
        ]
        let site = resolve(
            [
                document("a", "a", "Tiếp tục thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị."),
                document("b", "b", "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập.")
            ], units: units)
        let directives = site.directives.filter { $0.identity.symbolKey == "05CTTW" }
        #expect(directives.count == 1)
        #expect(directives.first?.citedBy.count == 2)
        #expect(directives.first?.level == .party)
        #expect(directives.first?.title == "Chỉ thị số 05-CT/TW ngày 15/05/2016 của Bộ Chính trị")
    }

    @Test func undatedStaysApartWhenTwoYearsExist() {
        let units = [PortalUnit(id: "a", name: "A")]
        let site = resolve(
            [
                document("a", "a", "Chỉ thị số 01-CT/TW ngày 02/3/2020 của Bộ Chính trị."),
                document("a", "b", "Chỉ thị số 01-CT/TW ngày 05/4/2021 của Bộ Chính trị."),
                document("a", "c", "Chỉ thị số 01-CT/TW của Bộ Chính trị.")
            ], units: units)
        #expect(site.directives.filter { $0.identity.symbolKey == "01CTTW" }.count == 3)
    }

    /// Everything an index says, as text, to compare two.
    func described(_ index: DirectiveIndex.Built) -> [String] {
        index.directives.map { directive in
            "\(directive.key)|\(directive.title)|\(directive.variants)|\(directive.subject ?? "-")|\(directive.level)|"
                + directive.citedBy.map { "\($0.document).\($0.position).\($0.relation.rawValue)" }.joined(
                    separator: ";")
        } + index.directiveOfCitation.map { $0.map(String.init).joined(separator: ",") }
            + index.notes.map { "\($0.document).\($0.position):\($0.reason)" }
    }

    /// Bodies carrying these citations, as the index reads them.
    func bodies(_ citations: [[Citation]]) -> [RenderedMarkdown] {
        citations.map { RenderedMarkdown(html: "", citations: $0, blanks: []) }
    }

    /// The index kept in the build cache is taken back only for the same citations (what they
    /// say of their directives, not where they stand nor their sentences), and then equals one
    /// made afresh.
    @Test func anIndexKeptInTheCacheIsTakenOnlyForTheSameCitations() throws {
        let portal = ContentLoader(root: TestPaths.repository).load()
        let citations = Builder.parse(portal).map(\.citations)
        let unitIDs = portal.documents.map(\.unitID)
        let units = Dictionary(uniqueKeysWithValues: portal.units.map { ($0.id, $0) })
        let made = DirectiveIndex.build(bodies(citations), unitIDs: unitIDs, units: units, reusing: nil)
        #expect(made.directives.count > 20)
        var writer = RecordWriter()
        made.write(to: &writer)
        var reader = RecordReader(writer.bytes)
        let kept = try DirectiveIndex.Built(record: &reader)
        #expect(reader.isAtEnd)
        #expect(described(kept) == described(made))

        // Reworded sentences and moved citations: the same index.
        let (document, position) = try #require(
            citations.indices.lazy.compactMap { d in citations[d].indices.first.map { (d, $0) } }.first)
        var reworded = citations
        reworded[document][position].sentence = "Một câu viết lại."
        reworded[document][position].line += 3
        reworded[document][position].start += 40
        let taken = DirectiveIndex.build(bodies(reworded), unitIDs: unitIDs, units: units, reusing: kept)
        #expect(taken.inputKey == made.inputKey)
        #expect(
            described(taken)
                == described(DirectiveIndex.build(bodies(reworded), unitIDs: unitIDs, units: units, reusing: nil)))

        // A citation redated, or a unit moved to another district: made afresh.
        var redated = citations
        redated[document][position].date = IssuedDate(year: 1999, month: 1, day: 2)
        let afresh = DirectiveIndex.build(bodies(redated), unitIDs: unitIDs, units: units, reusing: kept)
        #expect(afresh.inputKey != made.inputKey)
        #expect(
            described(afresh)
                == described(DirectiveIndex.build(bodies(redated), unitIDs: unitIDs, units: units, reusing: nil)))
        #expect(described(afresh) != described(made))
        var moved = units
        moved[unitIDs[document]]?.district = "Một huyện khác"
        #expect(
            DirectiveIndex.build(bodies(citations), unitIDs: unitIDs, units: moved, reusing: kept).inputKey
                != made.inputKey)

        // A kept index that points past the citations is not taken, whatever its key says.
        var damaged = kept
        damaged.directiveOfCitation[document][position] = Int32(kept.directives.count)
        #expect(
            described(DirectiveIndex.build(bodies(citations), unitIDs: unitIDs, units: units, reusing: damaged))
                == described(made))
    }
}
