import Foundation
import VietText

/// Page numbers and running headers or footers of a text taken from printed pages (pdftotext,
/// a PDF viewer's copy), found only with evidence that they are page furniture: a repeated line
/// is one only where it stands at the same place next to a page's edge, on two pages or more,
/// and does not go on with the sentence of the line before it. A page's edge is a form feed
/// (pdftotext's page break) or a page number. Without that evidence a repeated line is text:
/// a list whose items end with the same wrapped line keeps every one of them.
struct PageFurniture {
    /// A line left out, for the import's report.
    struct Removal: Equatable {
        enum Kind: Equatable { case pageNumber, runningLine }
        var kind: Kind
        var text: String
        /// Source lines, 1-based, in order.
        var lines: [Int]
    }

    /// The lines with the furniture blanked (positions kept), and what was blanked.
    let kept: [SourceLine]
    let removed: [Removal]

    /// How far from a page's edge, in non-blank lines, a running header or footer may stand:
    /// a header of two lines over a rule, a footer over a page number.
    static let band = 3

    init(_ lines: [SourceLine]) {
        let textual = lines.indices.filter { !lines[$0].isBlank }
        // Orders (among the non-blank lines) of the first line of each page after the first: a
        // form feed may stand on a blank line above it.
        var pageStarts = Set<Int>()
        var pending = false
        var order = 0
        for line in lines {
            pending = pending || line.startsPage
            if line.isBlank { continue }
            if pending && order > 0 { pageStarts.insert(order) }
            pending = false
            order += 1
        }
        let pageNumbers = Self.pageNumbers(lines, textual: textual, pageStarts: pageStarts)
        let edges = Self.edges(textual: textual, pageStarts: pageStarts, pageNumbers: pageNumbers)
        let running = Self.runningLines(lines, textual: textual, pageNumbers: pageNumbers, edges: edges)
        var kept = lines
        for index in pageNumbers.union(running) { kept[index] = SourceLine(number: lines[index].number, text: "") }
        var removed: [Removal] = []
        if !pageNumbers.isEmpty {
            let sorted = pageNumbers.sorted()
            removed.append(
                Removal(
                    kind: .pageNumber, text: sorted.map { lines[$0].plain }.joined(separator: ", "),
                    lines: sorted.map { lines[$0].number }))
        }
        var byText: [String: [Int]] = [:]
        for index in running.sorted() { byText[lines[index].plain, default: []].append(lines[index].number) }
        for (text, numbers) in byText.sorted(by: { $0.value[0] < $1.value[0] }) {
            removed.append(Removal(kind: .runningLine, text: text, lines: numbers))
        }
        self.kept = kept
        self.removed = removed
    }

    // MARK: - Page numbers

    /// "- 2 -", "Trang 3", "Trang 3/5" are page numbers wherever they stand; "12" and "3/5" alone
    /// on a line only at a page break or as one of a run (2, 3, 4 ...) a page apart.
    private static func pageNumbers(_ lines: [SourceLine], textual: [Int], pageStarts: Set<Int>) -> Set<Int> {
        var found = Set<Int>()
        var bare: [(index: Int, order: Int, value: Int)] = []
        for (order, index) in textual.enumerated() {
            guard let number = pageNumber(in: lines[index].plain) else { continue }
            if number.explicit { found.insert(index) } else { bare.append((index, order, number.value)) }
        }
        let lastOrder = textual.count - 1
        // Next to a form feed: the last line of a page or the first of the next.
        for candidate in bare
        where pageStarts.contains(candidate.order) || pageStarts.contains(candidate.order + 1)
            || (!pageStarts.isEmpty && candidate.order == lastOrder)
        {
            found.insert(candidate.index)
        }
        // A run (2, 3, 4 ...): each the number after the last, at least a short page further on,
        // with no other number alone on a line between (a table copied a cell a line has many).
        // Three at least, or two when they are the text's only numbers alone on a line.
        var run: [Int] = []
        func close() {
            if run.count >= 3 || (run.count == 2 && bare.count == 2) { found.formUnion(run.map { bare[$0].index }) }
        }
        for position in bare.indices {
            if let last = run.last, bare[position].value == bare[last].value + 1, position == last + 1,
                bare[position].order - bare[last].order >= minimumPage
            {
                run.append(position)
            } else {
                close()
                run = [position]
            }
        }
        close()
        return found
    }

    /// Non-blank lines between two page numbers, at the least: a page holds far more.
    static let minimumPage = 12

    private static func pageNumber(in text: String) -> (value: Int, explicit: Bool)? {
        let folded = VietnameseText.fold(text).lowercased()
        let digits = folded.split(whereSeparator: { !$0.isNumber })
        guard let first = digits.first, first.count <= 3, let value = Int(first) else { return nil }
        let shape = folded.map { $0.isNumber ? "9" : String($0) }.joined()
            .replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "999", with: "9").replacingOccurrences(
                of: "99", with: "9")
        switch shape {
        case "-9-", "–9–", "—9—", "trang9", "trang9/9", "page9", "page9/9": return (value, true)
        case "9", "9/9": return (value, false)
        default: return nil
        }
    }

    // MARK: - Page edges

    /// Where pages meet, as orders among the non-blank lines: the first line of a page after a
    /// form feed, and the place of a page number. With any such edge, the text's own start and
    /// end are edges too (the first page's header, the last page's footer).
    private static func edges(textual: [Int], pageStarts: Set<Int>, pageNumbers: Set<Int>) -> [Int] {
        var edges = pageStarts
        for (order, index) in textual.enumerated() where pageNumbers.contains(index) { edges.insert(order) }
        if edges.isEmpty { return [] }
        edges.formUnion([0, textual.count])
        return edges.sorted()
    }

    // MARK: - Running headers and footers

    /// Where a line stands from a page's edge: after it (a header) or before it (a footer), and
    /// how many non-blank lines away, page numbers not counted.
    private struct Place: Hashable {
        var afterEdge: Bool
        var distance: Int
    }

    private static func runningLines(_ lines: [SourceLine], textual: [Int], pageNumbers: Set<Int>, edges: [Int]) -> Set<
        Int
    > {
        guard !edges.isEmpty else { return [] }
        // The places of each non-blank line within the band of an edge, by its text.
        var occurrences: [String: [(order: Int, places: Set<Place>)]] = [:]
        for (order, index) in textual.enumerated() where !pageNumbers.contains(index) && lines[index].plain.count <= 120
        {
            let places = Self.places(of: order, textual: textual, pageNumbers: pageNumbers, edges: edges)
            if !places.isEmpty { occurrences[lines[index].plain, default: []].append((order, places)) }
        }
        var candidates = Set<Int>()
        for (_, found) in occurrences where found.count >= 2 {
            // The same place on each page: the place most of the occurrences share.
            var tally: [Place: Int] = [:]
            for occurrence in found { for place in occurrence.places { tally[place, default: 0] += 1 } }
            guard
                let common = tally.max(by: {
                    ($0.value, $1.key.distance, $1.key.afterEdge ? 0 : 1) < (
                        $1.value, $0.key.distance, $0.key.afterEdge ? 0 : 1
                    )
                }),
                common.value >= 2
            else { continue }
            for occurrence in found where occurrence.places.contains(common.key) { candidates.insert(occurrence.order) }
        }
        let furniture = Set(candidates.map { textual[$0] }).union(pageNumbers)
        return Set(
            candidates.filter { !continuesSentence(at: $0, lines: lines, textual: textual, furniture: furniture) }.map {
                textual[$0]
            })
    }

    private static func places(of order: Int, textual: [Int], pageNumbers: Set<Int>, edges: [Int]) -> Set<Place> {
        var places = Set<Place>()
        // The nearest edge at or before it, and the nearest after it.
        let before = edges.last { $0 <= order }
        let after = edges.first { $0 > order }
        func distance(_ range: Range<Int>) -> Int { range.filter { !pageNumbers.contains(textual[$0]) }.count }
        if let before {
            let start = pageNumbers.contains(textual[before]) ? before + 1 : before
            if start <= order {
                let away = distance(start..<order)
                if away < band { places.insert(Place(afterEdge: true, distance: away)) }
            }
        }
        if let after {
            let away = distance((order + 1)..<after)
            if away < band { places.insert(Place(afterEdge: false, distance: away)) }
        }
        return places
    }

    /// A line opening in lowercase after a line that ends no sentence goes on with it: it is text
    /// ("... Họp Hội đồng sư phạm" / "và các phiên họp định kỳ ..."), however often it repeats.
    /// The line before is the text's, not another header's or a page number.
    private static func continuesSentence(at order: Int, lines: [SourceLine], textual: [Int], furniture: Set<Int>)
        -> Bool
    {
        guard let first = lines[textual[order]].plain.first, first.isLowercase else { return false }
        guard let previous = textual[..<order].last(where: { !furniture.contains($0) }) else { return false }
        guard let last = lines[previous].plain.last else { return false }
        return !".;:!?…".contains(last)
    }
}

extension ImportedDocument {
    /// Says in the import's report what was left out as page furniture, and keeps the word check
    /// from missing its words.
    mutating func reportRemoved(_ removals: [PageFurniture.Removal]) {
        for removal in removals {
            droppedLines.formUnion(removal.lines)
            let at = removal.lines.map(String.init).joined(separator: ", ")
            switch removal.kind {
            case .pageNumber:
                warnings.append(
                    ImportWarning(
                        "import.page-numbers-removed",
                        line: removal.lines.first,
                        message: .init(
                            vi: "đã bỏ \(removal.lines.count) số trang (\(removal.text); dòng \(at)).",
                            en: "left out \(removal.lines.count) page numbers (\(removal.text); lines \(at)).")))
            case .runningLine:
                warnings.append(
                    ImportWarning(
                        "import.running-line-removed",
                        line: removal.lines.first,
                        message: .init(
                            vi:
                                "đã bỏ dòng “\(removal.text)” lặp lại \(removal.lines.count) lần ở đầu hoặc cuối trang (dòng \(at)), coi là tiêu đề trang in; nếu đó là nội dung, hãy thêm lại vào tệp đã tạo.",
                            en:
                                "left out “\(removal.text)”, repeated \(removal.lines.count) times at the top or foot of a page (lines \(at)), as a running header or footer; if it is text, add it back to the written file."
                        )))
            }
        }
    }
}
