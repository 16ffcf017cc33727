import Foundation
import VietText

/// The loaded and parsed documents of the last build, kept in the build cache so the next one
/// reads again only the files whose bytes changed (DocumentRecord has the format). What a
/// parse makes of a body that nothing reads after an edit (its HTML and counted words, two
/// thirds of the cache) is not kept: it is made again from the file when read. The cache
/// is split in parts by a hash of each document's path, and a build rewrites only the parts
/// whose documents changed: after a one-document edit, one part of sixteen. A part that cannot
/// be read is ignored: its documents are loaded afresh.
struct DocumentCache {
    let folder: URL
    private static let header = "congkhai-document-cache-10"
    static let parts = 16

    init(cache: BuildCache) { folder = cache.folder.appendingPathComponent("documents") }

    private func file(_ part: Int) -> URL { folder.appendingPathComponent(String(format: "part-%02d", part)) }

    /// The part a document's record is kept in.
    static func part(of path: String) -> Int { Int(Hasher64.of(path) % UInt64(parts)) }

    /// The documents of every readable part made in the same environment as the first one.
    /// A document's HTML and words are not kept: `again` parses its body again (path, document)
    /// when one of them is first read.
    func load(again: @escaping @Sendable (String, SourceDocument) -> RenderedMarkdown) -> ReusableLoads? {
        // Each part, and each document in it (a nested record), decoded on all cores.
        let parts = ParallelMap.map(Array(0..<Self.parts)) { part in
            RecordBytes.mapping(file(part).path).flatMap { Self.decode($0, again: again) }
        }
        guard let environment = parts.lazy.compactMap({ $0?.environment }).first else { return nil }
        var loads: [String: DocumentLoad] = [:]
        // Sized once: growing it copied every load made so far, several times over.
        loads.reserveCapacity(parts.reduce(0) { $0 + ($1?.loads.count ?? 0) })
        for case (let partEnvironment, let partLoads)? in parts where partEnvironment == environment {
            for load in partLoads { loads[load.path] = load }
        }
        return ReusableLoads(environment: environment, loads: loads)
    }

    private static func decode(
        _ bytes: RecordBytes, again: @escaping @Sendable (String, SourceDocument) -> RenderedMarkdown
    ) -> (environment: UInt64, loads: [DocumentLoad])? {
        var reader = RecordReader(bytes)
        do {
            guard try reader.string() == header else { return nil }
            let environment = try reader.uint64()
            let records = try reader.array { reader throws(RecordReader.Corrupt) in try reader.nested() }
            guard reader.isAtEnd else { return nil }
            let decoded = ParallelMap.map(records) { record -> DocumentLoad? in
                var reader = record
                do {
                    let path = try reader.string()
                    let hash = try reader.uint64()
                    let stamp = try reader.uint64()
                    let document = try SourceDocument(record: &reader)
                    let diagnostics = try reader.array { reader throws(RecordReader.Corrupt) in
                        try Diagnostic(record: &reader)
                    }
                    let load = DocumentLoad(
                        path: path, contentHash: hash, stamp: stamp, document: document, diagnostics: diagnostics,
                        rendered: try RenderedMarkdown(record: &reader) { again(path, document) })
                    return reader.isAtEnd ? load : nil
                } catch {
                    return nil
                }
            }
            var loads: [DocumentLoad] = []
            loads.reserveCapacity(decoded.count)
            for load in decoded {
                guard let load else { return nil }
                loads.append(load)
            }
            return (environment, loads)
        } catch {
            return nil
        }
    }

    /// Keeps every loaded document with its parse; `rendered` is by source path. The Markdown
    /// body is not kept: a document taken from the cache comes with its parse, and the body is
    /// read by nothing else (its `body` is empty). A part is written only when it would differ
    /// from what `previous` (this build's reading of the cache) found in it. Returns the number
    /// of parts written.
    @discardableResult
    func store(_ portal: LoadedPortal, rendered: [String: RenderedMarkdown], previous: ReusableLoads?) throws -> Int {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        // The single file of earlier builds is in the way of the folder.
        if manager.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue {
            try manager.removeItem(at: folder)
        }
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        let environment = ReusableLoads.environment(settings: portal.settings)
        let earlier = previous?.environment == environment ? previous?.loads ?? [:] : [:]
        var kept = Array(repeating: [(DocumentLoad, SourceDocument, RenderedMarkdown)](), count: Self.parts)
        var unchanged = Array(repeating: true, count: Self.parts)
        for load in portal.documentLoads {
            guard let document = load.document, let body = load.rendered ?? rendered[load.path] else { continue }
            let part = Self.part(of: load.path)
            kept[part].append((load, document, body))
            // Taken from the cache as the cache holds it, or not.
            if load.rendered == nil
                || earlier[load.path].map({ $0.stamp != load.stamp || $0.contentHash != load.contentHash }) ?? true
            {
                unchanged[part] = false
            }
        }
        var earlierCounts = Array(repeating: 0, count: Self.parts)
        for path in earlier.keys { earlierCounts[Self.part(of: path)] += 1 }
        var written = 0
        for part in 0..<Self.parts
        where
            !(unchanged[part] && earlierCounts[part] == kept[part].count && manager.fileExists(atPath: file(part).path))
        {
            try write(kept[part], environment: environment, to: file(part))
            written += 1
        }
        return written
    }

    /// Written beside, then renamed over the old part: a build killed meanwhile leaves the old
    /// one whole. Streamed in chunks of a few megabytes, so the cache of a large portal is never
    /// held in memory beside the site being written. The layout is that of `writer.array`: the
    /// count, then each document as a nested record.
    private func write(_ kept: [(DocumentLoad, SourceDocument, RenderedMarkdown)], environment: UInt64, to file: URL)
        throws
    {
        let manager = FileManager.default
        let partial = file.appendingPathExtension("partial")
        guard manager.createFile(atPath: partial.path, contents: nil),
            let handle = FileHandle(forWritingAtPath: partial.path)
        else {
            throw CocoaError(.fileWriteUnknown)
        }
        var finished = false
        defer {
            try? handle.close()
            // A full disk: no half-written cache is left behind.
            if !finished { try? manager.removeItem(at: partial) }
        }
        var writer = RecordWriter()
        writer.reserve(Self.chunk * 2)
        writer.string(Self.header)
        writer.uint64(environment)
        writer.int(kept.count)
        for (load, document, body) in kept {
            writer.nested { writer in
                writer.string(load.path)
                writer.uint64(load.contentHash)
                writer.uint64(load.stamp)
                var lean = document
                lean.body = ""
                lean.write(to: &writer)
                writer.array(load.diagnostics) { $1.write(to: &$0) }
                body.write(to: &writer)
            }
            if writer.bytes.count >= Self.chunk { try writer.drain { try handle.write(contentsOf: $0) } }
        }
        try writer.drain { try handle.write(contentsOf: $0) }
        try handle.close()
        if rename(partial.path, file.path) != 0 { throw CocoaError(.fileWriteUnknown) }
        finished = true
    }

    private static let chunk = 4 << 20
}
