/// What `congkhai --version` says: the version (VERSION at the repository's root, the one place
/// it is written) and the commit the binary was built from, which `make` writes into
/// BuildInfo/commit.txt before each build (ignored by git) and the BuildCommit plugin makes
/// Swift of. A build without it (`swift build` alone in a fresh clone) says the commit is not
/// known.
enum BuildVersion {
    static let number = text(PackageResources.VERSION)

    /// Written before each build by the BuildCommit plugin (Plugins/BuildCommit).
    static let commit: String? = buildCommit

    /// "congkhai 0.9.0 (commit 1a2b3c4)", the form help2man reads.
    static var line: String {
        "congkhai \(number) (commit \(commit.flatMap { $0.isEmpty ? nil : $0 } ?? "không rõ"))"
    }

    private static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
