import Foundation
import VietText

/// One document file as the loader found it: the hash of its bytes, what it made of them and
/// the problems it saw; and, when an earlier build's cache held these very bytes, that build's
/// parse of the body too, so neither YAML nor Markdown is read again.
package struct DocumentLoad: Sendable {
    package var path: String
    /// FNV-1a of the file's bytes.
    package var contentHash: UInt64
    /// FileIdentity.stamp of the file when it was read, 0 when none could vouch for its bytes:
    /// a file with the same stamp is not even read again.
    package var stamp: UInt64 = 0
    package var document: SourceDocument?
    package var diagnostics: [Diagnostic]
    /// Reused from the cache (the document's `body` is then empty: only the parse is kept);
    /// nil when the body is still to be parsed.
    package var rendered: RenderedMarkdown?

    package init(
        path: String, contentHash: UInt64, stamp: UInt64 = 0, document: SourceDocument?, diagnostics: [Diagnostic],
        rendered: RenderedMarkdown? = nil
    ) {
        self.path = path
        self.contentHash = contentHash
        self.stamp = stamp
        self.document = document
        self.diagnostics = diagnostics
        self.rendered = rendered
    }
}

/// Loads an earlier build kept, by path, valid only in the environment they were made in.
package struct ReusableLoads: Sendable {
    package var environment: UInt64
    package var loads: [String: DocumentLoad]

    /// What loading a document depends on besides its bytes: congkhai itself and congkhai.yaml
    /// (its catalogue decides which kinds and categories are known).
    static func environment(settings: PortalSettings) -> UInt64 {
        var hasher = Hasher64()
        hasher.add("congkhai-document-loads-2")
        hasher.add(FileIdentity.executable)
        hasher.add(settings.inputKey.map { String($0) })
        return hasher.value
    }
}
