import Foundation
import TestSupport
import Testing

@testable import CongKhai
@testable import VietText

/// The document cache gives back exactly what loading and parsing gave, and a damaged cache is
/// never trusted.
@Suite struct DocumentCacheTests {
    /// For loads whose HTML and words these tests never read.
    static let unused: @Sendable (String, SourceDocument) -> RenderedMarkdown = { _, _ in
        RenderedMarkdown(html: "", citations: [], blanks: [])
    }

    /// The example portal (the five seeds) loaded and parsed, then through the record format.
    @Test func recordsComeBackEqual() throws {
        let portal = ContentLoader(root: TestPaths.repository).load()
        #expect(portal.documents.count == 5)
        let rendered = Builder.parse(portal)
        var writer = RecordWriter()
        for (document, body) in zip(portal.documents, rendered) {
            document.write(to: &writer)
            body.write(to: &writer)
        }
        let documentsEnd = writer.bytes.count
        let diagnostics =
            portal.diagnostics + [
                Diagnostic(
                    .error, "front-matter.bad-date", file: "a.md", line: 4, column: 9, key: "issued",
                    message: .init(vi: "ngày sai", en: "bad date"), fix: .init(vi: "sửa", en: "fix")),
                Diagnostic(
                    .warning, "file.control-characters", file: "b.md", message: .init(vi: "ký tự ẩn", en: "hidden"))
            ]
        for diagnostic in diagnostics { diagnostic.write(to: &writer) }
        // The HTML and words are not in the record: they come from a parse made again, once,
        // only when one of them is read.
        var reader = RecordReader(writer.bytes)
        let renderer = MarkdownRenderer()
        for (document, body) in zip(portal.documents, rendered) {
            #expect(try SourceDocument(record: &reader) == document)
            let parses = CallCount()
            let back = try RenderedMarkdown(record: &reader) {
                parses.add()
                return Builder.parse(document.body, firstLine: document.bodyLine, of: document, renderer)
            }
            // The citations are decoded when read; what the build reads of them before is in
            // the summary, and undecoded they are written back as they were read.
            #expect(back.citationSummary == body.citationSummary)
            var original = RecordWriter(), rewritten = RecordWriter()
            body.write(to: &original)
            back.write(to: &rewritten)
            #expect(rewritten.bytes == original.bytes)
            #expect(back.citations == body.citations && !back.citations.isEmpty)
            #expect(back.citationSummary == CitationSummary(back.citations))
            #expect(
                back.blanks == body.blanks && back.links == body.links && back.recipientsLine == body.recipientsLine)
            #expect(back.excerpt == body.excerpt && !back.excerpt.isEmpty)
            #expect(parses.value == 0)
            #expect(back.html == body.html && back.words == body.words)
            #expect(!back.words.words.isEmpty)
            let copy = back
            #expect(copy.html == body.html)
            #expect(parses.value == 1, "one parse for the HTML and the words, shared by copies")
        }
        for diagnostic in diagnostics { #expect(try Diagnostic(record: &reader) == diagnostic) }
        #expect(reader.isAtEnd)
        // Citations that do not read back as their summary says are those of the parse made again.
        let (document, body) = (portal.documents[0], rendered[0])
        var damaged = RecordWriter()
        damaged.array(body.citationSummary.relations) { $0.bool($1 == .basis) }
        damaged.uint64(body.citationSummary.indexKey)
        damaged.uint64(body.citationSummary.sentencesKey)
        damaged.nested { $0.int(body.citations.count + 3) }
        damaged.int(0)
        damaged.int(0)
        damaged.bool(false)
        damaged.string(body.excerpt)
        var damagedReader = RecordReader(damaged.bytes)
        let parses = CallCount()
        let fallback = try RenderedMarkdown(record: &damagedReader) {
            parses.add()
            return Builder.parse(document.body, firstLine: document.bodyLine, of: document, renderer)
        }
        #expect(damagedReader.isAtEnd)
        #expect(fallback.citations == body.citations && parses.value == 1)
        // What the build parses again is the body as the loader read it, from the same line.
        let loader = ContentLoader(root: TestPaths.repository)
        for document in portal.documents {
            let again = try #require(loader.body(of: document.sourcePath))
            #expect(again.text == document.body && again.line == document.bodyLine)
        }
        #expect(loader.body(of: "content/units/khong-co/2023-2024/khong-co.md") == nil)
        // Cut anywhere, a record throws rather than inventing values.
        for cut in stride(from: 0, to: documentsEnd, by: max(1, documentsEnd / 97)) {
            var short = RecordReader(Array(writer.bytes.prefix(cut)))
            #expect(throws: RecordReader.Corrupt.self) {
                for _ in portal.documents {
                    _ = try SourceDocument(record: &short)
                    _ = try RenderedMarkdown(record: &short) { RenderedMarkdown(html: "", citations: [], blanks: []) }
                }
            }
        }
    }

    /// Unchanged files are taken from the cache; a changed file, a damaged cache or another
    /// congkhai.yaml is loaded afresh, and every build equals a full one.
    @Test func onlyUnchangedFilesAreTakenFromTheCache() throws {
        let root = try TestPaths.examplePortalCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        // Files changed a moment ago are never stamped (FileIdentity.stamp): let these age.
        Thread.sleep(forTimeInterval: 0.3)
        _ = try Builder(options: BuildOptions(source: root)).build()
        let cacheFolder = root.appendingPathComponent(".public.congkhai-cache/documents")
        func partFiles() throws -> [URL] {
            try FileManager.default.contentsOfDirectory(at: cacheFolder, includingPropertiesForKeys: nil).sorted {
                $0.path < $1.path
            }
        }
        func inodes() throws -> [UInt64] {
            try partFiles().map {
                try #require(try FileManager.default.attributesOfItem(atPath: $0.path)[.systemFileNumber] as? UInt64)
            }
        }
        func reusedPaths() -> Set<String> {
            var loader = ContentLoader(root: root)
            loader.reuse = DocumentCache(cache: BuildCache(output: root.appendingPathComponent("public"))).load(
                again: Self.unused)
            return Set(loader.load().documentLoads.filter { $0.rendered != nil }.map(\.path))
        }
        #expect(reusedPaths().count == 5)
        let edited = "content/units/th-an-phuoc/2023-2024/ke-hoach-dan-van-chinh-quyen-nam-2024.md"
        let file = root.appendingPathComponent(edited)
        try Data((try String(contentsOf: file, encoding: .utf8) + "\nThêm một câu.\n").utf8).write(to: file)
        let reused = reusedPaths()
        #expect(reused.count == 4 && !reused.contains(edited))
        // Only the part holding the edited document is written again.
        let before = try inodes()
        #expect(before.count == DocumentCache.parts)
        _ = try Builder(options: BuildOptions(source: root)).build()
        #expect(reusedPaths().count == 5)
        let rewritten = zip(try partFiles(), zip(before, try inodes())).filter { $1.0 != $1.1 }.map {
            $0.0.lastPathComponent
        }
        #expect(rewritten == [String(format: "part-%02d", DocumentCache.part(of: edited))])

        // A damaged part: its documents are loaded afresh, the others still reused.
        let damaged = cacheFolder.appendingPathComponent(String(format: "part-%02d", DocumentCache.part(of: edited)))
        let partBytes = try Data(contentsOf: damaged)
        try partBytes.prefix(partBytes.count / 2).write(to: damaged)
        #expect(!reusedPaths().contains(edited) && reusedPaths().count >= 1)
        // A damaged cache: nothing reused, the build still right.
        for part in try partFiles() {
            let bytes = try Data(contentsOf: part)
            try bytes.prefix(bytes.count / 2).write(to: part)
        }
        #expect(reusedPaths().isEmpty)
        try Data((try String(contentsOf: file, encoding: .utf8) + "\nLần nữa.\n").utf8).write(to: file)
        _ = try Builder(options: BuildOptions(source: root)).build()
        let full = root.appendingPathComponent("full")
        _ = try Builder(options: BuildOptions(source: root, output: full, full: true)).build()
        for path in try LinkChecker.allFiles(in: full) {
            #expect(
                try Data(contentsOf: root.appendingPathComponent("public/" + path))
                    == Data(contentsOf: full.appendingPathComponent(path)), "\(path)")
        }

        // congkhai.yaml changed: its catalogue may judge the documents differently.
        #expect(reusedPaths().count == 5)
        let settings = root.appendingPathComponent("congkhai.yaml")
        try Data((try String(contentsOf: settings, encoding: .utf8) + "# sửa\n").utf8).write(to: settings)
        #expect(reusedPaths().isEmpty)
    }

    /// A file whose size, times and inode are as the cache saw them is not read at all; one
    /// changed a moment ago (maybe within one tick of the file system's clock) is never
    /// vouched for that way.
    @Test func aFileWithItsStampUnchangedIsNotReadAgain() throws {
        let root = try TestPaths.examplePortalCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        Thread.sleep(forTimeInterval: 0.3)
        _ = try Builder(options: BuildOptions(source: root)).build()
        let cache = DocumentCache(cache: BuildCache(output: root.appendingPathComponent("public")))
        var reuse = try #require(cache.load(again: Self.unused))
        #expect(reuse.loads.count == 5 && reuse.loads.values.allSatisfy { $0.stamp != 0 })
        let path = "content/units/th-an-phuoc/2023-2024/ke-hoach-dan-van-chinh-quyen-nam-2024.md"
        func title(_ reuse: ReusableLoads) -> String? {
            var loader = ContentLoader(root: root)
            loader.reuse = reuse
            return loader.load().documentLoads.first { $0.path == path }?.document?.title
        }
        let real = try #require(title(reuse))
        // The cache says something the file does not: only a loader that never read it agrees.
        reuse.loads[path]?.document?.title = "Không đọc lại tệp"
        #expect(title(reuse) == "Không đọc lại tệp")
        // Another stamp: the file is read, and its bytes decide.
        reuse.loads[path]?.stamp &+= 1
        reuse.loads[path]?.contentHash &+= 1
        #expect(title(reuse) == real)

        let file = root.appendingPathComponent(path)
        try Data((try String(contentsOf: file, encoding: .utf8) + "\nThêm.\n").utf8).write(to: file)
        var loader = ContentLoader(root: root)
        loader.reuse = cache.load(again: Self.unused)
        #expect(loader.load().documentLoads.first { $0.path == path }?.stamp == 0, "changed just now")
    }
}
