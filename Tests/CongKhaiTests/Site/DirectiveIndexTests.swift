import Foundation
import Testing
@testable import CongKhai

@Suite struct DirectiveIndexTests {
    func document(_ unit: String, _ slug: String, _ body: String) -> SourceDocument {
        SourceDocument(unitID: unit, schoolYear: "2023-2024", slug: slug, sourcePath: "\(unit)/\(slug).md", title: slug, kind: "ke-hoach", body: body)
    }

    func resolve(_ documents: [SourceDocument], units: [PortalUnit]) -> SiteModel {
        let portal = LoadedPortal(root: URL(fileURLWithPath: "/tmp"), settings: PortalSettings(title: "t"), units: units,
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
            PortalUnit(id: "th-an-phuoc", name: "TH An Phước", district: "Tân Hồng", province: "Đồng Tháp"),
        ]
        let site = resolve([
            document("th-tan-thanh", "a", "Thực hiện Kế hoạch số 02/KH-UBND ngày 03/01/2024 của Ủy ban nhân dân huyện về cải cách hành chính."),
            document("th-binh-son", "b", "Thực hiện Kế hoạch số 02/KH-UBND ngày 05/01/2024 của UBND huyện về dân vận."),
            document("th-an-phuoc", "c", "Căn cứ Kế hoạch số 02/KH-UBND của UBND huyện Tân Hồng."),
        ], units: units)
        let matching = site.directives.filter { $0.identity.symbolKey == "02KHUBND" }
        #expect(matching.count == 2)
        let tanHong = matching.first { $0.key.hasSuffix("dong-thap-tan-hong") }
        #expect(tanHong?.citedBy.map { site.documents[$0.document].source.unitID }.sorted() == ["th-an-phuoc", "th-tan-thanh"])
        #expect(tanHong?.date?.iso == "2024-01-03")
        #expect(matching.first { $0.key.hasSuffix("quang-ngai-binh-son") }?.citedBy.count == 1)
    }

    @Test func nationalCodesNeedNoLocalityAndUndatedJoinsDated() {
        let units = [PortalUnit(id: "a", name: "A", district: "X", province: "P"), PortalUnit(id: "b", name: "B", district: "Y", province: "Q")]
        let site = resolve([
            document("a", "a", "Tiếp tục thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị."),
            document("b", "b", "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập."),
        ], units: units)
        let directives = site.directives.filter { $0.identity.symbolKey == "05CTTW" }
        #expect(directives.count == 1)
        #expect(directives.first?.citedBy.count == 2)
        #expect(directives.first?.level == .party)
        #expect(directives.first?.title == "Chỉ thị số 05-CT/TW ngày 15/05/2016 của Bộ Chính trị")
    }

    @Test func undatedStaysApartWhenTwoYearsExist() {
        let units = [PortalUnit(id: "a", name: "A")]
        let site = resolve([
            document("a", "a", "Chỉ thị số 01-CT/TW ngày 02/3/2020 của Bộ Chính trị."),
            document("a", "b", "Chỉ thị số 01-CT/TW ngày 05/4/2021 của Bộ Chính trị."),
            document("a", "c", "Chỉ thị số 01-CT/TW của Bộ Chính trị."),
        ], units: units)
        #expect(site.directives.filter { $0.identity.symbolKey == "01CTTW" }.count == 3)
    }
}
