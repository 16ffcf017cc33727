import Foundation

/// A word of running text as the date reader sees it: the citation scanner's tokens are these.
package protocol DateWord {
    /// The word as printed.
    var text: String { get }
    /// The word lowercased.
    var lower: String { get }
    /// Whether the word is all ASCII digits.
    var isDigits: Bool { get }
}

/// Dates as Vietnamese documents print them, read in one place: "ngày 26 tháng 11 năm 2021",
/// "ngày 26/11/2021", "ngày   tháng 4 năm 2024" (the day left blank), "tháng 8 năm 2024"; every
/// one becomes an `IssuedDate` only through its checks (a real day of a real month).
///
/// Two entry points over the same forms: `match(_:at:)` reads the words of running text (the
/// citation scanner: "… ngày 26/11/2021 của Thủ tướng …"); `placeAndDate(in:)` reads a whole
/// header line ("Tân Hồng, ngày 31 tháng 05 năm 2024", import), which may also print its blank
/// day as dots ("ngày …… tháng 4 năm 2024").
package enum VietnameseDate {
    /// The date starting at word `start` ("ngày" or "tháng"), and the index after it.
    @inlinable
    package static func match<Word: DateWord>(_ words: [Word], at start: Int) -> (date: IssuedDate, next: Int)? {
        guard start < words.count else { return nil }
        if words[start].lower == "tháng" { return matchMonth(words, at: start, day: nil) }
        guard words[start].lower == "ngày" || words[start].lower == "ngay" else { return nil }
        var index = start + 1
        // "ngày ngày 04 tháng 9 năm 2020": a word typed twice.
        if index < words.count, words[index].lower == words[start].lower { index += 1 }
        // Figures: D sep M sep YYYY ("26/11/2021", "18/5 /2021", "05-9-2024").
        if let day = number(words, index), index + 4 < words.count,
            ["/", "-", "."].contains(words[index + 1].text), let month = number(words, index + 2),
            ["/", "-", "."].contains(words[index + 3].text), let year = number(words, index + 4),
            words[index + 4].text.count == 4,
            let date = IssuedDate(year: year, month: month, day: day)
        {
            return (date, index + 5)
        }
        // Words: [D] tháng M năm YYYY
        var day: Int?
        if let value = number(words, index) {
            day = value
            index += 1
        }
        return matchMonth(words, at: index, day: day)
    }

    /// "tháng M năm YYYY" at `start`, on `day` if known.
    @inlinable
    static func matchMonth<Word: DateWord>(_ words: [Word], at start: Int, day: Int?) -> (date: IssuedDate, next: Int)?
    {
        guard start + 3 < words.count, words[start].lower == "tháng", let month = number(words, start + 1),
            words[start + 2].lower == "năm", let year = number(words, start + 3),
            let date = IssuedDate(year: year, month: month, day: day)
        else { return nil }
        return (date, start + 4)
    }

    @inlinable
    static func number<Word: DateWord>(_ words: [Word], _ index: Int) -> Int? {
        index < words.count && words[index].isDigits ? Int(words[index].text) : nil
    }

    /// A header's place and date, the line all of it: "Tân Hồng, ngày 31 tháng 05 năm 2024",
    /// "Hà Nội, ngày   tháng 4 năm 2024", "ngày 15/9/2024". The place is nil when none is printed;
    /// the date is nil when its figures are no real day.
    package static func placeAndDate(in line: String) -> (place: String?, date: IssuedDate?)? {
        guard let regex = headerLine else { return nil }
        let range = NSRange(line.startIndex..., in: line)
        guard let match = regex.firstMatch(in: line, range: range) else { return nil }
        func group(_ index: Int) -> String? {
            guard let range = Range(match.range(at: index), in: line) else { return nil }
            return String(line[range])
        }
        let place = group(1).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " ,.…_")) }.flatMap {
            $0.isEmpty ? nil : $0
        }
        let figures = group(8) != nil
        let date = IssuedDate(
            year: Int(group(figures ? 8 : 4) ?? "") ?? 0, month: Int(group(figures ? 7 : 3) ?? "") ?? 0,
            day: group(figures ? 5 : 2).flatMap { Int($0) })
        return (place, date)
    }

    /// Compiled once: the place (at most 60 characters), then "ngày" and the date in words, the
    /// blank day as spaces or dots, or in figures with one separator twice.
    private static let headerLine = try? NSRegularExpression(
        pattern:
            #"^(.{0,60}?)[,\s]\s*ngày\s*(?:([0-9]{1,2})?[\s.…_]*tháng\s*([0-9]{1,2})[\s.…_,]*năm\s*([0-9]{4})|([0-9]{1,2})\s*([/.-])\s*([0-9]{1,2})\s*\6\s*([0-9]{4}))\s*\.?$"#,
        options: [.caseInsensitive])
}
