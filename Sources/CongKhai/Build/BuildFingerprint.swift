import Foundation

/// What a build read, summed up without reading it: every source file's path, size, change time
/// and inode (content/, templates/, congkhai.yaml), the options, and congkhai's own executable.
/// Equal fingerprints mean the previous output is still exactly what a build would write, so a
/// rebuild with nothing changed has nothing to do. `--full` always builds.
struct BuildFingerprint: Equatable {
    let value: String

    static func compute(_ options: BuildOptions) -> BuildFingerprint {
        var first = Hasher64(seed: 0xcbf29ce484222325)
        var second = Hasher64(seed: 0x84222325cbf29ce4)
        func add(_ text: String) { first.add(text); second.add(text) }
        add("congkhai-fingerprint-1|drafts=\(options.includeDrafts)|year=\(options.schoolYear ?? "")|output=\(options.output.path)")
        if let executable = Bundle.main.executablePath { add(statLine(executable, name: "executable")) }
        add(statLine(options.source.appendingPathComponent("congkhai.yaml").path, name: "congkhai.yaml"))
        for folder in ["content", "templates", "archives"] {
            let root = options.source.appendingPathComponent(folder)
            guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { add("\(folder): none"); continue }
            var entries: [String] = []
            while let relative = enumerator.nextObject() as? String {
                entries.append(statLine(root.appendingPathComponent(relative).path, name: "\(folder)/\(relative)"))
            }
            for entry in entries.sorted() { add(entry) }
        }
        return BuildFingerprint(value: first.hex + second.hex)
    }

    private static func statLine(_ path: String, name: String) -> String {
        var status = stat()
        guard lstat(path, &status) == 0 else { return "\(name):missing" }
        return "\(name):\(status.st_size):\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec):\(status.st_ctim.tv_sec).\(status.st_ctim.tv_nsec):\(status.st_ino):\(status.st_mode)"
    }
}

/// FNV-1a, 64 bits: fast and stable across runs (Swift's Hasher is seeded per process).
struct Hasher64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func add(_ text: String) {
        for byte in text.utf8 { state = (state ^ UInt64(byte)) &* 0x100000001b3 }
        state = (state ^ 0x0A) &* 0x100000001b3
    }
    var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// The cache kept beside the output folder: the fingerprint of the build that made it.
struct BuildCache {
    let folder: URL

    init(output: URL) {
        folder = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).congkhai-cache")
    }

    private var fingerprintFile: URL { folder.appendingPathComponent("fingerprint") }

    /// The stored fingerprint and the report line of the build that stored it.
    func load() -> (fingerprint: BuildFingerprint, pages: Int)? {
        guard let text = try? String(contentsOf: fingerprintFile, encoding: .utf8) else { return nil }
        let parts = text.split(separator: "\n")
        guard parts.count >= 2, let pages = Int(parts[1]) else { return nil }
        return (BuildFingerprint(value: String(parts[0])), pages)
    }

    func store(_ fingerprint: BuildFingerprint, pages: Int) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? Data("\(fingerprint.value)\n\(pages)\n".utf8).write(to: fingerprintFile, options: .atomic)
    }

    func clear() { try? FileManager.default.removeItem(at: fingerprintFile) }
}
