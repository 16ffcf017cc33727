import Citations
import VietText

/// Stage 3's result: the whole site, resolved once. Every index (listings, the directive index,
/// unit pages) is computed here, never by a template looping over everything.
package struct SiteModel: Sendable {
    package var settings: PortalSettings
    package var units: [SiteUnit]
    /// Newest first.
    package var documents: [SiteDocument]
    /// Grouped for the index: by level, then newest first.
    package var directives: [Directive]
    package var listings: [Listing]
    package var pages: [SourcePage]
    /// School years with documents, newest first.
    package var schoolYears: [String]
    package var archives: [PublishedArchive] = []
    /// Warnings about the bodies: citations not resolved for sure, broken links, misplaced blocks.
    package var diagnostics: [Diagnostic] = []
    /// TT 09 disclosure rounds the portal holds documents for, oldest first (none before the
    /// catalogue's first round).
    package var rounds: [Int] = []
    /// Every unit with items to disclose, in `units`' order, with its checklist per round.
    package var compliance: [UnitCompliance] = []
    /// The school year of a yearly archive's build: its checklists show only that year's documents.
    package var archiveYear: String?

    package func unit(_ id: String) -> SiteUnit? { units.first { $0.unit.id == id } }
}

package struct SiteUnit: Sendable {
    package var unit: PortalUnit
    package var url: String
    /// Indexes into `SiteModel.documents`, newest first.
    package var documents: [Int]
}

package struct SiteDocument: Sendable {
    package var source: SourceDocument
    package var url: String
    package var rendered: RenderedMarkdown
    /// The directive each of `rendered.citations` resolved to, by position.
    package var directiveKeys: [String]
    /// The same directives by their place in `SiteModel.directives`: what the pages' keys
    /// read, numbers rather than texts looked up.
    package var directivePlaces: [Int32]
    /// The categories it is listed under: those its `categories:` names, an item standing for
    /// its group (TT 09 section), each once.
    package var categoryGroups: [String] = []
    /// Distinct directives, in order of first citation.
    package var basis: [String]
    package var references: [String]
}

package struct Directive: Sendable {
    package struct CitedBy: Sendable {
        package var document: Int
        /// The citation shown, by its position in the document's citations.
        package var position: Int
        package var relation: Citation.Relation
    }

    package var key: String
    package var identity: DirectiveKey
    package var type: String
    /// The canonical spelling: 33/CT-TTg, never 33/CTTTg.
    package var symbol: String
    package var variants: [String]
    package var date: IssuedDate?
    package var issuer: String?
    package var subject: String?
    package var level: IssuingLevel
    package var url: String
    /// One entry per citing document, newest document first.
    package var citedBy: [CitedBy]

    /// "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ"
    package var title: String {
        var text = "\(type) số \(symbol)"
        if let date { text += " ngày \(date.vietnameseShort)" }
        if let issuer { text += " của \(issuer)" }
        return text
    }
}

package struct Listing: Sendable {
    package var kind: ListingKind
    package var title: String
    /// Indexes into `SiteModel.documents`, newest first.
    package var documents: [Int]
    package var pageCount: Int
}
