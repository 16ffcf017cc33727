import Citations
import Foundation
import VietText

package struct BuildOptions: Sendable {
    package var source: URL
    package var output: URL
    package var includeDrafts: Bool
    /// Rebuild everything, ignoring what an earlier build left to reuse.
    package var full: Bool
    /// Only this school year's documents (a yearly archive).
    package var schoolYear: String?
    /// The process ends after this build: what it loaded is left for the system to reclaim at
    /// exit rather than freed piece by piece (see `KeptUntilExit`). The command line sets it.
    package var endsProcess = false
    /// Addresses a sitemap file holds at most before it is split (sitemaps.org's 50,000);
    /// lowered by tests to split a small portal's.
    var sitemapLimit = Discovery.sitemapLimit

    package init(
        source: URL, output: URL? = nil, includeDrafts: Bool = false, full: Bool = false, schoolYear: String? = nil
    ) {
        self.source = source.standardizedFileURL
        self.output = (output ?? source.appendingPathComponent("public")).standardizedFileURL
        self.includeDrafts = includeDrafts
        self.full = full
        self.schoolYear = schoolYear
    }
}

package struct BuildReport: Sendable {
    package var pages = 0
    /// Pages linked unchanged from the previous output instead of rendered.
    package var reusedPages = 0
    package var files = 0
    package var bytes = 0
    package var documents = 0
    package var units = 0
    package var directives = 0
    package var warnings: [Diagnostic] = []
    /// Each named step and its time, in order.
    package var timings: [(step: String, seconds: Double)] = []
    package var output: URL
    /// Nothing changed since the previous build: the output was left as it was.
    package var unchanged = false

    /// Parts of a step timed on their own ("search index" within "write"); not in the total.
    package var partTimings: [(step: String, seconds: Double)] = []

    package var totalSeconds: Double { timings.reduce(0) { $0 + $1.seconds } }

    /// "Đã tạo 57 trang (5 văn bản, 5 đơn vị, 40 văn bản được trích dẫn) trong 0,12 giây."
    package var summary: LocalizedText {
        let seconds = String(format: "%.2f", totalSeconds)
        let secondsVi = seconds.replacingOccurrences(of: ".", with: ",")
        if unchanged {
            return .init(
                vi: "Không có gì thay đổi: \(pages) trang đã là mới nhất (kiểm tra trong \(secondsVi) giây).",
                en: "Nothing changed: the \(pages) pages are up to date (checked in \(seconds) s).")
        }
        var made = LocalizedText(
            vi:
                "Đã tạo \(pages) trang (\(documents) văn bản, \(units) đơn vị, \(directives) văn bản được trích dẫn) trong \(secondsVi) giây.",
            en:
                "Made \(pages) pages (\(documents) documents, \(units) units, \(directives) cited texts) in \(seconds) s."
        )
        if reusedPages > 0 {
            made.vi += " \(reusedPages) trang không đổi được giữ nguyên, chỉ dựng lại \(pages - reusedPages) trang."
            made.en += " \(reusedPages) unchanged pages were kept; \(pages - reusedPages) were made again."
        }
        return made
    }
}

/// `congkhai build`: load → parse → resolve → render and write → swap in. Each step is named
/// and timed; a failure names its step and leaves the previous output as it was.
package struct Builder: Sendable {
    package var options: BuildOptions

    package init(options: BuildOptions) { self.options = options }

    /// Runs the checks of a build without writing anything: every problem of the portal,
    /// those of the files and those the bodies show once parsed and resolved.
    /// `asOf`: also report TT 09 items missing after their deadline, late or undated, as of that
    /// day (ComplianceChecks); `strict` makes those errors.
    package func check(asOf: CalendarDay? = nil, strict: Bool = false) -> [Diagnostic] {
        let portal = ContentLoader(root: options.source, includeDrafts: options.includeDrafts).load()
        let (_, templateProblems) = TemplateLibrary.load(portal: options.source)
        var diagnostics = portal.diagnostics + templateProblems
        if portal.errors.isEmpty {
            let site = SiteResolver.resolve(portal: portal, rendered: Self.parse(portal))
            diagnostics += site.diagnostics
            if let asOf {
                diagnostics += ComplianceChecks.diagnostics(site, asOf: asOf).map { diagnostic in
                    var diagnostic = diagnostic
                    if strict { diagnostic.severity = .error }
                    return diagnostic
                }
            }
        }
        return diagnostics.sorted()
    }

    /// Each document's body parsed, or its parse reused from the cache when its file is unchanged.
    static func parse(_ portal: LoadedPortal) -> [RenderedMarkdown] {
        let renderer = MarkdownRenderer()
        let spellings = IssuerSpellings()
        // The documents are some of the loads, in the same order: each one's load is found by
        // walking both together, without a dictionary of 10,000 paths.
        var reused: [RenderedMarkdown?] = []
        reused.reserveCapacity(portal.documents.count)
        var next = portal.documentLoads.startIndex
        for document in portal.documents {
            while next < portal.documentLoads.endIndex, portal.documentLoads[next].path != document.sourcePath {
                next += 1
            }
            reused.append(next < portal.documentLoads.endIndex ? portal.documentLoads[next].rendered : nil)
        }
        return ParallelMap.map(Array(portal.documents.indices)) { [reused] index in
            reused[index]
                ?? parse(
                    portal.documents[index].body, firstLine: portal.documents[index].bodyLine,
                    of: portal.documents[index], renderer, spellings)
        }
    }

    /// `spellings`: the build's, shared by every document it parses.
    static func parse(
        _ body: String, firstLine: Int, of document: SourceDocument, _ renderer: MarkdownRenderer,
        _ spellings: IssuerSpellings = IssuerSpellings()
    ) -> RenderedMarkdown {
        renderer.render(
            body, firstLine: firstLine, scanner: CitationScanner(ownNumber: document.number, spellings: spellings))
    }

    package func build() throws(BuildFailure) -> BuildReport {
        var report = BuildReport(output: options.output)
        let clock = ContinuousClock()
        func step<T>(_ name: String, _ work: () throws(BuildFailure) -> T) throws(BuildFailure) -> T {
            let start = clock.now
            let value = try work()
            report.timings.append((name, (clock.now - start).seconds))
            return value
        }

        let output = OutputFolder(target: options.output, portal: options.source)
        let outputProblems = output.check()
        if !outputProblems.isEmpty { throw BuildFailure(outputProblems) }

        // Nothing changed since the build that made this output: it is already what a build
        // would write. The fingerprint is taken before reading, so an edit during the build
        // makes the next one run.
        let cache = BuildCache(output: options.output)
        let fingerprint = try step("fingerprint") { BuildFingerprint.compute(options) }
        if !options.full, let previous = cache.load(), previous.fingerprint == fingerprint,
            FileManager.default.fileExists(atPath: options.output.appendingPathComponent(OutputFolder.markerName).path)
        {
            report.pages = previous.pages
            report.unchanged = true
            return report
        }
        cache.clear()
        let documentCache = DocumentCache(cache: cache)
        // The spare output, if it can be brought up to date, is listed while the sources are
        // loaded and resolved: listing 16,000 folders is kernel time (0.13 s on tmpfs), and
        // those steps leave a core idle part of the time. The search postings come with it.
        let spareAndPostings = BackgroundWork {
            [options] () -> ((generation: String, contents: RecycledOutput)?, SearchPostings?) in
            let spareKeys = (options.full ? nil : OutputFolder.generation(of: cache.spareOutput))
                .flatMap { generation in cache.outputRecord(generation: generation).map { (generation, $0) } }
            return (
                spareKeys.map { ($0, RecycledOutput.list(cache.spareOutput, record: $1)) },
                options.full ? nil : cache.searchPostings()
            )
        }
        // Never left running past the build, whether it fails or not.
        defer { _ = spareAndPostings.value }
        // What the last build left for the later steps, read on another core meanwhile: the
        // directive index (for resolving) and the keys of the live output's pages (for writing).
        let earlier = BackgroundWork {
            [options, output] () -> (index: DirectiveIndex.Built?, live: (generation: String?, keys: [String: UInt64]?))
            in
            let live = output.currentGeneration()
            return (
                options.full ? nil : cache.directiveIndex(),
                (live, options.full ? nil : live.flatMap { cache.pageKeys(generation: $0) })
            )
        }
        defer { _ = earlier.value }
        // The templates too: read and compiled on one core while the sources are loaded on both.
        let templateLoad = BackgroundWork { [options] in TemplateLibrary.load(portal: options.source) }
        defer { _ = templateLoad.value }

        let loader = { [fingerprint] in
            var loader = ContentLoader(root: options.source, includeDrafts: options.includeDrafts)
            loader.listing = fingerprint.content
            return loader
        }()
        let renderer = MarkdownRenderer()
        let spellings = IssuerSpellings()
        // The body of a document taken from the cache, parsed again when its HTML or words
        // are needed (and of one whose HTML was let go once its page was written). A file gone
        // since it was stamped has no body in this build; the next build, which sees it gone,
        // removes its pages.
        let again = { @Sendable (path: String, document: SourceDocument) -> RenderedMarkdown in
            let body = loader.body(of: path) ?? (text: "", line: document.bodyLine)
            return Self.parse(body.text, firstLine: body.line, of: document, renderer, spellings)
        }
        let (loaded, cached, previousIndex) = try step("load") {
            () throws(BuildFailure) -> (LoadedPortal, ReusableLoads?, DirectiveIndex.Built?) in
            var (portal, cached) = loader.load(reusing: { [options] in
                options.full ? nil : documentCache.load(again: again)
            })
            if !portal.errors.isEmpty { throw BuildFailure(portal.diagnostics) }
            if let year = options.schoolYear {
                portal.documents = portal.documents.filter { $0.schoolYear == year }
                portal.archives = []
            }
            return (portal, cached, earlier.value.index)
        }
        report.warnings = loaded.diagnostics.filter { $0.severity == .warning }
        let templates = try step("templates") { () throws(BuildFailure) -> TemplateLibrary in
            let (library, problems) = templateLoad.value
            guard let library else { throw BuildFailure(problems) }
            report.warnings += problems
            return library
        }
        let rendered = try step("parse") { Self.parse(loaded) }
        // What the pages need of the bodies is parsed: the Markdown (144 MB of a 10,000-document
        // portal) is let go before the site is resolved and written.
        // Consumed, not copied: a copy would keep the bodies alive.
        var parsedPortal = consume loaded
        parsedPortal.releaseBodies()
        let portal = consume parsedPortal
        let (site, directiveIndex) = try step("resolve") { () -> (SiteModel, DirectiveIndex.Built) in
            var (site, index) = SiteResolver.resolve(portal: portal, rendered: rendered, reusing: previousIndex)
            site.archiveYear = options.schoolYear
            return (site, index)
        }
        let (spare, searchPostings) = try step("spare output") { spareAndPostings.value }
        report.warnings = (report.warnings + site.diagnostics).sorted()
        // What this build loaded and parsed is kept for the next one while the site is written:
        // the cache is made on one core, mostly idle while pages are linked and written.
        let storeDocuments = { @Sendable () -> Double in
            let started = ContinuousClock.now
            let bodies = Dictionary(
                zip(portal.documents.map(\.sourcePath), rendered), uniquingKeysWith: { first, _ in first })
            // A cache not written costs the next build time, nothing else.
            _ = try? documentCache.store(portal, rendered: bodies, previous: cached)
            if directiveIndex.inputKey != previousIndex?.inputKey { cache.storeDirectiveIndex(directiveIndex) }
            return (ContinuousClock.now - started).seconds
        }
        let (summary, cacheSeconds) = try step("write") { () throws(BuildFailure) -> (SiteWriter.Summary, Double) in
            let (written, cacheSeconds) = ParallelMap.both(
                { () -> Result<SiteWriter.Summary, BuildFailure> in
                    Result { () throws(BuildFailure) in
                        try writeSite(
                            site, templates: templates, output: output, cache: cache, live: earlier.value.live,
                            spare: spare,
                            searchPostings: searchPostings, parseAgain: { again($0.sourcePath, $0) })
                    }
                }, storeDocuments)
            return (try written.get(), cacheSeconds)
        }
        cache.store(fingerprint, pages: summary.pages)
        report.partTimings.append(("document cache", cacheSeconds))
        report.partTimings += summary.partTimings
        report.pages = summary.pages
        report.reusedPages = summary.reused
        report.files = summary.files
        report.bytes = summary.bytes
        report.documents = site.documents.count
        report.units = site.units.count
        report.directives = site.directives.count
        if options.endsProcess {
            KeptUntilExit.keep((portal, cached, rendered, site, previousIndex, spare, searchPostings, summary))
        }
        return report
    }

    /// Renders into the staging folder and swaps it in; on failure the previous output stays.
    /// `live`: the live output's generation and its pages' keys, when known. `spare`: the
    /// spare output's generation and contents, when its keys are known.
    private func writeSite(
        _ site: SiteModel, templates: TemplateLibrary, output: OutputFolder, cache: BuildCache,
        live: (generation: String?, keys: [String: UInt64]?),
        spare: (generation: String, contents: RecycledOutput)?,
        searchPostings: SearchPostings?, parseAgain: @escaping @Sendable (SourceDocument) -> RenderedMarkdown
    ) throws(BuildFailure) -> SiteWriter.Summary {
        do {
            // Pages whose keys are unchanged are taken from the spare output, brought up to date
            // in place, or linked from the current one: each trusted when its marker says
            // which build's keys describe it.
            let liveGeneration = live.generation
            let previous = live.keys.map { PreviousPages(folder: options.output, keys: $0) }
            let (staging, recycled) = try output.prepareStaging(
                spare: cache.spareOutput, spareGeneration: spare?.generation)
            var writer = SiteWriter(site: site, templates: templates, portalRoot: options.source, folder: staging)
            writer.keys = PageKeys(site: site, templates: templates, options: options)
            writer.sitemapLimit = options.sitemapLimit
            writer.previous = previous
            writer.recycled = recycled ? spare?.contents : nil
            writer.searchPostings = searchPostings
            writer.keepPostings = { postings in
                if postings.madeAfresh > 0 || postings.keys != searchPostings?.keys
                    || postings.files != searchPostings?.files
                {
                    cache.storeSearchPostings(postings)
                }
            }
            writer.parseAgain = parseAgain
            writer.spare = cache.spareOutput
            let summary = try writer.write()
            if options.endsProcess { KeptUntilExit.keep(writer) }
            let generation = BuildCache.generation(of: summary.pageKeys, otherFiles: summary.otherFiles)
            let markedAt = try output.markStaging(generation: generation)
            // Stored before the swap: if the build dies in between, the generations differ
            // and the next build renders everything.
            try? cache.storePageKeys(summary.pageKeys, otherFiles: summary.otherFiles, generation: generation)
            if summary.mirrored {
                // The spare was made as the site was written; the replaced output goes. The
                // spare is marked last: one left unfinished is never trusted.
                try output.commit()
                try? OutputFolder.mark(cache.spareOutput, generation: generation)
                // Both outputs of this generation are now the two just made, whose folders are
                // all older than the staging's marker: its record is dated from then (not from
                // now: a change made by hand to the new output since the swap must be seen).
                if let markedAt { cache.datePageKeys(generation: generation, at: markedAt) }
                cache.keepPageKeys(of: [generation])
            } else {
                // A spare begun but not made whole goes: the replaced output takes its place.
                if summary.mirrorIncomplete { try? OutputFolder.remove(cache.spareOutput) }
                // The replaced output becomes the spare: its keys are kept with the new ones.
                try output.commit(keepingOldAs: cache.spareOutput)
                cache.keepPageKeys(of: Set([generation] + [liveGeneration].compactMap { $0 }))
            }
            return summary
        } catch let failure as WriteFailure {
            discardStaging(output, cache: cache)
            throw BuildFailure([Self.writeDiagnostic(failure.path, failure.reason)])
        } catch {
            discardStaging(output, cache: cache)
            throw BuildFailure([Self.writeDiagnostic(options.output.path, FileErrorText.describe(error))])
        }
    }

    /// After a failure: the staging folder goes, and the spare being made beside it (not yet
    /// marked), whose links would otherwise keep the staged files on a full disk.
    private func discardStaging(_ output: OutputFolder, cache: BuildCache) {
        output.discardStaging()
        if FileManager.default.fileExists(atPath: cache.spareOutput.path),
            OutputFolder.generation(of: cache.spareOutput) == nil
        {
            try? OutputFolder.remove(cache.spareOutput)
        }
    }

    private static func writeDiagnostic(_ path: String, _ reason: LocalizedText) -> Diagnostic {
        Diagnostic(
            .error, "output.write-failed", file: path,
            message: .init(
                vi: "không ghi được trang web (\(reason.vi)); trang cũ vẫn được giữ nguyên.",
                en: "could not write the site (\(reason.en)); the previous site is kept as it was."),
            fix: .init(
                vi: "kiểm tra ổ đĩa còn chỗ trống và thư mục xuất cho phép ghi.",
                en: "check that the disk has free space and the output folder is writable."))
    }
}
