import Foundation

/// A file as a build sees it without reading it: path, size, times, inode and mode. Equal lines
/// mean the file is, for all practical purposes, the same file.
enum FileIdentity {
    static func line(_ path: String, name: String) -> String {
        var status = stat()
        guard lstat(path, &status) == 0 else { return "\(name):missing" }
        return "\(name):\(status.st_size):\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec):\(status.st_ctim.tv_sec).\(status.st_ctim.tv_nsec):\(status.st_ino):\(status.st_mode)"
    }

    /// congkhai's own executable: a new version invalidates every fingerprint, key and cache.
    static var executable: String {
        Bundle.main.executablePath.map { line($0, name: "executable") } ?? "executable:unknown"
    }
}

extension Duration {
    /// The duration in seconds, for timings people read.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
