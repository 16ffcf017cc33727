import Foundation

/// The regular files below a folder, as sorted paths relative to it: what an archive holds,
/// what tests compare between builds.
package enum FileTree {
    package static func files(in folder: URL) throws -> [String] {
        var files: [String] = []
        FolderEntries.walk(folder.standardizedFileURL.path) { path, kind in if kind == .file { files.append(path) } }
        return files.sorted()
    }
}
