import Foundation
import Import
import VietText

/// The files given to the desk (uploaded or pasted), kept in the preview's folder until saved:
/// each in a folder named by a random id, under a name made safe (ASCII letters, digits and
/// hyphens, and one of the extensions import reads). Nothing is written anywhere else.
struct DeskUploads: Sendable {
    /// Every account's files given, each in its folder.
    let root: URL
    /// This account's folder (`may-nay` on a desk without accounts).
    let folder: URL

    init(root: URL, owner: String?) {
        self.root = root
        // Account names are slugs already (`Account.isValidName`).
        folder = root.appendingPathComponent(owner ?? "may-nay", isDirectory: true)
    }

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

    /// How long a file given but never saved is kept.
    static let kept: TimeInterval = 24 * 3600
    /// How many files an account has given may wait to be saved (a clerk saves each before
    /// the next): with the size limit, what one account sending file after file can take of
    /// the disk, 400 MB, without pushing out anyone else's.
    static let mostWaiting = 20

    /// Stores the bytes under a new id; returns the id and the file. Files given more than a
    /// day ago and never saved are removed first, and the oldest beyond `mostWaiting`.
    func store(_ bytes: [UInt8], name: String) throws -> (id: String, file: URL) {
        removeOld()
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

    /// The file stored under `id` goes (saved, or not readable).
    func remove(_ id: String) {
        guard let file = file(id) else { return }
        try? FileManager.default.removeItem(at: file.deletingLastPathComponent())
    }

    private func removeOld() {
        let manager = FileManager.default
        let now = Date()
        var waiting: [(made: Date, place: URL)] = []
        // Anyone's files older than a day; this account's beyond the count.
        for owner in (try? manager.contentsOfDirectory(atPath: root.path)) ?? [] {
            let owned = DeskUploads(root: root, owner: owner)
            for id in (try? manager.contentsOfDirectory(atPath: owned.folder.path)) ?? [] {
                let place = owned.folder.appendingPathComponent(id)
                guard let made = (try? manager.attributesOfItem(atPath: place.path))?[.modificationDate] as? Date,
                    owned.file(id) != nil
                else { continue }
                if now.timeIntervalSince(made) > Self.kept {
                    try? manager.removeItem(at: place)
                } else if owned.folder == folder {
                    waiting.append((made, place))
                }
            }
        }
        // Room for the one about to be stored.
        for old in waiting.sorted(by: { $0.made < $1.made }).prefix(max(0, waiting.count - Self.mostWaiting + 1)) {
            try? manager.removeItem(at: old.place)
        }
    }
}

/// The drafts read from the files given, by upload id, so that saving does not read a PDF again;
/// the last few only.
final class DeskDrafts: @unchecked Sendable {
    private let lock = NSLock()
    private var drafts: [(id: String, draft: Importer.Draft)] = []
    private static let count = 16

    func keep(_ draft: Importer.Draft, for id: String) {
        lock.withLock {
            drafts.removeAll { $0.id == id }
            drafts.append((id, draft))
            if drafts.count > Self.count { drafts.removeFirst(drafts.count - Self.count) }
        }
    }

    func draft(for id: String) -> Importer.Draft? { lock.withLock { drafts.last { $0.id == id }?.draft } }

    func forget(_ id: String) { lock.withLock { drafts.removeAll { $0.id == id } } }
}
