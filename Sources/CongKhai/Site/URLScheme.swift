import VietText

/// Where every page lives, as paths relative to the site root that name their file
/// ("don-vi/x/index.html"), so links work from a domain root, a sub-path and file://.
package enum URLScheme {
    package static let home = "index.html"
    package static let units = "don-vi/index.html"
    package static let directives = "can-cu/index.html"
    package static let listings = "cong-khai/index.html"
    package static let search = "tim-kiem/index.html"
    package static let notFound = "404.html"
    package static let stylesheet = "assets/style.css"

    package static func unit(_ id: String) -> String { "don-vi/\(id)/index.html" }
    package static func documentFolder(_ document: SourceDocument) -> String {
        "don-vi/\(document.unitID)/\(document.schoolYear)/\(document.slug)/"
    }
    package static func document(_ document: SourceDocument) -> String { documentFolder(document) + "index.html" }
    package static func directive(_ key: String, page: Int = 1) -> String { paged("can-cu/\(key)/", page) }
    package static func page(_ slug: String) -> String { "trang/\(slug)/index.html" }
    /// A unit's TT 09 checklist for the round of `year` (deadline 30/6/year).
    package static func checklist(_ unitID: String, round year: Int) -> String {
        "don-vi/\(unitID)/cong-khai/\(year)/index.html"
    }
    /// Every unit's progress in the round of `year`: the inspector's table.
    package static func progress(round year: Int) -> String { "cong-khai/tien-do/\(year)/index.html" }
    package static func listing(_ listing: ListingKind, page: Int = 1) -> String {
        paged("cong-khai/\(listing.folder)/", page)
    }

    /// Page 1 is the folder's index.html; page n is trang-n/index.html inside it.
    static func paged(_ folder: String, _ page: Int) -> String {
        page <= 1 ? folder + "index.html" : folder + "trang-\(page)/index.html"
    }

    /// "../../" for "don-vi/x/index.html": the way back to the site root from a page.
    package static func rootPrefix(of path: String) -> String {
        String(repeating: "../", count: path.utf8.filter { $0 == 0x2F }.count)
    }

    /// An attachment's published name: an ASCII slug with its extension kept.
    package static func attachmentName(_ name: String) -> String { VietnameseText.fileSlug(name) }
}

/// The public-access listings: by school year, by category, by kind of document.
package enum ListingKind: Hashable, Sendable {
    case schoolYear(String)
    case category(String)
    case kind(String)

    var folder: String {
        switch self {
        case .schoolYear(let year): return "nam-hoc/\(year)"
        case .category(let slug): return "danh-muc/\(slug)"
        case .kind(let slug): return "loai/\(slug)"
        }
    }
}
