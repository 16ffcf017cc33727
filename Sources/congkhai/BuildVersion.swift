/// What `congkhai --version` says: the version (VERSION at the repository's root, the one place
/// it is written) and the commit the binary was built from, which `make` writes into
/// BuildInfo/commit.txt before each build (ignored by git). A build without it (`swift build`
/// alone) says the commit is not known.
enum BuildVersion {
    static let number = text(PackageResources.VERSION)

    #if CONGKHAI_COMMIT
        static let commit: String? = text(PackageResources.commit_txt)
    #else
        static let commit: String? = nil
    #endif

    /// "congkhai 0.9.0 (commit 1a2b3c4)", the form help2man reads.
    static var line: String {
        "congkhai \(number) (commit \(commit.flatMap { $0.isEmpty ? nil : $0 } ?? "không rõ: dựng không qua make"))"
    }

    private static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
