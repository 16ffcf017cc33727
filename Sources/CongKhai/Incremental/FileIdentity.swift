import Foundation
import VietText

/// A file as a build sees it without reading it: path, size, times, inode and mode. Equal lines
/// mean the file is, for all practical purposes, the same file.
enum FileIdentity {
    static func line(_ path: String, name: String) -> String {
        var status = stat()
        guard lstat(path, &status) == 0 else { return "\(name):missing" }
        return line(status, name: name)
    }

    /// The same, from a status already taken (lstat(2)).
    static func line(_ status: stat, name: String) -> String {
        "\(name):\(status.st_size):\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec):\(status.st_ctim.tv_sec).\(status.st_ctim.tv_nsec):\(status.st_ino):\(status.st_mode)"
    }

    /// A file's size, times, inode and mode in one number, or nil when its last change is too
    /// recent to vouch for its bytes: a change made in the same tick of the file system's
    /// clock as the one seen would leave every field as it was (git calls such files racily
    /// clean). The file a symbolic link leads to is the one stamped.
    static func stamp(_ path: String) -> UInt64? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return stamp(status, takenAt: now())
    }

    /// The same, from a status taken (by stat(2), or lstat(2) of a file that is not a link) at
    /// `time` (`now()` then).
    static func stamp(_ status: stat, takenAt time: Double) -> UInt64? {
        let changed = Double(status.st_ctim.tv_sec) + Double(status.st_ctim.tv_nsec) / 1e9
        guard changed < time - 0.1 else { return nil }
        var hasher = Hasher64()
        for field in [
            Int(status.st_size), status.st_mtim.tv_sec, status.st_mtim.tv_nsec, status.st_ctim.tv_sec,
            status.st_ctim.tv_nsec
        ] {
            hasher.add(field)
        }
        for field in [UInt64(status.st_ino), UInt64(status.st_dev), UInt64(status.st_mode)] { hasher.add(field) }
        return hasher.value == 0 ? 1 : hasher.value
    }

    /// The file system clock's time now, in seconds.
    static func now() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// congkhai's own executable: a new version invalidates every fingerprint, key and cache.
    /// Taken once, for the code running: finding the path through Bundle took 9 ms of every
    /// build, and a binary replaced under a running `congkhai serve` is not the one building.
    static let executable: String = {
        // The kernel's link to the running executable, followed by stat(2) to the very file
        // running, even one deleted or replaced since it started; Bundle where there is none.
        var status = stat()
        if stat("/proc/self/exe", &status) == 0 { return line(status, name: "executable") }
        return Bundle.main.executablePath.map { line($0, name: "executable") } ?? "executable:unknown"
    }()
}

extension Duration {
    /// The duration in seconds, for timings people read.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
