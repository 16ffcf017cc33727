import VietText

/// The head of a document as Nghị định 30/2020 (Phụ lục I) lays it out on paper: the governing
/// body above the issuer, the issuer, the number, and the place and date, with "ngày … tháng …
/// năm …" printed as dots where the paper leaves them blank.
struct PrintedHead {
    /// Lines above the issuer: the letterhead's but its last or, when it names only the issuer
    /// (or there is none), the unit's governing body.
    let governing: [String]
    let issuer: String
    let dateLine: String

    init(source: SourceDocument, unit: PortalUnit?, unitName: String) {
        issuer = source.letterhead.last ?? unitName
        let above = Array(source.letterhead.dropLast())
        governing = above.isEmpty ? (unit?.governingBody.map { [$0] } ?? []) : above
        let place = source.place ?? unit?.district ?? unit?.province
        dateLine = (place.map { "\($0), " } ?? "") + Self.printedDate(source.issued)
    }

    static let blank = "….."

    /// "ngày 05 tháng 01 năm 2024": a day below 10 and the months 1 and 2 take a leading zero
    /// (Nghị định 30/2020, Phụ lục I); a blank is dots.
    static func printedDate(_ date: IssuedDate?) -> String {
        guard let date else { return "ngày \(blank) tháng \(blank) năm \(blank)" }
        let day = date.day.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? blank
        let month = date.month < 3 ? "0\(date.month)" : "\(date.month)"
        return "ngày \(day) tháng \(month) năm \(date.year)"
    }

    var context: [String: Any] {
        ["print_governing": governing, "print_issuer": issuer, "print_date": dateLine]
    }
}
