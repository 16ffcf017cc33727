/// A long document's table of contents: its headings of the two highest levels it uses, when
/// there are more than three (a short document is read without one).
struct TableOfContents {
    struct Entry {
        var text: String
        var id: String
        /// Of the second level, shown indented.
        var isSub: Bool
    }

    static let minimumHeadings = 4

    let entries: [Entry]

    init(_ headings: [BodyHeading]) {
        let levels = Set(headings.map(\.level)).sorted().prefix(2)
        let shown = headings.filter { levels.contains($0.level) && !$0.text.isEmpty }
        guard shown.count >= Self.minimumHeadings, let top = levels.first else {
            entries = []
            return
        }
        entries = shown.map { Entry(text: $0.text, id: $0.id, isSub: $0.level != top) }
    }
}
