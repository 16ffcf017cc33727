import Foundation

/// The cache kept beside the output folder (".public.congkhai-cache", git-ignored): the
/// fingerprint of the build that made the output, and the key of every page it rendered.
/// The keys name the output they belong to (its marker holds the same generation), so keys
/// left by a build killed before or after its swap are never taken for another output's.
struct BuildCache {
    let folder: URL

    init(output: URL) {
        folder = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).congkhai-cache")
    }

    private var fingerprintFile: URL { folder.appendingPathComponent("fingerprint") }
    private var pageKeysFile: URL { folder.appendingPathComponent("page-keys") }
    private static let pageKeysHeader = "congkhai-page-keys-1"

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

    /// The page keys stored for the output of generation `generation`, or nil.
    func pageKeys(generation: String) -> [String: UInt64]? {
        guard let data = try? Data(contentsOf: pageKeysFile) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "\(Self.pageKeysHeader) \(generation)" else { return nil }
        var keys: [String: UInt64] = [:]
        keys.reserveCapacity(lines.count)
        // One "key<TAB>path" a line; anything else means the file is not ours to trust.
        for line in lines.dropFirst() where !line.isEmpty {
            guard let tab = line.firstIndex(of: "\t"), let key = UInt64(line[..<tab], radix: 16) else { return nil }
            keys[String(line[line.index(after: tab)...])] = key
        }
        return keys
    }

    func storePageKeys(_ keys: [(path: String, key: UInt64)], generation: String) throws {
        var text = "\(Self.pageKeysHeader) \(generation)\n"
        for (path, key) in keys { text += String(key, radix: 16) + "\t" + path + "\n" }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: pageKeysFile, options: .atomic)
    }

    /// The generation of a set of page keys: the marker of the output they made.
    static func generation(of keys: [(path: String, key: UInt64)]) -> String {
        var hasher = Hasher64()
        for (path, key) in keys { hasher.add(path); hasher.add(key) }
        return hasher.hex
    }
}
