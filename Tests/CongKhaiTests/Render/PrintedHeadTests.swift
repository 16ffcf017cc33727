import Testing

@testable import CongKhai
@testable import VietText

/// The head a document prints with, as Nghị định 30/2020 lays it out.
@Suite struct PrintedHeadTests {
    let unit = PortalUnit(
        id: "th-an-phuoc", name: "Trường Tiểu học An Phước", kind: "tieu-hoc",
        governingBody: "Phòng Giáo dục và Đào tạo huyện Tân Hồng", district: "Tân Hồng")

    func document(issued: IssuedDate?, place: String? = nil, letterhead: [String] = []) -> SourceDocument {
        SourceDocument(
            unitID: "th-an-phuoc", schoolYear: "2023-2024", slug: "k", sourcePath: "k.md", title: "T", kind: "ke-hoach",
            issued: issued, place: place, letterhead: letterhead, body: "")
    }

    /// Without a letterhead, the unit's governing body stands above it; a day below 10 and
    /// January and February take a leading zero; the place defaults to the unit's district.
    @Test func governingBodyAboveTheUnitAndZeroPaddedDate() {
        let head = PrintedHead(
            source: document(issued: IssuedDate(year: 2025, month: 2, day: 5)), unit: unit, unitName: unit.name)
        #expect(head.governing == ["Phòng Giáo dục và Đào tạo huyện Tân Hồng"])
        #expect(head.issuer == "Trường Tiểu học An Phước")
        #expect(head.dateLine == "Tân Hồng, ngày 05 tháng 02 năm 2025")
        let november = PrintedHead(
            source: document(issued: IssuedDate(year: 2021, month: 11, day: 26), place: "An Phước"), unit: unit,
            unitName: unit.name)
        #expect(november.dateLine == "An Phước, ngày 26 tháng 11 năm 2021")
    }

    /// The blanks the paper leaves for the day, or the whole date, print as dots.
    @Test func blanksPrintAsDots() {
        let noDay = PrintedHead(
            source: document(issued: IssuedDate(year: 2024, month: 4, day: nil)), unit: unit, unitName: unit.name)
        #expect(noDay.dateLine == "Tân Hồng, ngày ….. tháng 4 năm 2024")
        let none = PrintedHead(source: document(issued: nil), unit: nil, unitName: "Trường A")
        #expect(none.dateLine == "ngày ….. tháng ….. năm …..")
        #expect(none.governing.isEmpty && none.issuer == "Trường A")
    }

    /// A letterhead as printed names both lines itself: its last is the issuer.
    @Test func letterheadGivesItsOwnLines() {
        let head = PrintedHead(
            source: document(issued: nil, letterhead: ["UBND HUYỆN TÂN HỒNG", "TRƯỜNG TIỂU HỌC AN PHƯỚC"]), unit: unit,
            unitName: unit.name)
        #expect(head.governing == ["UBND HUYỆN TÂN HỒNG"])
        #expect(head.issuer == "TRƯỜNG TIỂU HỌC AN PHƯỚC")
        // A letterhead of the issuer alone takes the governing body from unit.yaml.
        let oneLine = PrintedHead(
            source: document(issued: nil, letterhead: ["TRƯỜNG TIỂU HỌC AN PHƯỚC"]), unit: unit, unitName: unit.name)
        #expect(
            oneLine.governing == ["Phòng Giáo dục và Đào tạo huyện Tân Hồng"]
                && oneLine.issuer == "TRƯỜNG TIỂU HỌC AN PHƯỚC")
    }
}

/// A table of contents for a long document only, of its two highest heading levels.
@Suite struct TableOfContentsTests {
    func headings(_ levels: [Int]) -> [BodyHeading] {
        levels.enumerated().map { BodyHeading(level: $1, text: "Mục \($0)", id: "muc-\($0)") }
    }

    @Test func shownFromFourHeadingsOfTheTopTwoLevels() {
        #expect(TableOfContents(headings([2, 3, 3])).entries.isEmpty)
        let contents = TableOfContents(headings([2, 3, 4, 3, 2]))
        #expect(contents.entries.map(\.id) == ["muc-0", "muc-1", "muc-3", "muc-4"])
        #expect(contents.entries.map(\.isSub) == [false, true, true, false])
        // Levels count from the highest the document uses, whatever it is.
        #expect(TableOfContents(headings([4, 4, 5, 6, 4])).entries.map(\.isSub) == [false, false, true, false])
    }
}
