import Foundation

/// The loaded and parsed documents of the last build, kept in the build cache so the next one
/// reads again only the files whose bytes changed (DocumentRecord has the format). A cache
/// that cannot be read is ignored: everything is loaded afresh.
struct DocumentCache {
    let file: URL
    private static let header = "congkhai-document-cache-3"

    init(cache: BuildCache) { file = cache.folder.appendingPathComponent("documents") }

    func load() -> ReusableLoads? {
        guard let bytes = Self.read(file) else { return nil }
        var reader = RecordReader(bytes)
        do {
            guard try reader.string() == Self.header else { return nil }
            let environment = try reader.uint64()
            // Each document is a nested record: found in one pass, decoded on all cores.
            let records = try reader.array { reader throws(RecordReader.Corrupt) in try reader.nested() }
            guard reader.isAtEnd else { return nil }
            let decoded = ParallelMap.map(records) { record -> DocumentLoad? in
                var reader = record
                do {
                    let path = try reader.string()
                    let hash = try reader.uint64()
                    let stamp = try reader.uint64()
                    let document = try SourceDocument(record: &reader)
                    let diagnostics = try reader.array { reader throws(RecordReader.Corrupt) in try Diagnostic(record: &reader) }
                    let load = DocumentLoad(path: path, contentHash: hash, stamp: stamp, document: document, diagnostics: diagnostics,
                                            rendered: try RenderedMarkdown(record: &reader))
                    return reader.isAtEnd ? load : nil
                } catch {
                    return nil
                }
            }
            var loads: [String: DocumentLoad] = [:]
            loads.reserveCapacity(decoded.count)
            for load in decoded {
                guard let load else { return nil }
                loads[load.path] = load
            }
            return ReusableLoads(environment: environment, loads: loads)
        } catch {
            return nil
        }
    }

    /// Keeps every loaded document with its parse; `rendered` is by source path. The Markdown
    /// body is not kept: a document taken from the cache comes with its parse, and the body is
    /// read by nothing else (its `body` is empty). The layout is that of `writer.array`: the
    /// count, then each document as a nested record.
    func store(_ portal: LoadedPortal, rendered: [String: RenderedMarkdown]) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Written beside, then renamed over the old cache: a build killed meanwhile leaves the
        // old one whole. Streamed in chunks of a few megabytes, so the cache of a large portal
        // is never held in memory beside the site being written.
        let partial = file.appendingPathExtension("partial")
        guard manager.createFile(atPath: partial.path, contents: nil), let handle = FileHandle(forWritingAtPath: partial.path) else {
            throw CocoaError(.fileWriteUnknown)
        }
        var finished = false
        defer {
            try? handle.close()
            // A full disk: no half-written cache is left behind.
            if !finished { try? manager.removeItem(at: partial) }
        }
        let kept = portal.documentLoads.compactMap { load -> (DocumentLoad, SourceDocument, RenderedMarkdown)? in
            guard let document = load.document, let body = load.rendered ?? rendered[load.path] else { return nil }
            return (load, document, body)
        }
        var writer = RecordWriter()
        writer.reserve(Self.chunk * 2)
        writer.string(Self.header)
        writer.uint64(ReusableLoads.environment(settings: portal.settings))
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

    /// The file's bytes read straight into an array (not through Data, which would hold them twice).
    private static func read(_ file: URL) -> [UInt8]? {
        let descriptor = open(file.path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        let size = Int(status.st_size)
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let got = Foundation.read(descriptor, buffer.baseAddress! + done, size - done)
                if got <= 0 { complete = false; break }
                done += got
            }
            count = done
        }
        return complete ? bytes : nil
    }
}
