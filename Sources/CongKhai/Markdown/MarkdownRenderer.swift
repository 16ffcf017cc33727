import CCmarkGFM
import Citations
import Foundation
import VietText

/// A Markdown body turned into HTML, with the citations found in its text.
public struct RenderedMarkdown: Sendable {
    /// What a parse holds, in one box shared by copies until one is changed: a parse passes
    /// from the cache to the loads, the portal, the site and its document, and a copy of a
    /// dozen references was a dozen reference counts, each on memory long out of the cache.
    private struct Parts {
        /// The HTML as made, or to be made again when read (a document taken from the cache,
        /// or one whose page is written).
        var deferredHTML: HeldHTML
        var deferredCitations: Deferred<[Citation]>
        var citationSummary: CitationSummary
        var recordedCitations: RecordSlice?
        var blanks: [BlankCitation]
        var links: [BodyLink]
        var recipientsLine: Int?
        var excerpt: String
        /// The words as counted, or to be counted again when read.
        var deferredWords: Deferred<WordCounts>
        /// The parse made again, of a document taken from the cache, which its HTML and words
        /// are read from.
        var parsedAgain: Later<RenderedMarkdown>?
    }

    private final class Box: @unchecked Sendable {
        // Changed only through `unique()`, when no other parse shares it.
        var parts: Parts
        init(_ parts: Parts) { self.parts = parts }
    }

    private var box: Box

    /// The box, made this value's own before a change.
    private mutating func unique() -> Box {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.parts) }
        return box
    }

    /// The body's HTML; each citation's words are a link to `MarkdownRenderer.citationURL(i)`,
    /// to be replaced by the directive's address once directives are resolved.
    package var html: String { box.parts.deferredHTML.value.body }
    /// Each appendix's HTML (`AppendixMarker`), linked the same way.
    package var appendices: [String] { box.parts.deferredHTML.value.appendices }
    /// The headings of the body and appendices, anchored in their HTML.
    package var headings: [BodyHeading] { box.parts.deferredHTML.value.headings }
    /// The citations found, in order; those of a document taken from the cache are decoded
    /// when first read (`citationSummary` says what most of a build needs of them).
    package var citations: [Citation] {
        get { box.parts.deferredCitations.value }
        set {
            let box = unique()
            box.parts.deferredCitations = Deferred(newValue)
            box.parts.citationSummary = CitationSummary(newValue)
            box.parts.recordedCitations = nil
        }
    }
    package var citationSummary: CitationSummary { box.parts.citationSummary }
    /// The citations as the cache holds them (DocumentRecord), while they are the ones read
    /// from it: written back as they are.
    var recordedCitations: RecordSlice? { box.parts.recordedCitations }
    package var blanks: [BlankCitation] {
        get { box.parts.blanks }
        set { unique().parts.blanks = newValue }
    }
    /// Links the author wrote, with their file line, to check relative ones.
    package var links: [BodyLink] {
        get { box.parts.links }
        set { unique().parts.links = newValue }
    }
    /// File line of a paragraph opening with "Nơi nhận", which belongs in `recipients`.
    package var recipientsLine: Int? {
        get { box.parts.recipientsLine }
        set { unique().parts.recipientsLine = newValue }
    }
    /// A sentence or two saying what the document is about, for search results (`Excerpt`).
    package var excerpt: String {
        get { box.parts.excerpt }
        set { unique().parts.excerpt = newValue }
    }
    /// Lets the HTML go, for this value and its copies; `again` makes it should it be read again.
    /// A document taken from the cache also lets go of the parse made again for its HTML.
    package func releaseHTML(makingAgain again: @escaping @Sendable () -> RenderedMarkdown) {
        box.parts.deferredHTML.release { again().box.parts.deferredHTML.value }
        box.parts.parsedAgain?.forget()
    }

    /// The words of the body's text (every block's), counted, for the search index.
    package var words: WordCounts {
        get { box.parts.deferredWords.value }
        set { unique().parts.deferredWords = Deferred(newValue) }
    }

    package init(
        html: String, appendices: [String] = [], headings: [BodyHeading] = [], citations: [Citation],
        blanks: [BlankCitation],
        links: [BodyLink] = [], recipientsLine: Int? = nil, excerpt: String = "", words: WordCounts = WordCounts()
    ) {
        box = Box(
            Parts(
                deferredHTML: HeldHTML(Deferred(RenderedHTML(body: html, appendices: appendices, headings: headings))),
                deferredCitations: Deferred(citations), citationSummary: CitationSummary(citations),
                recordedCitations: nil, blanks: blanks, links: links, recipientsLine: recipientsLine,
                excerpt: excerpt, deferredWords: Deferred(words), parsedAgain: nil))
    }

    /// The same parse with its HTML and words left to `again`, a parse of the same body made
    /// when one of them is first read, and its citations to `citations`, which decodes them
    /// from `recorded` (what `summary` sums up).
    init(
        citations: Later<[Citation]>, recorded: RecordSlice, summary: CitationSummary, blanks: [BlankCitation],
        links: [BodyLink],
        recipientsLine: Int?, excerpt: String, again: Later<RenderedMarkdown>
    ) {
        box = Box(
            Parts(
                deferredHTML: HeldHTML(Deferred(Later { again.value.box.parts.deferredHTML.value })),
                deferredCitations: Deferred(citations), citationSummary: summary, recordedCitations: recorded,
                blanks: blanks, links: links, recipientsLine: recipientsLine, excerpt: excerpt,
                deferredWords: Deferred(Later { again.value.words }), parsedAgain: again))
    }
}

/// A body's HTML and its appendices', with the headings anchored in them.
package struct RenderedHTML: Sendable {
    package var body: String
    package var appendices: [String]
    package var headings: [BodyHeading]
}

package struct BodyLink: Sendable, Hashable {
    package var url: String
    package var line: Int
}

/// Stage 2: Markdown through Debian's cmark-gfm with the GFM extensions (table, strikethrough,
/// autolink, tagfilter). Raw HTML is never passed through: CMARK_OPT_UNSAFE is not set, so
/// cmark-gfm drops it and unsafe link schemes (javascript:, data:, vbscript:, file:).
public struct MarkdownRenderer: Sendable {
    /// The placeholder scheme for citation links; links a body writes with it are neutralised.
    static let placeholderScheme = "congkhai-cite:"

    package static func citationURL(_ index: Int) -> String { "\(placeholderScheme)\(index)" }

    public init() {
        _ = CmarkRuntime.shared
    }

    public func render(_ markdown: String, firstLine: Int = 1, scanner: CitationScanner? = CitationScanner())
        -> RenderedMarkdown
    {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES
        let rendered = parsed(markdown, firstLine: firstLine, scanner: scanner, options: options) { scanned in
            // The appendices are cut out after the citations are linked: their citations count
            // with the body's, in one numbering.
            let appendices = AppendixSplit.split(scanned.document)
            defer { for appendix in appendices { cmark_node_free(appendix) } }
            let parts = [scanned.document] + appendices
            let headings = BodyHeading.collect(parts)
            let extensions = cmark_parser_get_syntax_extensions(scanned.parser)
            let htmls = zip(parts, headings).map { part, headings in
                BodyMarkup.finish(
                    cmark_render_html(part, options, extensions).map { pointer in
                        defer { free(pointer) }
                        return String(cString: pointer)
                    } ?? "", headings: headings)
            }
            // White space only separates words: the blocks are counted as they are.
            let text = scanned.blocks.map(\.text).joined(separator: "\n")
            return RenderedMarkdown(
                html: htmls[0], appendices: Array(htmls.dropFirst()), headings: headings.flatMap { $0 },
                citations: scanned.citations,
                blanks: scanned.blanks, links: scanned.links, recipientsLine: scanned.recipientsLine,
                excerpt: Excerpt.of(scanned.blocks), words: WordCounts(text))
        }
        return rendered ?? RenderedMarkdown(html: "", citations: [], blanks: [])
    }

    /// The citations of a body and its blank numbers, as `render` finds them, without making
    /// its HTML, headings, excerpt or words: what `congkhai citations` reports.
    package func citations(in markdown: String, firstLine: Int = 1, scanner: CitationScanner)
        -> (citations: [Citation], blanks: [BlankCitation])
    {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES
        return parsed(markdown, firstLine: firstLine, scanner: scanner, options: options, linking: false) {
            ($0.citations, $0.blanks)
        } ?? ([], [])
    }

    /// A body parsed by cmark-gfm, its blocks' text scanned for citations and, for a body to be
    /// rendered, each citation's words linked to its placeholder (`citationURL`), handed to
    /// `finish` while the tree lives.
    private struct Scanned {
        let parser: OpaquePointer
        let document: OpaquePointer
        let blocks: [TextBlock]
        var citations: [Citation] = []
        var blanks: [BlankCitation] = []
        var links: [BodyLink] = []
        var recipientsLine: Int?
    }

    /// `linking`: the citations' words are made links in the tree, for HTML made from it.
    private func parsed<T>(
        _ markdown: String, firstLine: Int, scanner: CitationScanner?, options: Int32, linking: Bool = true,
        _ finish: (Scanned) -> T
    ) -> T? {
        let runtime = CmarkRuntime.shared
        guard let parser = cmark_parser_new(options) else { return nil }
        defer { cmark_parser_free(parser) }
        for extensionName in runtime.extensionNames {
            if let ext = cmark_find_syntax_extension(extensionName) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        let safe = MarkdownLimits.apply(markdown)
        safe.withCString { pointer in cmark_parser_feed(parser, pointer, strlen(pointer)) }
        // Debian's cmark-gfm 0.29 flips shared character tables in cmark_parser_finish: two
        // threads finishing at once corrupt each other's output.
        let document = runtime.finishLock.withLock { cmark_parser_finish(parser) }
        guard let document else { return nil }
        defer { cmark_node_free(document) }

        var links: [BodyLink] = []
        let blocks = TextBlocks.collect(document) { url, line in
            links.append(BodyLink(url: url, line: firstLine - 1 + line))
        }
        var scanned = Scanned(parser: parser, document: document, blocks: blocks, links: links)
        // "Nơi nhận", however typed: a block opening with an ASCII byte other than N folds to
        // no "n" first, and is passed without folding.
        scanned.recipientsLine = blocks.first {
            $0.bytes.first.map { $0 >= 0x80 || $0 | 0x20 == 0x6E } == true
                && VietnameseText.fold(String($0.text.prefix(12))).hasPrefix("noi nhan")
        }.map { firstLine - 1 + $0.line }
        var basisSection = BasisSection()
        for block in blocks {
            guard let scanner else { continue }
            let basisRanges = basisSection.ranges(in: block.bytes, headingLevel: block.headingLevel)
            let result = scanner.scan(utf8: block.bytes, text: { block.text }, basisRanges: basisRanges)
            basisSection.scanned(
                block.bytes, isHeading: block.headingLevel != nil, lastRelation: result.citations.last?.relation)
            scanned.blanks += result.blanks
            var placed: [(start: Int, end: Int, url: String)] = []
            for var citation in result.citations where scanned.citations.count < MarkdownLimits.maxCitations {
                citation.line = firstLine - 1 + block.line(at: citation.start)
                placed.append((citation.linkStart, citation.linkEnd, Self.citationURL(scanned.citations.count)))
                scanned.citations.append(citation)
            }
            if linking { block.link(placed) }
        }
        return finish(scanned)
    }
}

/// Process-wide set-up of cmark-gfm, done once before any thread parses.
final class CmarkRuntime: Sendable {
    static let shared = CmarkRuntime()
    let extensionNames = ["table", "strikethrough", "autolink", "tagfilter"]
    let finishLock = NSLock()

    private init() {
        cmark_gfm_core_extensions_ensure_registered()
    }
}
