import Foundation

/// A folder's entries by readdir(3), without "." and "..": walking tens of thousands of files
/// through FileManager and URL was a third of loading a large portal.
package enum FolderEntries {
    enum Kind { case folder, file, link }

    /// A folder's entries, by readdir(3); the kind from the entry itself where the file system
    /// gives it, else from lstat(2).
    static func list(_ folder: String) -> [(String, Kind)] {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        var entries: [(String, Kind)] = []
        read(descriptor) { name, kind, _ in entries.append((name, kind)) }
        return entries
    }

    /// Every entry below `root`, depth first, as a path from `root` with its kind; folders are
    /// entered (links to folders are not).
    static func walk(_ root: String, _ visit: (_ path: String, _ kind: Kind) -> Void) {
        walk(root, needsStatus: false) { path, kind, _ in visit(path, kind) }
    }

    /// Every file below `root` as a path from it, leaving out hidden files and folders (those
    /// whose name starts with "."); a link is taken when it leads to a file, never entered when
    /// it leads to a folder. `unreadable`: the folders that could not be opened ("" for `root`),
    /// with why (errno).
    package static func files(below root: String) -> (files: [String], unreadable: [(folder: String, errno: Int32)]) {
        var found: [String] = [], unreadable: [(folder: String, errno: Int32)] = []
        walk(
            root, needsStatus: false, enters: { _, path in !Self.isHidden(path) },
            unopened: { unreadable.append(($0, $1)) },
            { path, kind, _ in
                guard !Self.isHidden(path) else { return }
                var target = stat()
                if kind == .file
                    || (kind == .link && stat(root + "/" + path, &target) == 0
                        && target.st_mode & S_IFMT == S_IFREG)
                {
                    found.append(path)
                }
            })
        return (found, unreadable)
    }

    private static func isHidden(_ path: String) -> Bool {
        (path.split(separator: "/").last ?? "").hasPrefix(".")
    }

    /// Every entry below `root` with its lstat(2) status, as `walk` finds them. The folders two
    /// levels down (each unit's, in content/units/) are walked on all cores.
    static func statuses(_ root: String) -> [(path: String, kind: Kind, status: stat)] {
        var found: [(path: String, kind: Kind, status: stat)] = []
        var subtrees: [String] = []
        walk(
            root, needsStatus: true,
            enters: { depth, path in
                if depth < 2 { return true }
                subtrees.append(path)
                return false
            },
            { path, kind, status in found.append((path, kind, status ?? stat())) }
        )
        for part in ParallelMap.map(
            subtrees,
            { subtree -> [(path: String, kind: Kind, status: stat)] in
                var below: [(path: String, kind: Kind, status: stat)] = []
                walk(root + "/" + subtree, needsStatus: true, enters: { _, _ in true }) { path, kind, status in
                    below.append((subtree + "/" + path, kind, status ?? stat()))
                }
                return below
            })
        {
            found += part
        }
        return found
    }

    /// `enters(depth, path)` says whether a folder found at that depth (1 for `root`'s own) is walked.
    /// `unopened` hears of each folder that could not be opened ("" for `root`), with errno.
    private static func walk(
        _ root: String, needsStatus: Bool, enters: (Int, String) -> Bool = { _, _ in true },
        unopened: (String, Int32) -> Void = { _, _ in }, _ visit: (String, Kind, stat?) -> Void
    ) {
        let descriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return unopened("", errno) }
        walk(
            descriptor, root: root, relative: "", depth: 1, needsStatus: needsStatus, enters: enters,
            unopened: unopened, visit)
    }

    /// Each folder is opened relative to its parent (openat(2)): resolving the whole path again
    /// for each of the 13,000 folders of a large output was most of the time of listing it.
    private static func walk(
        _ descriptor: Int32, root: String, relative: String, depth: Int, needsStatus: Bool,
        enters: (Int, String) -> Bool, unopened: (String, Int32) -> Void, _ visit: (String, Kind, stat?) -> Void
    ) {
        read(descriptor, needsStatus: needsStatus) { name, kind, status in
            let child = relative.isEmpty ? name : relative + "/" + name
            visit(child, kind, status)
            guard kind == .folder, enters(depth, child) else { return }
            // A folder held open per level: past the limit on open files, by its whole path.
            var opened = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if opened < 0 { opened = open(root + "/" + child, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
            guard opened >= 0 else { return unopened(child, errno) }
            walk(
                opened, root: root, relative: child, depth: depth + 1, needsStatus: needsStatus, enters: enters,
                unopened: unopened, visit)
        }
    }

    /// Reads the folder open as `descriptor` (and closes it): each entry's name and kind, and
    /// its status when asked for or when the entry does not give the kind.
    private static func read(_ descriptor: Int32, needsStatus: Bool = false, _ entry: (String, Kind, stat?) -> Void) {
        guard let handle = fdopendir(descriptor) else {
            close(descriptor)
            return
        }
        defer { closedir(handle) }
        let folder = dirfd(handle)
        while let item = readdir(handle) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name == "." || name == ".." { continue }
            var status: stat?
            let type = Int32(item.pointee.d_type)
            if needsStatus || type == Int32(DT_UNKNOWN) {
                var found = stat()
                guard fstatat(folder, name, &found, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                status = found
            }
            var kind: Kind
            switch type {
            case Int32(DT_DIR): kind = .folder
            case Int32(DT_LNK): kind = .link
            case Int32(DT_UNKNOWN):
                switch (status?.st_mode ?? 0) & S_IFMT {
                case S_IFDIR: kind = .folder
                case S_IFLNK: kind = .link
                default: kind = .file
                }
            default: kind = .file
            }
            entry(name, kind, status)
        }
    }
}
