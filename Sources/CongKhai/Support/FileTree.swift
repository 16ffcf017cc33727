import Foundation

/// The regular files below a folder, as sorted paths relative to it: what an archive holds,
/// what tests compare between builds.
public enum FileTree {
    public static func files(in folder: URL) throws -> [String] {
        let base = folder.standardizedFileURL.path + "/"
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var files: [String] = []
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            files.append(String(url.standardizedFileURL.path.dropFirst(base.count)))
        }
        return files.sorted()
    }
}
