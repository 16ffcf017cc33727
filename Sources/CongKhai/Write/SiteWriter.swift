import CAtomicSwap
import Foundation
import VietText

/// Stage 5: renders every page and writes it, with assets, attachments and open data, into the
/// staging folder. Pages are rendered and written in parallel, one at a time per worker, so the
/// site is never held in memory whole.
struct SiteWriter: Sendable {
    let site: SiteModel
    let templates: TemplateLibrary
    let portalRoot: URL
    let folder: URL
    /// What each page is made of; nil renders every page.
    var keys: PageKeys? = nil
    /// The output being replaced, whose pages with unchanged keys are reused.
    var previous: PreviousPages? = nil
    /// When `folder` is a recycled output (OutputFolder.prepareStaging): what it holds. Pages
    /// with unchanged keys stay as they are; every other file there is removed first.
    var recycled: RecycledOutput? = nil
    /// The search index's postings as the last build left them, patched rather than made again.
    var searchPostings: SearchPostings? = nil
    /// Keeps this build's postings for the next one: run beside the pages, which leave a core
    /// idle most of a rebuild, rather than after them.
    var keepPostings: (@Sendable (SearchPostings) -> Void)? = nil
    /// Where the next build's spare output goes: if most pages are rendered anew (a first or
    /// full build, a changed template), every file of the new output is also linked there, so
    /// that the next build updates that copy in place instead of relinking the whole site. The
    /// output being replaced, sharing few files with this one, then goes.
    var spare: URL? = nil
    /// Addresses a sitemap file holds at most (Discovery.sitemapLimit; lowered by tests).
    var sitemapLimit = Discovery.sitemapLimit
    /// A document's body parsed again from its file. Given, each document's HTML is let go
    /// once its page is written (and made again by this, should it be read after).
    var parseAgain: (@Sendable (SourceDocument) -> RenderedMarkdown)? = nil
    /// Whether a link or folder of the spare being made failed, from any of the writing threads.
    private let mirrorMissed = Happened()

    struct Summary {
        var pages = 0, files = 0, bytes = 0
        /// Parts of writing timed on their own, for `--verbose`.
        var partTimings: [(step: String, seconds: Double)] = []
        /// Pages taken from the previous output rather than rendered.
        var reused = 0
        /// Every keyed page's path and key, in job order, for the next build.
        var pageKeys: [(path: String, key: UInt64)] = []
        /// Every other file written (assets, the search page, robots.txt…): with the keyed
        /// ones, every file of the output (OutputRecord).
        var otherFiles: [String] = []
        /// The search index's postings, for the next build.
        var searchPostings: SearchPostings? = nil
        /// Every file was also linked into `spare`, which has no marker yet.
        var mirrored = false
        /// A spare was begun as the site was written, but a file or folder of it could not be
        /// made (a file system without hard links, a full disk): it must not be used.
        var mirrorIncomplete = false
    }

    func write() throws -> Summary {
        var summary = Summary()
        let contexts = PageContexts(site: site, templates: templates)
        let jobs = PageKinds.all(site, contexts, sitemapLimit: sitemapLimit)
        let renderer = MarkdownRenderer()
        // A free page has no signature to put an appendix after: it follows the text.
        let pageBodies = site.pages.map { page in
            let rendered = renderer.render(page.body, firstLine: page.bodyLine, scanner: nil)
            return ([rendered.html] + rendered.appendices).joined()
        }
        // The search index is made first: its files are placed like the pages, each keyed by its
        // bytes, so that those that come out as they were (after an edit, nearly all of its
        // thousands) stay in place or are linked rather than removed and written again.
        // The pages' keys are made meanwhile: the index has long stretches on one core. Each
        // half is timed on its own: "pages" counts the keys and not the index beside them.
        let ((searchFiles, postings, searchSeconds), (jobPlaces, keysSeconds)) = ParallelMap.both(
            { [site, keys, searchPostings] () -> ([SearchIndex.File], SearchPostings, Double) in
                let searchStarted = ContinuousClock.now
                var index = SearchIndex(site: site)
                index.entryKeys = keys?.searchKeys()
                index.previous = searchPostings
                let (files, postings) = index.files()
                return (files, postings, Self.seconds(since: searchStarted))
            },
            { [keys, site, recycled] () -> ([PlacedJob], Double) in
                let keysStarted = ContinuousClock.now
                // Each page's path and key, and what the spare holds there, on all cores; the
                // few keys that read the whole site on a thread of their own beside the others.
                @Sendable func place(_ index: Int) -> PlacedJob {
                    let path = jobs[index].path(site)
                    let key = keys?.key(for: jobs[index])
                    return (path, key, recycled?.placement(of: path, key: key) ?? .absent)
                }
                let long = jobs.indices.filter { type(of: jobs[$0]).keyReadsEverything }
                let (longPlaced, placed) = ParallelMap.both(
                    { long.map(place) },
                    { ParallelMap.map(jobs.indices.filter { !type(of: jobs[$0]).keyReadsEverything }, place) })
                var made = placed
                for (index, job) in zip(long, longPlaced) { made.insert(job, at: index) }
                return (made, Self.seconds(since: keysStarted))
            })
        let pagesStarted = ContinuousClock.now
        summary.searchPostings = postings
        let keeping = keepPostings.map { keep in BackgroundWork { keep(postings) } }
        // Finished before the build goes on, whether writing fails or not.
        defer { _ = keeping?.value }
        // Pages, and the search index's files with them.
        let paths = jobPlaces.map(\.path) + searchFiles.map(\.path)
        let pageKeys =
            keys == nil
            ? Array(repeating: nil, count: paths.count) : jobPlaces.map(\.key) + searchFiles.map { Optional($0.key) }
        let placements =
            jobPlaces.map(\.placement)
            + zip(searchFiles, pageKeys[jobPlaces.count...]).map { file, key in
                recycled?.placement(of: file.path, key: key) ?? .absent
            }
        let inPlace = placements.map { $0 == .inPlace }
        let existingFolders = try recycled?.prune(folder, paths: paths, placements: placements) ?? []
        let mirror = startSpare(paths: paths, keys: pageKeys, inPlace: inPlace)
        // Folders are made once, up front, not checked again for every page.
        // Sorted, every folder comes after its parents; plain mkdir(2) is enough.
        var folders = Set<String>()
        // Parents cut at the last "/" (NSString's deletingLastPathComponent took 50 ms here).
        func parent(_ path: Substring) -> Substring { path.lastIndex(of: "/").map { path[..<$0] } ?? "" }
        // A page kept in place has its folder: after an edit, only the few files written need
        // theirs, unless every file goes into the spare being made too.
        for index in paths.indices where mirror != nil || !inPlace[index] {
            var folder = parent(paths[index][...])
            while !folder.isEmpty, folders.insert(String(folder)).inserted { folder = parent(folder) }
        }
        // Few folders to make against thousands there: each looked up, the large set not walked.
        for folder in folders.filter({ !existingFolders.contains($0) }).sorted()
        where mkdir(self.folder.path + "/" + folder, 0o755) != 0 && errno != EEXIST {
            throw WriteFailure(
                path: folder, reason: FileErrorText.describe(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)))
        }
        if let mirror {
            for folder in folders.sorted() where mkdir(mirror.path + "/" + folder, 0o755) != 0 && errno != EEXIST {
                mirrorMissed.record()
            }
        }
        let feeds = Discovery(site: site, templates: templates)
        let site = site
        // The pages the keys listed, when there are keys.
        let sitemapLocations = Later { [keys] in
            Discovery.sitemapLocations(
                keys?.sitemapPages.value ?? Discovery.sitemapPages(site), base: site.settings.baseURL ?? "")
        }
        let rendering = PageRendering(
            site: site, contexts: contexts, templates: templates, pageBodies: pageBodies, feeds: feeds,
            sitemapLocations: sitemapLocations, sitemapLimit: sitemapLimit, parseAgain: parseAgain)
        @Sendable func writeJob(_ index: Int) -> Result<Int?, WriteFailure> {
            let path = paths[index]
            if inPlace[index] {
                mirrorFile(path, into: mirror)
                return .success(nil)
            }
            // An unchanged page is linked from the output it replaces: the same file, no render.
            if let key = pageKeys[index], let previous, previous.keys[path] == key,
                link(previous.folder.appendingPathComponent(path).path, folder.appendingPathComponent(path).path) == 0
            {
                mirrorFile(path, into: mirror)
                return .success(nil)
            }
            let data = index < jobs.count ? jobs[index].render(rendering) : searchFiles[index - jobs.count].data()
            return writeFile(path, data, createFolder: false, mirror: mirror).map { data.count }
        }
        // The document pages first, then what follows them: the documents' HTML, let go page
        // by page (SiteWriter.parseAgain), is given back to the system in between, before the
        // pages and files that add most to the memory's peak.
        let documentPagesEnd = (jobs.lastIndex { $0 is DocumentPage } ?? -1) + 1
        let outcome = [0..<documentPagesEnd, documentPagesEnd..<paths.count].flatMap { phase in
            let results = ParallelMap.map(Array(phase), writeJob)
            // Worth it when many were rendered (a full build), not for an edit's few pages,
            // whose memory would only be faulted in again.
            let rendered = results.count { if case .success(.some) = $0 { true } else { false } }
            if rendered >= Self.pagesWorthReleasingMemory {
                congkhai_release_free_memory()
            }
            return results
        }
        for (index, result) in outcome.enumerated() {
            let isPage = index < jobs.count && jobs[index].isPage
            switch result {
            case .success(let bytes?) where isPage:
                summary.pages += 1
                summary.bytes += bytes
            case .success(nil) where isPage:
                summary.pages += 1
                summary.reused += 1
            case .success: summary.files += 1
            case .failure(let failure): throw failure
            }
        }
        summary.pageKeys = zip(paths, pageKeys).compactMap { path, key in key.map { (path, $0) } }
        summary.otherFiles = zip(paths, pageKeys).compactMap { path, key in key == nil ? path : nil }
        // A file without a key, written and recorded.
        func writeOther(_ path: String, _ data: Data) throws {
            try writeFile(path, data, mirror: mirror).get()
            summary.otherFiles.append(path)
            summary.files += 1
        }
        summary.partTimings.append(("pages", keysSeconds + Self.seconds(since: pagesStarted)))
        let filesStarted = ContinuousClock.now
        for (name, bytes) in templates.assets.sorted(by: { $0.key < $1.key }) {
            try writeOther("assets/\(name)", Data(bytes))
        }
        try copyAttachments(writeOther)
        for archive in site.archives {
            let data: Data
            do { data = try Data(contentsOf: archive.source) } catch {
                throw WriteFailure(
                    path: "archives/\(archive.source.lastPathComponent)", reason: FileErrorText.describe(error))
            }
            try writeOther("luu-tru/\(archive.name)", data)
        }
        // robots.txt.
        let discoveryStarted = ContinuousClock.now
        try feeds.write(writeOther)
        let discoverySeconds = Self.seconds(since: discoveryStarted)
        summary.partTimings.append(("assets, attachments", Self.seconds(since: filesStarted) - discoverySeconds))
        summary.partTimings.append(("robots.txt", discoverySeconds))
        summary.partTimings.append(("search index", searchSeconds))
        // The next build knows the spare from its record, without listing it: a file missing
        // from it would be taken as there.
        summary.mirrored = mirror != nil && !mirrorMissed.happened
        summary.mirrorIncomplete = mirror != nil && mirrorMissed.happened
        return summary
    }

    /// Pages rendered in a phase below which malloc is not asked to give memory back.
    private static let pagesWorthReleasingMemory = 500

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        (ContinuousClock.now - start).seconds
    }

    /// Attachments are copied beside their document's page under an ASCII name.
    private func copyAttachments(_ writeFile: (String, Data) throws -> Void) throws {
        for document in site.documents where !document.source.attachments.isEmpty {
            let source = document.source
            let sourceFolder = portalRoot.appendingPathComponent(source.sourcePath).deletingLastPathComponent()
            for attachment in source.attachments {
                let data: Data
                do { data = try Data(contentsOf: sourceFolder.appendingPathComponent(attachment)) } catch {
                    let reason = FileErrorText.describe(error)
                    throw WriteFailure(
                        path: source.sourcePath,
                        reason: .init(vi: "\(attachment): \(reason.vi)", en: "\(attachment): \(reason.en)"))
                }
                try writeFile(URLScheme.documentFolder(source) + URLScheme.attachmentName(attachment), data)
            }
        }
    }

    /// The spare output to make as the site is written (`spare`, made here, empty), or nil:
    /// only when fewer than half the files can be kept in place or linked from the output
    /// being replaced (the first build, `--full`, a changed template), which then shares few
    /// files with the new one and would make a poor spare.
    private func startSpare(paths: [String], keys: [UInt64?], inPlace: [Bool]) -> URL? {
        // Most files kept in place (an edit's rebuild): no need to count the others.
        guard let spare, inPlace.count(where: { $0 }) * 2 < paths.count else { return nil }
        let reusable = paths.indices.count { index in
            inPlace[index] || (keys[index] != nil && previous?.keys[paths[index]] == keys[index])
        }
        guard reusable * 2 < paths.count else { return nil }
        try? FileManager.default.createDirectory(
            at: spare.deletingLastPathComponent(), withIntermediateDirectories: true)
        return mkdir(spare.path, 0o755) == 0 ? spare : nil
    }

    private func writeFile(_ path: String, _ data: Data, createFolder: Bool = true, mirror: URL?) -> Result<
        Void, WriteFailure
    > {
        let url = folder.appendingPathComponent(path)
        do {
            if createFolder {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                if let mirror {
                    try? FileManager.default.createDirectory(
                        at: mirror.appendingPathComponent(path).deletingLastPathComponent(),
                        withIntermediateDirectories: true)
                }
            }
            try PlainFile.create(url.path, contents: data)
            mirrorFile(path, into: mirror)
            return .success(())
        } catch {
            return .failure(WriteFailure(path: path, reason: FileErrorText.describe(error)))
        }
    }
}

extension SiteWriter {
    /// Links a staged file into the spare being made. One that cannot be linked is left out:
    /// the spare is listed when reused, and a page missing from it is made again.
    fileprivate func mirrorFile(_ path: String, into mirror: URL?) {
        guard let mirror else { return }
        if link(folder.path + "/" + path, mirror.path + "/" + path) != 0 { mirrorMissed.record() }
    }
}

/// The pages of the output a build replaces, and the keys they were made from.
struct PreviousPages: Sendable {
    let folder: URL
    let keys: [String: UInt64]
}

/// A page's path and key, and what the spare output holds at that path.
private typealias PlacedJob = (path: String, key: UInt64?, placement: RecycledOutput.Placement)

struct WriteFailure: Error, Sendable {
    var path: String
    var reason: LocalizedText
}
