import Foundation

/// A folder's entries by readdir(3), without "." and "..": walking tens of thousands of files
/// through FileManager and URL was a third of loading a large portal.
enum FolderEntries {
    enum Kind { case folder, file, link }

    /// A folder's entries, by readdir(3); the kind from the entry itself where the file system
    /// gives it, else from lstat(2).
    static func list(_ folder: String) -> [(String, Kind)] {
        guard let handle = opendir(folder) else { return [] }
        defer { closedir(handle) }
        var entries: [(String, Kind)] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name == "." || name == ".." { continue }
            var kind: Kind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): kind = .folder
            case Int32(DT_LNK): kind = .link
            case Int32(DT_UNKNOWN):
                var status = stat()
                guard lstat(folder + "/" + name, &status) == 0 else { continue }
                switch status.st_mode & S_IFMT {
                case S_IFDIR: kind = .folder
                case S_IFLNK: kind = .link
                default: kind = .file
                }
            default: kind = .file
            }
            entries.append((name, kind))
        }
        return entries
    }

    /// Every entry below `root`, depth first, as a path from `root` with its kind; folders are
    /// entered (links to folders are not).
    static func walk(_ root: String, _ visit: (_ path: String, _ kind: Kind) -> Void) {
        var pending = [""]
        while let relative = pending.popLast() {
            for (name, kind) in list(relative.isEmpty ? root : root + "/" + relative) {
                let child = relative.isEmpty ? name : relative + "/" + name
                if kind == .folder { pending.append(child) }
                visit(child, kind)
            }
        }
    }
}
