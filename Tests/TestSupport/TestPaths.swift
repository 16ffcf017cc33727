import Foundation

/// Where the tests find the repository's example portal and the shared real documents.
public enum TestPaths {
    /// The package root, found from this file's path.
    public static let repository: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    /// ../shared beside the repository (CI clones with shared/ beside it).
    public static let shared: URL = repository.deletingLastPathComponent().appendingPathComponent("shared")
    public static let seeds: URL = shared.appendingPathComponent("seeds")
    public static let gold: URL = shared.appendingPathComponent("gold/seeds.json")
    /// The debug `congkhai` executable (`make test` builds it before the tests).
    public static let executable = repository.appendingPathComponent(".build/debug/congkhai")

    public static func seedFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: seeds, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// A fresh temporary folder, removed by the caller.
    public static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The illustrative TT 09 portal of examples/truong-mau, copied into a fresh temporary
    /// folder, removed by the caller.
    public static func demoPortalCopy() throws -> URL {
        let root = try temporaryFolder()
        let demo = repository.appendingPathComponent("examples/truong-mau")
        for item in ["congkhai.yaml", "content"] {
            try FileManager.default.copyItem(
                at: demo.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
        return root
    }

    /// The example portal (congkhai.yaml and content/) copied into a fresh temporary folder,
    /// removed by the caller.
    public static func examplePortalCopy() throws -> URL {
        let root = try temporaryFolder()
        for item in ["congkhai.yaml", "content"] {
            try FileManager.default.copyItem(
                at: repository.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
        return root
    }
}

/// Writes a small portal into a folder: congkhai.yaml, units and documents given as text.
public struct PortalFixture {
    public let root: URL

    public init(settings: String = "title: Cổng thử\n") throws {
        root = try TestPaths.temporaryFolder()
        try write("congkhai.yaml", settings)
    }

    public func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    public func writeBytes(_ path: String, _ bytes: [UInt8]) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    public func unit(_ id: String, name: String, district: String? = nil, province: String? = nil) throws {
        var text = "name: \(name)\nkind: tieu-hoc\n"
        if let district { text += "district: \(district)\n" }
        if let province { text += "province: \(province)\n" }
        try write("content/units/\(id)/unit.yaml", text)
    }

    public func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    public func remove() { try? FileManager.default.removeItem(at: root) }
}
