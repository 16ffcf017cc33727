import Foundation

/// The spare output (the one replaced by the build before last) as the next build's staging
/// folder: what it holds and the keys of its pages. Bringing it up to date in place touches
/// only the files that differ, where building a new folder linked every unchanged page and
/// then deleted the old folder, about 30,000 file operations at 10,000 documents.
struct RecycledOutput: Sendable {
    /// The keys of its pages, from the build that made it.
    let keys: [String: UInt64]
    /// Whether it holds a file for each of `keys` but `gone` (known from its record), or
    /// only the files in `others` (listed).
    private let holdsKeyedFiles: Bool
    private let gone: Set<String>
    /// Its files without a key (every file, when listed).
    private let others: Set<String>
    /// Every folder, as a path from its root.
    let folders: Set<String>

    /// Whether it holds a file at `path`, a path from its root (the marker is not one).
    func holds(_ path: String) -> Bool {
        others.contains(path) || (holdsKeyedFiles && keys[path] != nil && !gone.contains(path))
    }

    /// Every file in it but the marker, as paths from its root.
    var files: [String] {
        (holdsKeyedFiles ? keys.keys.filter { !gone.contains($0) } : []) + others
    }

    /// What it holds at a path of the new output: the very file (its key unchanged), a page
    /// of its record made from other inputs, a file it holds without a key, or nothing. The
    /// file there goes unless it is in place: it is shared with the live output.
    enum Placement: Sendable, Equatable {
        case inPlace, replaced, other, absent
    }

    func placement(of path: String, key: UInt64?) -> Placement {
        guard holds(path) else { return .absent }
        if key != nil && keys[path] == key { return .inPlace }
        return holdsKeyedFiles && keys[path] != nil && !gone.contains(path) ? .replaced : .other
    }

    /// What `folder` holds: as its record says, when the record can be trusted, else listed
    /// whole.
    static func list(_ folder: URL, record: OutputRecord) -> RecycledOutput {
        if let recordedAt = record.recordedAt, let listed = recorded(folder.path, record, since: recordedAt) {
            return listed
        }
        return walk(folder, keys: record.keys)
    }

    /// Lists `folder`: one readdir per folder (30,000 at 10,000 documents).
    static func walk(_ folder: URL, keys: [String: UInt64]) -> RecycledOutput {
        var files = Set<String>(), folders = Set<String>()
        FolderEntries.walk(folder.path) { path, kind in
            if kind == .folder { folders.insert(path) } else if path != OutputFolder.markerName { files.insert(path) }
        }
        return RecycledOutput(keys: keys, holdsKeyedFiles: false, gone: [], others: files, folders: folders)
    }

    /// How long before its record a folder's change may be stamped and still belong to the
    /// build that made it: some file systems stamp with a coarse clock (FAT's is 2 s).
    static let clockMarginSeconds = 2
    /// The same on a file system whose stamps have fractions of a second (the record's time
    /// does): Linux stamps with the clock of its last tick (a few milliseconds). After a full
    /// build, 2 s would have every folder written in its last 2 s read again.
    static let fineClockMarginNanoseconds = 100_000_000

    /// The files the record lists and their folders, each folder checked with one stat(2)
    /// rather than read: a folder whose entries changed since the record was written (its
    /// ctime, which no tool sets back, is later) is read, as are the last ones the build
    /// wrote; a folder found there that the record does not know is walked. Nil when a folder
    /// the record lists is gone or is no longer a folder: then everything is listed.
    private static func recorded(_ root: String, _ record: OutputRecord, since recordedAt: timespec)
        -> RecycledOutput?
    {
        // Every page has a folder of its own: about as many folders as files.
        var folders = Set<String>(minimumCapacity: record.keys.count + record.otherFiles.count)
        // Read where they are: the keys copied into an array first were 27,000 more retains.
        func addFolders(of files: some Sequence<String>) {
            for file in files {
                var folder = parent(file)
                while !folder.isEmpty, folders.insert(String(folder)).inserted { folder = parent(folder) }
            }
        }
        addFolders(of: record.keys.keys)
        addFolders(of: record.otherFiles)
        let descriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        // (seconds, nanoseconds), compared as a pair: no product of seconds to overflow.
        let since: (Int, Int) =
            recordedAt.tv_nsec == 0
            ? (recordedAt.tv_sec - clockMarginSeconds, 0)
            : recordedAt.tv_nsec >= fineClockMarginNanoseconds
                ? (recordedAt.tv_sec, recordedAt.tv_nsec - fineClockMarginNanoseconds)
                : (recordedAt.tv_sec - 1, recordedAt.tv_nsec + 1_000_000_000 - fineClockMarginNanoseconds)
        // The root is always read: its marker is rewritten, and it is renamed to be the spare.
        var changed: Set<Substring> = [""]
        for folder in folders {
            var status = stat()
            // The path's own bytes (a String passed as it is was copied into a new C string first).
            guard folder.withCString({ fstatat(descriptor, $0, &status, AT_SYMLINK_NOFOLLOW) }) == 0,
                status.st_mode & S_IFMT == S_IFDIR
            else { return nil }
            if (status.st_ctim.tv_sec, status.st_ctim.tv_nsec) >= since { changed.insert(Substring(folder)) }
        }
        // What the changed folders hold replaces what the record says of them.
        var seen = Set<String>()
        var unknownFolders: [String] = []
        for folder in changed {
            for (name, kind) in FolderEntries.list(folder.isEmpty ? root : root + "/" + folder) {
                let path = folder.isEmpty ? name : folder + "/" + name
                if kind == .folder {
                    if !folders.contains(path) { unknownFolders.append(path) }
                } else if path != OutputFolder.markerName {
                    seen.insert(path)
                }
            }
        }
        var gone = Set<String>()
        var others = Set(record.otherFiles)
        for file in record.keys.keys where changed.contains(parent(file)) && !seen.contains(file) { gone.insert(file) }
        for file in record.otherFiles where changed.contains(parent(file)) && !seen.contains(file) {
            others.remove(file)
        }
        for file in seen where record.keys[file] == nil { others.insert(file) }
        for unknown in unknownFolders {
            folders.insert(unknown)
            FolderEntries.walk(root + "/" + unknown) { path, kind in
                if kind == .folder { folders.insert(unknown + "/" + path) } else { others.insert(unknown + "/" + path) }
            }
        }
        return RecycledOutput(keys: record.keys, holdsKeyedFiles: true, gone: gone, others: others, folders: folders)
    }

    /// A path's folder, "" for one at the root.
    private static func parent(_ path: some StringProtocol) -> Substring {
        let text = Substring(path)
        return text.utf8.lastIndex(of: 0x2F).map { text[..<$0] } ?? ""
    }

    /// Removes from `folder` (this output, now the staging folder) every file but those in
    /// place (`placements`, by the new output's `paths`, each once), and the folders that
    /// leaves empty, so nothing the build writes lands on a file shared with the live output.
    /// Returns the folders still there.
    func prune(_ folder: URL, paths: [String], placements: [Placement]) throws(WriteFailure) -> Set<String> {
        assert(Set(paths).count == paths.count, "a path of the output given twice")
        let stale: [String]
        // Every page of its record is one of the new output's (the rebuild after an edit):
        // those to remove are found among them, and with them the few files without a key,
        // none of which is in place; no set of 27,000 paths made and looked up.
        if holdsKeyedFiles, others.allSatisfy({ keys[$0] == nil }),
            placements.count(where: { $0 == .inPlace || $0 == .replaced })
                == keys.count - gone.count(where: { keys[$0] != nil })
        {
            stale = zip(paths, placements).compactMap { $1 == .replaced ? $0 : nil } + others
        } else {
            let kept = Set(zip(paths, placements).compactMap { $1 == .inPlace ? $0 : nil })
            stale = files.filter { !kept.contains($0) }
        }
        var emptied = Set<String>()
        for file in stale {
            if unlink(folder.path + "/" + file) != 0 && errno != ENOENT {
                throw WriteFailure(
                    path: file, reason: FileErrorText.describe(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)))
            }
            var parent = Self.parent(file)
            while !parent.isEmpty, emptied.insert(String(parent)).inserted {
                parent = Self.parent(parent)
            }
        }
        // Deepest first; rmdir(2) leaves a folder that still holds something.
        var remaining = folders
        for candidate in emptied.sorted(by: { $0.count > $1.count }) where rmdir(folder.path + "/" + candidate) == 0 {
            remaining.remove(candidate)
        }
        return remaining
    }
}
