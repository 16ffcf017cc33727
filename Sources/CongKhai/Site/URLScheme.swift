import VietText

/// Where every page lives, as paths relative to the site root that name their file
/// ("don-vi/x/index.html"), so links work from a domain root, a sub-path and file://.
public enum URLScheme {
    public static let home = "index.html"
    public static let units = "don-vi/index.html"
    public static let directives = "can-cu/index.html"
    public static let listings = "cong-khai/index.html"
    public static let search = "tim-kiem/index.html"
    public static let notFound = "404.html"
    public static let stylesheet = "assets/style.css"

    public static func unit(_ id: String) -> String { "don-vi/\(id)/index.html" }
    public static func documentFolder(_ document: SourceDocument) -> String {
        "don-vi/\(document.unitID)/\(document.schoolYear)/\(document.slug)/"
    }
    public static func document(_ document: SourceDocument) -> String { documentFolder(document) + "index.html" }
    public static func directive(_ key: String, page: Int = 1) -> String { paged("can-cu/\(key)/", page) }
    public static func page(_ slug: String) -> String { "trang/\(slug)/index.html" }
    /// A unit's TT 09 checklist for the round of `year` (deadline 30/6/year).
    public static func checklist(_ unitID: String, round year: Int) -> String {
        "don-vi/\(unitID)/cong-khai/\(year)/index.html"
    }
    /// Every unit's progress in the round of `year`: the inspector's table.
    public static func progress(round year: Int) -> String { "cong-khai/tien-do/\(year)/index.html" }
    public static func listing(_ listing: ListingKind, page: Int = 1) -> String {
        paged("cong-khai/\(listing.folder)/", page)
    }

    /// Page 1 is the folder's index.html; page n is trang-n/index.html inside it.
    static func paged(_ folder: String, _ page: Int) -> String {
        page <= 1 ? folder + "index.html" : folder + "trang-\(page)/index.html"
    }

    /// "../../" for "don-vi/x/index.html": the way back to the site root from a page.
    public static func rootPrefix(of path: String) -> String {
        String(repeating: "../", count: path.utf8.filter { $0 == 0x2F }.count)
    }

    /// An attachment's published name: an ASCII slug with its extension kept.
    public static func attachmentName(_ name: String) -> String { VietnameseText.fileSlug(name) }
}

/// The public-access listings: by school year, by category, by kind of document.
public enum ListingKind: Hashable, Sendable {
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
