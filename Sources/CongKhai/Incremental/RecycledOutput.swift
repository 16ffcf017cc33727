import Foundation

/// The spare output (the one replaced by the build before last) as the next build's staging
/// folder: what it holds and the keys of its pages. Bringing it up to date in place touches
/// only the files that differ, where building a new folder linked every unchanged page and
/// then deleted the old folder, about 30,000 file operations at 10,000 documents.
struct RecycledOutput: Sendable {
    /// The keys of its pages, from the build that made it.
    let keys: [String: UInt64]
    /// Every file in it but the marker, and every folder, as paths from its root.
    let files: Set<String>
    let folders: Set<String>

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
        return RecycledOutput(keys: keys, files: files, folders: folders)
    }

    /// How long before its record a folder's change may be stamped and still belong to the
    /// build that made it: file systems stamp with a coarse clock (FAT's is 2 s).
    static let clockMargin = 2

    /// The files the record lists and their folders, each folder checked with one stat(2)
    /// rather than read: a folder whose entries changed since the record was written (its
    /// ctime, which no tool sets back, is later) is read, as are the last ones the build
    /// wrote; a folder found there that the record does not know is walked. Nil when a folder
    /// the record lists is gone or is no longer a folder: then everything is listed.
    private static func recorded(_ root: String, _ record: OutputRecord, since recordedAt: timespec)
        -> RecycledOutput?
    {
        var files = record.files
        var folders: Set<String> = [""]
        for file in files {
            var folder = parent(file)
            while folders.insert(folder).inserted { folder = parent(folder) }
        }
        let descriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        let since = recordedAt.tv_sec - clockMargin
        var changed = Set<String>()
        for folder in folders {
            var status = stat()
            guard fstatat(descriptor, folder.isEmpty ? "." : folder, &status, AT_SYMLINK_NOFOLLOW) == 0,
                status.st_mode & S_IFMT == S_IFDIR
            else { return nil }
            if status.st_ctim.tv_sec >= since { changed.insert(folder) }
        }
        // The root, read or not, is not one of the folders below it.
        folders.remove("")
        guard !changed.isEmpty else { return RecycledOutput(keys: record.keys, files: files, folders: folders) }
        // The changed folders' entries replace what the record says of them.
        var found = Set<String>()
        var unknownFolders: [String] = []
        for folder in changed {
            for (name, kind) in FolderEntries.list(root + "/" + folder) {
                let path = folder.isEmpty ? name : folder + "/" + name
                if kind == .folder {
                    if !folders.contains(path) { unknownFolders.append(path) }
                } else if path != OutputFolder.markerName {
                    found.insert(path)
                }
            }
        }
        files = files.filter { !changed.contains(parent($0)) || found.contains($0) }
        files.formUnion(found)
        for unknown in unknownFolders {
            folders.insert(unknown)
            FolderEntries.walk(root + "/" + unknown) { path, kind in
                if kind == .folder { folders.insert(unknown + "/" + path) } else { files.insert(unknown + "/" + path) }
            }
        }
        return RecycledOutput(keys: record.keys, files: files, folders: folders)
    }

    /// A path's folder, "" for one at the root.
    private static func parent(_ path: String) -> String {
        path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
    }

    /// Removes from `folder` (this output, now the staging folder) every file but `keep`, and
    /// the folders that leaves empty, so nothing the build writes lands on a file shared with
    /// the live output. Returns the folders still there.
    func prune(_ folder: URL, keep: Set<String>) throws(WriteFailure) -> Set<String> {
        var emptied = Set<String>()
        for file in files where !keep.contains(file) {
            if unlink(folder.path + "/" + file) != 0 && errno != ENOENT {
                throw WriteFailure(
                    path: file, reason: FileErrorText.describe(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)))
            }
            var parent = (file as NSString).deletingLastPathComponent
            while !parent.isEmpty, emptied.insert(parent).inserted {
                parent = (parent as NSString).deletingLastPathComponent
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
