import Foundation

/// The loaded and parsed documents of the last build, kept in the build cache so the next one
/// reads again only the files whose bytes changed (DocumentRecord has the format). A cache
/// that cannot be read is ignored: everything is loaded afresh.
struct DocumentCache {
    let file: URL
    private static let header = "congkhai-document-cache-1"

    init(cache: BuildCache) { file = cache.folder.appendingPathComponent("documents") }

    func load() -> ReusableLoads? {
        guard let data = try? Data(contentsOf: file) else { return nil }
        var reader = RecordReader([UInt8](data))
        do {
            guard try reader.string() == Self.header else { return nil }
            let environment = try reader.uint64()
            var loads: [String: DocumentLoad] = [:]
            for load in try reader.array({ reader throws(RecordReader.Corrupt) -> DocumentLoad in
                let path = try reader.string()
                let hash = try reader.uint64()
                let document = try SourceDocument(record: &reader)
                let diagnostics = try reader.array { reader throws(RecordReader.Corrupt) in try Diagnostic(record: &reader) }
                return DocumentLoad(path: path, contentHash: hash, document: document, diagnostics: diagnostics,
                                    rendered: try RenderedMarkdown(record: &reader))
            }) { loads[load.path] = load }
            guard reader.isAtEnd else { return nil }
            return ReusableLoads(environment: environment, loads: loads)
        } catch {
            return nil
        }
    }

    /// Keeps every loaded document with its parse; `rendered` is by source path. The Markdown
    /// body is not kept: a document taken from the cache comes with its parse, and the body is
    /// read by nothing else (its `body` is empty).
    func store(_ portal: LoadedPortal, rendered: [String: RenderedMarkdown]) throws {
        var writer = RecordWriter()
        writer.reserve(portal.documentLoads.reduce(0) { total, load in
            let body = load.rendered ?? rendered[load.path]
            return total + 4096 + (body?.html.utf8.count ?? 0) + 16 * (body?.words.words.count ?? 0)
        })
        writer.string(Self.header)
        writer.uint64(ReusableLoads.environment(settings: portal.settings))
        let kept = portal.documentLoads.compactMap { load -> (DocumentLoad, SourceDocument, RenderedMarkdown)? in
            guard let document = load.document, let body = load.rendered ?? rendered[load.path] else { return nil }
            return (load, document, body)
        }
        writer.array(kept) { writer, entry in
            let (load, document, body) = entry
            writer.string(load.path)
            writer.uint64(load.contentHash)
            var lean = document
            lean.body = ""
            lean.write(to: &writer)
            writer.array(load.diagnostics) { $1.write(to: &$0) }
            body.write(to: &writer)
        }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(writer.bytes).write(to: file, options: .atomic)
    }
}
