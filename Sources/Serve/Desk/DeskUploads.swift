import Foundation
import VietText

/// The files given to the desk (uploaded or pasted), kept in the preview's folder until saved:
/// each in a folder named by a random id, under a name made safe (ASCII letters, digits and
/// hyphens, and one of the extensions import reads). Nothing is written anywhere else.
struct DeskUploads: Sendable {
    let folder: URL
    /// Import reads these; anything else is refused before it is stored.
    static let extensions: Set<String> = ["docx", "pdf", "txt", "html", "htm"]
    /// An upload's size at most (a Word file with pictures is a few megabytes).
    static let maxBytes = 20 << 20

    /// The name a file is stored under: the name it was given, without its folders and its
    /// extension, as a slug, then the extension its bytes call for (`DeskFileKind`).
    static func safeName(_ given: String, kind: String) -> String {
        // Only the last part of a path a browser (or a crafted request) sends.
        let last = given.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let stem = last.lastIndex(of: ".").map { String(last[..<$0]) } ?? last
        let slug = VietnameseText.slug(stem, maxLength: 60)
        return (slug.isEmpty ? "van-ban" : slug) + "." + kind
    }

    /// Whether a stored name is one `safeName` makes.
    static func isSafe(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: ".") else { return false }
        let stem = String(name[..<dot])
        return extensions.contains(String(name[name.index(after: dot)...])) && VietnameseText.slug(stem) == stem
    }

    /// Stores the bytes under a new id; returns the id and the file.
    func store(_ bytes: [UInt8], name: String) throws -> (id: String, file: URL) {
        let id = (0..<2).map { _ in String(UInt64.random(in: 0...UInt64.max), radix: 16) }.joined()
        let place = folder.appendingPathComponent(id)
        try FileManager.default.createDirectory(at: place, withIntermediateDirectories: true)
        let file = place.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return (id, file)
    }

    /// The file stored under `id`, when the id is one this desk made and the file is there.
    func file(_ id: String) -> URL? {
        guard !id.isEmpty, id.count <= 40, id.allSatisfy({ $0.isHexDigit && $0.isASCII }) else { return nil }
        let place = folder.appendingPathComponent(id)
        guard let name = try? FileManager.default.contentsOfDirectory(atPath: place.path).first,
            Self.isSafe(name)
        else { return nil }
        return place.appendingPathComponent(name)
    }
}
