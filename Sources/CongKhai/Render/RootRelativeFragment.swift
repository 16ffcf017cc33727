/// A partial rendered once with a marker standing for `{{root}}` and kept cut at the markers,
/// so every page joins it with its own way back to the root instead of rendering it again:
/// Mustache looks every value up anew at each render, and most of a page's cost is lookups.
enum RootRelativeFragment: Sendable {
    case pieces([Substring])
    /// A value of the context holds the marker itself (a YAML escape; C0 controls are removed
    /// from sources), so the fragment must be rendered for each page.
    case perPage

    static let marker: Character = "\u{1}"
    private static let markerByte: UInt8 = 0x01

    init(rendering context: [String: Any], template: String, templates: TemplateLibrary) {
        guard !Self.holdsMarker(context) else {
            self = .perPage
            return
        }
        var context = context
        context["root"] = String(Self.marker)
        // Cut at the marker's byte: splitting by Character walks grapheme breaks, and a
        // control character never joins its neighbours, so both cut in the same places.
        let html = templates.render(context, template: template)
        self = .pieces(
            html.utf8.split(separator: Self.markerByte, omittingEmptySubsequences: false).map { Substring($0) })
    }

    /// The fragment seen from a page whose root prefix is `root`; `render` makes it for a
    /// `perPage` fragment.
    func html(root: String, render: () -> String) -> String {
        switch self {
        case .pieces(let pieces): return pieces.joined(separator: root)
        case .perPage: return render()
        }
    }

    /// The fragment without the line break it ends with, if it ends with one.
    func trimmingFinalLineBreak() -> RootRelativeFragment {
        guard case .pieces(var pieces) = self, let last = pieces.last else { return self }
        pieces[pieces.count - 1] = Self.trimmingFinalLineBreak(last)
        return .pieces(pieces)
    }

    /// Checked and cut as a byte: a Character view would walk grapheme breaks. A final "\r\n"
    /// is one Character, not "\n", and stays, as `hasSuffix("\n")` leaves it.
    static func trimmingFinalLineBreak(_ text: Substring) -> Substring {
        let bytes = text.utf8
        guard bytes.last == 0x0A else { return text }
        let lineBreak = bytes.index(before: bytes.endIndex)
        if lineBreak > bytes.startIndex, bytes[bytes.index(before: lineBreak)] == 0x0D { return text }
        return text[..<lineBreak]
    }

    private static func holdsMarker(_ value: Any) -> Bool {
        switch value {
        case let text as String: return text.contains(marker)
        case let dictionary as [String: Any]: return dictionary.values.contains(where: holdsMarker)
        case let array as [Any]: return array.contains(where: holdsMarker)
        default: return false
        }
    }
}
