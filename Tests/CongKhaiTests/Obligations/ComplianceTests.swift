import Foundation
import TestSupport
import Testing

@testable import CongKhai

/// Where each item stands in a round, from documents' `categories:`, `period:`, `published:`
/// and `replaces:`, and unit.yaml's `not_applicable:`.
@Suite struct ComplianceTests {
    /// A tiểu học with documents written as `path: front matter lines`.
    func portal(_ documents: [String: String], unitYAML: String = "") throws -> PortalFixture {
        let fixture = try PortalFixture()
        try fixture.write("content/units/th-a/unit.yaml", "name: Trường Tiểu học A\nkind: tieu-hoc\n" + unitYAML)
        for (path, front) in documents {
            try fixture.write("content/units/th-a/\(path)", "---\n\(front)\n---\n\nNội dung.\n")
        }
        return fixture
    }

    func site(_ fixture: PortalFixture, drafts: Bool = false) throws -> SiteModel {
        let portal = ContentLoader(root: fixture.root, includeDrafts: drafts).load()
        #expect(portal.errors.isEmpty, "\(portal.errors.map { $0.formatted() })")
        return SiteResolver.resolve(portal: portal, rendered: Builder.parse(portal))
    }

    func item(_ site: SiteModel, _ slug: String, round: Int) throws -> ItemDisclosure {
        let compliance = try #require(site.compliance.first)
        let checklist = try #require(compliance.round(round))
        return try #require(checklist.items.first { $0.item.slug == slug })
    }

    func title(_ site: SiteModel, _ disclosure: ItemDisclosure) -> [String] {
        disclosure.documents.map { site.documents[$0].source.title }
    }

    @Test func eachStatus() throws {
        let fixture = try portal(
            [
                "2026-2027/tuyen-sinh.md":
                    "title: Kế hoạch tuyển sinh\nkind: ke-hoach\nnumber: 1/KH-A\ncategories: [ke-hoach-tuyen-sinh]\npublished: 2026-06-30",
                "2026-2027/giao-duc.md":
                    "title: Kế hoạch giáo dục\nkind: ke-hoach\nnumber: 2/KH-A\ncategories: [ke-hoach-giao-duc-nam-hoc]\npublished: 2026-07-03",
                "2025-2026/ket-qua.md": "title: Kết quả\nkind: bao-cao\nnumber: 3/BC-A\ncategories: [ket-qua-nam-hoc]",
                "2025-2026/thu-chi.md":
                    "title: Thu chi 2025\nkind: bao-cao\nnumber: 4/BC-A\ncategories: [thu-chi-tai-chinh]\nperiod: \"2025\"\npublished: 2026-03-01",
                "2025-2026/thu-chi-nhap.md":
                    "title: Thu chi nháp\nkind: bao-cao\ncategories: [thu-chi-tai-chinh]\nperiod: \"2025\"\ndraft: true"
            ], unitYAML: "not_applicable:\n  thuc-don: Trường không tổ chức ăn bán trú.\n")
        defer { fixture.remove() }
        let site = try site(fixture)
        #expect(site.rounds == [2026])
        #expect(try item(site, "ke-hoach-tuyen-sinh", round: 2026).status == .onTime)
        let late = try item(site, "ke-hoach-giao-duc-nam-hoc", round: 2026)
        #expect(late.status == .late && late.daysLate == 3 && !late.lateChange)
        #expect(try item(site, "ket-qua-nam-hoc", round: 2026).status == .undated)
        let applicable = try item(site, "thuc-don", round: 2026)
        #expect(
            applicable.status == .notApplicable && applicable.reason == "Trường không tổ chức ăn bán trú."
                && !applicable.isCounted)
        #expect(try item(site, "mien-giam-ho-tro", round: 2026).status == .notPublished)
        let finance = try item(site, "thu-chi-tai-chinh", round: 2026)
        #expect(finance.status == .onTime && finance.period == "2025" && title(site, finance) == ["Thu chi 2025"])
        let round = try #require(site.compliance.first?.round(2026))
        #expect(round.counted.count == 14)
        #expect(round.disclosedCount == 4)
        #expect(PageContexts.summaryText(round) == "Đã công khai 4/14 mục của đợt công khai năm 2026, hạn 30/06/2026")

        // A draft never counts, even in a build with --drafts.
        try fixture.write(
            "content/units/th-a/2025-2026/thu-chi.md",
            "---\ntitle: Thu chi 2025\nkind: bao-cao\nnumber: 4/BC-A\ncategories: [thu-chi-tai-chinh]\nperiod: \"2025\"\ndraft: true\n---\n"
        )
        let withDrafts = try self.site(fixture, drafts: true)
        #expect(try item(withDrafts, "thu-chi-tai-chinh", round: 2026).status == .notPublished)
        // An item slug counts under its group in the listings.
        let listing = try #require(site.listings.first { $0.kind == .category("ke-hoach-giao-duc") })
        #expect(listing.documents.count == 2)
    }

    /// `replaces:` by number or id: the replaced document no longer discloses its item, and a
    /// change counts late past ten working days from its `issued` date, weekends skipped.
    @Test func replacementsAndTheTenWorkingDays() throws {
        let fixture = try portal([
            "2026-2027/hoc-phi-1.md":
                "title: Mức thu lần 1\nkind: thong-bao\nnumber: 10/TB-A\ncategories: [hoc-phi-khoan-thu]\nissued: 2026-05-28\npublished: 2026-06-01",
            // Issued on a Friday: ten working days end on Friday 26 June.
            "2026-2027/hoc-phi-2.md":
                "title: Mức thu điều chỉnh\nkind: thong-bao\nnumber: 12/TB-A\nreplaces: 10/TB-A\ncategories: [hoc-phi-khoan-thu]\nissued: 2026-06-12\npublished: 2026-06-26",
            "2026-2027/mien-giam-1.md":
                "title: Miễn giảm lần 1\nkind: thong-bao\nnumber: 13/TB-A\ncategories: [mien-giam-ho-tro]\nissued: 2026-05-20\npublished: 2026-05-21",
            "2026-2027/mien-giam-2.md":
                "title: Miễn giảm điều chỉnh\nkind: thong-bao\nnumber: 14/TB-A\nreplaces: th-a/2026-2027/mien-giam-1\ncategories: [mien-giam-ho-tro]\nissued: 2026-06-12\npublished: 2026-06-29",
            // Disclosed on time, changed after the deadline within the working days: on time.
            "2026-2027/tuyen-sinh-1.md":
                "title: Tuyển sinh\nkind: ke-hoach\nnumber: 15/KH-A\ncategories: [ke-hoach-tuyen-sinh]\nissued: 2026-04-18\npublished: 2026-04-20",
            "2026-2027/tuyen-sinh-2.md":
                "title: Tuyển sinh điều chỉnh\nkind: ke-hoach\nnumber: 16/KH-A\nreplaces: 15/KH-A\ncategories: [ke-hoach-tuyen-sinh]\nissued: 2026-07-01\npublished: 2026-07-03"
        ])
        defer { fixture.remove() }
        let site = try site(fixture)
        let fees = try item(site, "hoc-phi-khoan-thu", round: 2026)
        #expect(fees.status == .onTime && title(site, fees) == ["Mức thu điều chỉnh"])
        // Published on Monday 29 June: the first working day after the ten.
        let aid = try item(site, "mien-giam-ho-tro", round: 2026)
        #expect(
            aid.status == .late && aid.lateChange && aid.daysLate == 3 && title(site, aid) == ["Miễn giảm điều chỉnh"])
        let enrolment = try item(site, "ke-hoach-tuyen-sinh", round: 2026)
        #expect(enrolment.status == .onTime && title(site, enrolment) == ["Tuyển sinh điều chỉnh"])
    }

    /// Standing information counts in every round from its publication on: as of each round's
    /// deadline, by the latest document no later one replaces.
    @Test func standingItemsAcrossRounds() throws {
        let fixture = try portal([
            "2024-2025/thong-tin.md":
                "title: Thông tin 2025\nkind: thong-bao\nnumber: 1/TB-A\ncategories: [thong-tin-co-so]\npublished: 2025-05-10",
            "2026-2027/thong-tin.md":
                "title: Thông tin 2026\nkind: thong-bao\nnumber: 20/TB-A\nreplaces: 1/TB-A\ncategories: [thong-tin-co-so]\nissued: 2026-09-01\npublished: 2026-09-03",
            "2026-2027/ke-hoach.md":
                "title: Kế hoạch 2027\nkind: ke-hoach\nnumber: 21/KH-A\ncategories: [ke-hoach-giao-duc-nam-hoc]\nperiod: 2027-2028\npublished: 2027-06-01"
        ])
        defer { fixture.remove() }
        let site = try site(fixture)
        #expect(site.rounds == [2025, 2026, 2027])
        for (round, expected) in [(2025, "Thông tin 2025"), (2026, "Thông tin 2025"), (2027, "Thông tin 2026")] {
            let standing = try item(site, "thong-tin-co-so", round: round)
            #expect(standing.status == .onTime, "\(round)")
            #expect(title(site, standing).first == expected, "\(round)")
        }
    }

    /// `check --as-of`: before a deadline nothing is overdue; after it, missing items are
    /// warnings (errors with --strict); a document published after the day does not count yet.
    @Test func checkAsOfADay() throws {
        let fixture = try portal([
            "2026-2027/tuyen-sinh.md":
                "title: Kế hoạch tuyển sinh\nkind: ke-hoach\nnumber: 1/KH-A\ncategories: [ke-hoach-tuyen-sinh]\npublished: 2026-07-10",
            "2025-2026/quy-che.md":
                "title: Quy chế phối hợp\nkind: quy-che\nnumber: 2/QC-A\ncategories: [quy-che-phoi-hop]\nissued: 2025-10-01"
        ])
        defer { fixture.remove() }
        let builder = Builder(options: BuildOptions(source: fixture.root))
        let before = builder.check(asOf: CalendarDay(year: 2026, month: 6, day: 1))
        // Round 2025's deadline has passed and the portal holds nothing for it; 2026's has not.
        #expect(
            before.filter { $0.code == "compliance.not-published" }.allSatisfy {
                $0.message.vi.contains("đợt công khai năm 2025")
            })
        #expect(before.contains { $0.code == "compliance.not-published" })
        #expect(
            before.filter { $0.code == "compliance.undated" }.map(\.file) == ["content/units/th-a/2025-2026/quy-che.md"]
        )
        let after = builder.check(asOf: CalendarDay(year: 2026, month: 7, day: 1))
        let missing = after.filter {
            $0.code == "compliance.not-published" && $0.message.vi.contains("đợt công khai năm 2026")
        }
        #expect(missing.count == 13)
        // Published on 10 July: not yet there on 1 July, late on 15 July.
        #expect(missing.contains { $0.message.vi.contains("`ke-hoach-tuyen-sinh`") })
        let later = builder.check(asOf: CalendarDay(year: 2026, month: 7, day: 15))
        #expect(
            later.filter { $0.code == "compliance.late" }.map(\.file) == ["content/units/th-a/2026-2027/tuyen-sinh.md"])
        #expect(later.allSatisfy { $0.severity == .warning })
        #expect(missing.allSatisfy { $0.message.en.contains("is not on the portal") })
        let strict = builder.check(asOf: CalendarDay(year: 2026, month: 7, day: 15), strict: true)
        #expect(strict.filter { $0.code.hasPrefix("compliance.") }.allSatisfy { $0.severity == .error })
        #expect(strict.contains { $0.severity == .error })
    }

    /// unit.yaml's `not_applicable:` names items of the unit's list, each with a reason.
    @Test func notApplicableIsChecked() throws {
        let fixture = try portal([:], unitYAML: "not_applicable:\n  thuc-don: \"\"\n  bep-an: Không có bếp.\n")
        defer { fixture.remove() }
        let errors = ContentLoader(root: fixture.root).load().errors
        #expect(errors.contains { $0.code == "unit.missing-reason" })
        #expect(errors.contains { $0.code == "unit.unknown-item" && $0.message.vi.contains("bep-an") })
    }

    /// `period:` and `published:` are checked like every key.
    @Test func periodAndPublishedAreChecked() throws {
        let fixture = try portal([
            "2025-2026/a.md":
                "title: A\nkind: bao-cao\nnumber: 1/BC-A\ncategories: [ket-qua-nam-hoc, khong-co]\nperiod: năm nay\npublished: 2026-06"
        ])
        defer { fixture.remove() }
        let codes = Set(ContentLoader(root: fixture.root).load().errors.map(\.code))
        #expect(
            codes.isSuperset(of: [
                "front-matter.bad-period", "front-matter.published-without-day", "front-matter.unknown-category"
            ]))
    }

    /// Replacement counts between documents of one item and round: a `replaces:` that names
    /// nothing on the portal makes no change late, and next year's plan replacing this year's
    /// leaves this year's round as it was.
    @Test func replacementsStayWithinTheirItemAndRound() throws {
        let fixture = try portal([
            "2026-2027/tuyen-sinh.md":
                "title: Tuyển sinh\nkind: ke-hoach\nnumber: 5/KH-A\nreplaces: 99/KH-A\ncategories: [ke-hoach-tuyen-sinh]\nissued: 2026-05-01\npublished: 2026-05-25",
            "2026-2027/giao-duc.md":
                "title: Kế hoạch 2026-2027\nkind: ke-hoach\nnumber: 6/KH-A\ncategories: [ke-hoach-giao-duc-nam-hoc]\npublished: 2026-06-10",
            "2027-2028/giao-duc.md":
                "title: Kế hoạch 2027-2028\nkind: ke-hoach\nnumber: 7/KH-A\nreplaces: th-a/2026-2027/giao-duc\ncategories: [ke-hoach-giao-duc-nam-hoc]\nissued: 2027-06-01\npublished: 2027-06-03"
        ])
        defer { fixture.remove() }
        let site = try site(fixture)
        #expect(try item(site, "ke-hoach-tuyen-sinh", round: 2026).status == .onTime)
        let thisYear = try item(site, "ke-hoach-giao-duc-nam-hoc", round: 2026)
        #expect(thisYear.status == .onTime && title(site, thisYear) == ["Kế hoạch 2026-2027"])
        #expect(title(site, try item(site, "ke-hoach-giao-duc-nam-hoc", round: 2027)) == ["Kế hoạch 2027-2028"])
    }

    /// As of a day, a replacement published later replaces nothing yet; `compliance.late`
    /// names the document that was late, not a later one.
    @Test func asOfADayAReplacementNotYetPublishedReplacesNothing() throws {
        let fixture = try portal([
            "2026-2027/hoc-phi-1.md":
                "title: Mức thu\nkind: thong-bao\nnumber: 10/TB-A\ncategories: [hoc-phi-khoan-thu]\nissued: 2026-05-28\npublished: 2026-06-01",
            "2026-2027/hoc-phi-2.md":
                "title: Mức thu điều chỉnh\nkind: thong-bao\nnumber: 12/TB-A\nreplaces: 10/TB-A\ncategories: [hoc-phi-khoan-thu]\nissued: 2026-07-06\npublished: 2026-07-10",
            "2026-2027/ke-hoach.md":
                "title: Kế hoạch\nkind: ke-hoach\nnumber: 13/KH-A\ncategories: [ke-hoach-giao-duc-nam-hoc]\npublished: 2026-08-20",
            "2026-2027/phu-luc.md":
                "title: Phụ lục kế hoạch\nkind: ke-hoach\nnumber: 14/KH-A\ncategories: [ke-hoach-giao-duc-nam-hoc]\npublished: 2026-09-01"
        ])
        defer { fixture.remove() }
        let checks = Builder(options: BuildOptions(source: fixture.root)).check(
            asOf: CalendarDay(year: 2026, month: 7, day: 5))
        #expect(
            !checks.contains { $0.code == "compliance.not-published" && $0.message.vi.contains("`hoc-phi-khoan-thu`") })
        let later = Builder(options: BuildOptions(source: fixture.root)).check(
            asOf: CalendarDay(year: 2026, month: 12, day: 1))
        let late = later.filter { $0.code == "compliance.late" }
        #expect(late.map(\.file) == ["content/units/th-a/2026-2027/ke-hoach.md"])
        #expect(late.first?.message.vi.contains("muộn 51 ngày") == true)
    }

    /// A publication date before the document's issue, or years after its school year, is
    /// likely a slip: a warning says so.
    @Test func anUnlikelyPublicationDateIsWarned() throws {
        let fixture = try portal([
            "2025-2026/a.md": "title: A\nkind: bao-cao\nnumber: 1/BC-A\nissued: 2026-03-10\npublished: 2026-03-01",
            "2025-2026/b.md":
                "title: B\nkind: bao-cao\nnumber: 2/BC-A\ncategories: [thong-tin-co-so]\npublished: 2062-09-05"
        ])
        defer { fixture.remove() }
        let warnings = ContentLoader(root: fixture.root).load().diagnostics.filter { $0.severity == .warning }
        #expect(warnings.contains { $0.code == "front-matter.published-before-issued" && $0.file.hasSuffix("a.md") })
        #expect(warnings.contains { $0.code == "front-matter.published-far" && $0.file.hasSuffix("b.md") })
    }
}
