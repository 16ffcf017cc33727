import Citations
import VietText

/// Stage 3's result: the whole site, resolved once. Every index (listings, the directive index,
/// unit pages) is computed here, never by a template looping over everything.
public struct SiteModel: Sendable {
    public var settings: PortalSettings
    public var units: [SiteUnit]
    /// Newest first.
    public var documents: [SiteDocument]
    /// Grouped for the index: by level, then newest first.
    public var directives: [Directive]
    public var listings: [Listing]
    public var pages: [SourcePage]
    /// School years with documents, newest first.
    public var schoolYears: [String]
    public var archives: [PublishedArchive] = []
    /// Warnings about the bodies: citations not resolved for sure, broken links, misplaced blocks.
    public var diagnostics: [Diagnostic] = []
    /// TT 09 disclosure rounds the portal holds documents for, oldest first (none before the
    /// catalogue's first round).
    public var rounds: [Int] = []
    /// Every unit with items to disclose, in `units`' order, with its checklist per round.
    public var compliance: [UnitCompliance] = []
    /// The school year of a yearly archive's build: its checklists show only that year's documents.
    public var archiveYear: String?

    public func unit(_ id: String) -> SiteUnit? { units.first { $0.unit.id == id } }
}

public struct SiteUnit: Sendable {
    public var unit: PortalUnit
    public var url: String
    /// Indexes into `SiteModel.documents`, newest first.
    public var documents: [Int]
}

public struct SiteDocument: Sendable {
    public var source: SourceDocument
    public var url: String
    public var rendered: RenderedMarkdown
    /// The directive each of `rendered.citations` resolved to, by position.
    public var directiveKeys: [String]
    /// The categories it is listed under: those its `categories:` names, an item standing for
    /// its group (TT 09 section), each once.
    public var categoryGroups: [String] = []
    /// Distinct directives, in order of first citation.
    public var basis: [String]
    public var references: [String]
}

public struct Directive: Sendable {
    public struct CitedBy: Sendable {
        public var document: Int
        /// The citation shown, by its position in the document's citations.
        public var position: Int
        public var relation: Citation.Relation
    }

    public var key: String
    public var identity: DirectiveKey
    public var type: String
    /// The canonical spelling: 33/CT-TTg, never 33/CTTTg.
    public var symbol: String
    public var variants: [String]
    public var date: IssuedDate?
    public var issuer: String?
    public var subject: String?
    public var level: IssuingLevel
    public var url: String
    /// One entry per citing document, newest document first.
    public var citedBy: [CitedBy]

    /// "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ"
    public var title: String {
        var text = "\(type) số \(symbol)"
        if let date { text += " ngày \(date.vietnameseShort)" }
        if let issuer { text += " của \(issuer)" }
        return text
    }
}

public struct Listing: Sendable {
    public var kind: ListingKind
    public var title: String
    /// Indexes into `SiteModel.documents`, newest first.
    public var documents: [Int]
    public var pageCount: Int
}
