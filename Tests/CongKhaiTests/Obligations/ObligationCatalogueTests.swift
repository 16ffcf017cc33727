import Foundation
import TestSupport
import Testing

@testable import CongKhai
@testable import VietText

/// The built-in TT 09/2024 catalogue is complete and consistent, and a portal changes it.
@Suite struct ObligationCatalogueTests {
    let catalogue = ObligationCatalogue.builtIn

    @Test func theBuiltInCatalogueReadsWithoutAProblem() {
        #expect(
            ObligationCatalogue.builtInDiagnostics.isEmpty,
            "\(ObligationCatalogue.builtInDiagnostics.map { $0.formatted() })")
        #expect((catalogue.deadlineMonth, catalogue.deadlineDay) == (6, 30))
        #expect(catalogue.round(containing: CalendarDay(year: 2026, month: 6, day: 30)) == 2026)
        #expect(catalogue.round(containing: CalendarDay(year: 2026, month: 7, day: 1)) == 2027)
        #expect(catalogue.lastRoundDue(before: CalendarDay(year: 2026, month: 7, day: 1)) == 2026)
    }

    @Test func everyItemHasItsFields() {
        let categories = Set(Catalogue.builtInCategories.map(\.slug))
        let kinds = Set(Catalogue.builtInDocumentKinds.map(\.slug))
        #expect(catalogue.circular == "Thông tư 09/2024/TT-BGDĐT")
        #expect(catalogue.firstRound == 2025)
        #expect(Set(catalogue.lists.map(\.list)) == ["pho-thong", "mam-non", "gdtx"])
        for list in catalogue.lists {
            #expect(!list.items.isEmpty, "\(list.list)")
            #expect(Set(list.items.map(\.slug)).count == list.items.count, "\(list.list): slugs repeat")
            for item in list.items {
                #expect(!item.slug.isEmpty && item.slug == VietnameseText.slug(item.slug), "\(item.slug)")
                #expect(!categories.contains(item.slug), "\(item.slug) is also a category")
                #expect(!item.name.isEmpty && item.article.hasPrefix("Điều "), "\(item.slug)")
                #expect(categories.contains(item.group), "\(item.slug): group \(item.group)")
                #expect(kinds.contains(item.documentKind), "\(item.slug): kind \(item.documentKind)")
                #expect(!item.asks.isEmpty, "\(item.slug) says nothing of what the article asks")
                if item.period.isRecurring {
                    #expect(item.deadlineText != nil, "\(item.slug): a weekly or monthly item says its own deadline")
                } else {
                    #expect((item.deadlineMonth, item.deadlineDay) == (6, 30), "\(item.slug)")
                }
            }
        }
        // The annual report: as of 31 December, a PDF, Điều 14.
        let report = try! #require(catalogue.item("bao-cao-thuong-nien-nam"))
        #expect(
            report.reference == "31/12" && report.form == "PDF" && report.period == .calendarYear && report.offset == -1
        )
        // GDTX's own articles were not seen: marked unverified.
        #expect(
            catalogue.items(forUnitKind: "gdtx").filter {
                $0.article.hasPrefix("Điều 1") && !$0.article.hasPrefix("Điều 14")
            }.allSatisfy { !$0.verified })
    }

    @Test func unitKindsAndTheirLists() {
        for kind in ["tieu-hoc", "thcs", "thpt", "lien-cap"] {
            #expect(catalogue.items(forUnitKind: kind).count == 15, "\(kind)")
        }
        let preschool = catalogue.items(forUnitKind: "mam-non")
        #expect(preschool.first { $0.slug == "doi-ngu-can-bo" }?.article == "Điều 6 khoản 1")
        #expect(preschool.contains { $0.slug == "ke-hoach-thang" && $0.period == .month })
        #expect(!preschool.contains { $0.slug == "sach-giao-khoa" })
        #expect(!catalogue.items(forUnitKind: "gdtx").isEmpty)
        for kind in ["phong-gddt", "so-gddt", "cong-doan", "khac"] {
            #expect(catalogue.items(forUnitKind: kind).isEmpty, "\(kind)")
        }
        #expect(Catalogue().unitKind("gdtx") != nil)
    }

    /// The period-to-round table: round Y holds the plans of Y–(Y+1), the results of (Y−1)–Y,
    /// the finance of Y−1 and the annual report as of 31/12/(Y−1).
    @Test func whatARoundHolds() throws {
        let plan = try #require(catalogue.item("ke-hoach-giao-duc-nam-hoc"))
        let results = try #require(catalogue.item("ket-qua-nam-hoc"))
        let finance = try #require(catalogue.item("thu-chi-tai-chinh"))
        let report = try #require(catalogue.item("bao-cao-thuong-nien-nam"))
        let standing = try #require(catalogue.item("thong-tin-co-so"))
        #expect(plan.period(ofRound: 2026) == "2026-2027")
        #expect(results.period(ofRound: 2026) == "2025-2026")
        #expect(finance.period(ofRound: 2026) == "2025")
        #expect(report.period(ofRound: 2026) == "2025")
        #expect(standing.period(ofRound: 2026) == nil)
        for item in [plan, results, finance, report] {
            #expect(item.round(ofPeriod: item.period(ofRound: 2027)!) == 2027)
            #expect(item.deadline(ofRound: 2027).date.iso == "2027-06-30")
        }
        // A document's round: its period, else its folder's school year; a year's report
        // without `period:` counts in the round of the year it was issued.
        func document(_ year: String, period: String? = nil, issued: String? = nil, published: String? = nil)
            -> SourceDocument
        {
            SourceDocument(
                unitID: "u", schoolYear: year, slug: "d", sourcePath: "", title: "t", kind: "bao-cao",
                issued: issued.flatMap { IssuedDate(iso: $0) }, period: period,
                published: published.flatMap { IssuedDate(iso: $0) }, body: "")
        }
        #expect(ComplianceResolver.round(of: document("2025-2026"), for: plan) == 2025)
        #expect(ComplianceResolver.round(of: document("2025-2026", period: "2026-2027"), for: plan) == 2026)
        #expect(ComplianceResolver.round(of: document("2025-2026"), for: results) == 2026)
        #expect(ComplianceResolver.round(of: document("2025-2026", period: "2025"), for: finance) == 2026)
        #expect(ComplianceResolver.round(of: document("2025-2026", issued: "2026-03-10"), for: finance) == 2026)
        // A standing document counts from the first round whose deadline is on or after it.
        #expect(ComplianceResolver.round(of: document("2025-2026", published: "2025-09-05"), for: standing) == 2026)
        #expect(ComplianceResolver.round(of: document("2025-2026", published: "2026-06-30"), for: standing) == 2026)
    }

    @Test func daysAndWorkingDays() {
        let friday = CalendarDay(year: 2026, month: 6, day: 12)
        #expect(friday.weekday == 5)
        #expect(CalendarDay(year: 1970, month: 1, day: 1).weekday == 4)
        #expect(CalendarDay(year: 2024, month: 2, day: 29).date.iso == "2024-02-29")
        #expect(
            CalendarDay(year: 2026, month: 1, day: 1).number - CalendarDay(year: 2025, month: 1, day: 1).number == 365)
        // Ten working days from a Friday skip two weekends: the Friday two weeks on.
        #expect(friday.adding(workingDays: 10, holidays: []).date.iso == "2026-06-26")
        #expect(friday.adding(workingDays: 1, holidays: []).date.iso == "2026-06-15")
        // A listed holiday is skipped too (2 September 2026 is a Wednesday).
        let before = CalendarDay(year: 2026, month: 9, day: 1)
        #expect(
            before.adding(workingDays: 1, holidays: [CalendarDay(year: 2026, month: 9, day: 2)]).date.iso
                == "2026-09-03")
    }

    @Test func aPortalChangesTheCatalogue() throws {
        let fixture = try PortalFixture(
            settings: """
                title: Cổng thử
                obligations:
                  deadline: 05-31
                  change_working_days: 5
                  holidays: [2026-09-02]
                  lists:
                    - list: pho-thong
                      items:
                        - slug: thuc-don
                          remove: true
                        - slug: ke-hoach-giao-duc-nam-hoc
                          name: Kế hoạch giáo dục của nhà trường
                    - list: phong
                      name: Phòng Giáo dục và Đào tạo
                      unit_kinds: [phong-gddt]
                      items:
                        - slug: ke-hoach-nam-hoc-phong
                          name: Kế hoạch nhiệm vụ năm học của Phòng
                          article: Luật Tiếp cận thông tin, Điều 17
                          group: ke-hoach-giao-duc
                          kind: ke-hoach
                          period: school-year
                          asks: [Kế hoạch thực hiện nhiệm vụ năm học.]

                """)
        defer { fixture.remove() }
        try fixture.unit("th-a", name: "Trường Tiểu học A")
        let portal = ContentLoader(root: fixture.root).load()
        #expect(portal.diagnostics.isEmpty, "\(portal.diagnostics.map { $0.formatted() })")
        let obligations = portal.settings.obligations
        #expect(obligations.changeWorkingDays == 5)
        // One deadline for the round and its items: 31 May.
        #expect(obligations.deadline(ofRound: 2026).date.iso == "2026-05-31")
        #expect(
            obligations.items(forUnitKind: "tieu-hoc").allSatisfy {
                $0.period.isRecurring || $0.deadline(ofRound: 2026).date.iso == "2026-05-31"
            })
        #expect(obligations.holidays == [CalendarDay(year: 2026, month: 9, day: 2)])
        let school = obligations.items(forUnitKind: "tieu-hoc")
        #expect(school.count == 14 && !school.contains { $0.slug == "thuc-don" })
        let plan = try #require(school.first { $0.slug == "ke-hoach-giao-duc-nam-hoc" })
        #expect(plan.name == "Kế hoạch giáo dục của nhà trường")
        #expect(plan.article == "Điều 9 khoản 1" && plan.period == .schoolYear)
        #expect(obligations.items(forUnitKind: "phong-gddt").map(\.slug) == ["ke-hoach-nam-hoc-phong"])
        #expect(ObligationCatalogue.builtIn.items(forUnitKind: "tieu-hoc").count == 15)

        // Mistakes are reported with the line of congkhai.yaml they are on.
        try fixture.write(
            "congkhai.yaml",
            """
            title: Cổng thử
            obligations:
              lists:
                - list: pho-thong
                  items:
                    - slug: muc-moi
                      name: Mục mới
                    - slug: muc-khac
                      name: Mục khác
                      article: Điều 4
                      group: thong-tin-chung
                      kind: khac
                      period: hang-quy
                    - slug: thong-tin-chung
                      name: Trùng danh mục

            """)
        let wrong = ContentLoader(root: fixture.root).load().errors
        #expect(
            wrong.contains {
                $0.code == "obligations.missing-key" && $0.line == 6 && $0.message.vi.contains("`article:`")
            })
        #expect(wrong.contains { $0.code == "obligations.unknown-period" && $0.line == 13 })
        #expect(wrong.contains { $0.code == "obligations.slug-is-category" })
        #expect(wrong.allSatisfy { $0.file == "congkhai.yaml" })
    }
}
