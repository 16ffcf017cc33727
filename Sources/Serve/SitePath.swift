/// A request's path within the served site, checked: percent-decoded, its segments neither
/// empty in the middle, ".", "..", hidden (".congkhai-output"), nor holding a NUL or a
/// backslash. Nothing outside the preview's folder can be named.
struct SitePath: Equatable {
    /// The segments, decoded.
    let segments: [String]
    /// The request named a folder ("…/" or the site's root).
    let isFolder: Bool

    /// `path`: what follows the base path, still percent-encoded.
    init?(_ path: Substring) {
        let raw = path.split(separator: "/", omittingEmptySubsequences: false)
        var segments: [String] = []
        for (index, part) in raw.enumerated() {
            if part.isEmpty {
                // Only the last one: "a/b/" names folder b.
                guard index == raw.count - 1 else { return nil }
                continue
            }
            guard let decoded = String(part).removingPercentEncoding, !decoded.isEmpty, !decoded.hasPrefix("."),
                !decoded.contains("/"), !decoded.contains("\\"), !decoded.contains("\0")
            else { return nil }
            segments.append(decoded)
        }
        self.segments = segments
        isFolder = path.isEmpty || path.hasSuffix("/")
    }

    var joined: String { segments.joined(separator: "/") }
}
