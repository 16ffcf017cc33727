import Foundation

/// A kind of page (or of a file written like one: a feed, the open data, the sitemap), defined
/// in one place: which pages of the kind a site has, where each goes, how it is rendered (its
/// template and context) and what its output is made of (its key, which decides whether a
/// rebuild can reuse it). What a page shows and what invalidates it are written side by side;
/// `make rebuild-check` (a short form in `make test`) catches a key that misses something.
///
/// To add a kind: a type here, its template in templates/, its name in DefaultTemplates, and
/// its place in `PageKinds.all`.
protocol PageKind: Sendable {
    /// Every page of the kind in the site, in order.
    static func pages(_ site: SiteModel, _ contexts: PageContexts) -> [Self]

    /// Whether it counts as a page in the build's summary (feeds, open data and the sitemap do not).
    var isPage: Bool { get }

    /// Its file, relative to the output folder.
    func path(_ site: SiteModel) -> String

    /// Its bytes.
    func render(_ page: PageRendering) -> Data

    /// Adds what its output is made of to `hasher`; false when it must be rendered every time
    /// (its inputs are unknown, or it is too small to be worth a key).
    func key(_ hasher: inout PageKeyHasher) -> Bool

    /// Whether its key reads every document or directive (the open data, the sitemap, the
    /// list of cited texts): those keys, each several milliseconds, are made beside the
    /// others rather than left to finish last on one core.
    static var keyReadsEverything: Bool { get }
}

extension PageKind {
    var isPage: Bool { true }
    static var keyReadsEverything: Bool { false }
}

/// Every kind, in the order their pages are written.
enum PageKinds {
    /// The kinds whose pages follow from the site alone; the sitemap's files also depend on how
    /// many addresses a file may hold.
    static let kinds: [any PageKind.Type] = [
        HomePage.self, UnitsPage.self, ListingsPage.self, DirectivesPage.self, NotFoundPage.self, SearchPage.self,
        UnitPage.self, DocumentPage.self, ListingPage.self, DirectivePage.self, FreePage.self, ChecklistPage.self,
        ProgressPage.self, UnitFeedFile.self, PortalFeedFile.self, OpenDataFile.self
    ]

    static func all(_ site: SiteModel, _ contexts: PageContexts, sitemapLimit: Int) -> [any PageKind] {
        func pages<Kind: PageKind>(of kind: Kind.Type) -> [any PageKind] { kind.pages(site, contexts) }
        return kinds.flatMap { pages(of: $0) }
            + SitemapFile.pages(site, contexts, sitemapLimit: sitemapLimit) as [any PageKind]
    }
}

/// What rendering a page may use: the site, the contexts, the templates, and what the writer
/// prepared once for all pages.
struct PageRendering: @unchecked Sendable {
    let site: SiteModel
    let contexts: PageContexts
    let templates: TemplateLibrary
    /// The free pages' bodies, rendered once.
    let pageBodies: [String]
    let feeds: Discovery
    let sitemapLocations: Later<[(loc: String, lastmod: String?)]>
    let sitemapLimit: Int
    /// Given, a document's HTML is let go once its page is rendered (SiteWriter.parseAgain).
    let parseAgain: (@Sendable (SourceDocument) -> RenderedMarkdown)?

    func render(_ context: [String: Any], template: String) -> Data {
        Data(templates.render(context, template: template).utf8)
    }
}
