import Foundation

@testable import CongKhai

/// Finds every href and src in the built pages and checks that relative ones name a file.
enum LinkChecker {
    static func allFiles(in folder: URL) throws -> [String] { try FileTree.files(in: folder) }

    static func htmlFiles(in folder: URL) throws -> [String] {
        try allFiles(in: folder).filter { $0.hasSuffix(".html") }
    }

    static func brokenLinks(in folder: URL) throws -> [String] {
        var broken: [String] = []
        let manager = FileManager.default
        for page in try htmlFiles(in: folder) where page != "404.html" {
            let html = try String(contentsOf: folder.appendingPathComponent(page), encoding: .utf8)
            for link in links(in: html) {
                if link.hasPrefix("#") || link.contains(":") { continue }
                let target = link.split(separator: "#").first.map(String.init) ?? link
                let resolved = folder.appendingPathComponent(page).deletingLastPathComponent().appendingPathComponent(
                    target
                ).standardizedFileURL
                var isDirectory: ObjCBool = false
                if !manager.fileExists(atPath: resolved.path, isDirectory: &isDirectory) || isDirectory.boolValue {
                    broken.append("\(page) → \(link)")
                }
            }
        }
        return broken
    }

    static func links(in html: String) -> [String] {
        var found: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = html[...]
            while let range = rest.range(of: attribute) {
                let value = rest[range.upperBound...].prefix { $0 != "\"" }
                found.append(String(value))
                rest = rest[range.upperBound...]
            }
        }
        return found
    }

    /// A page without the scripts congkhai itself puts there (search, the document and
    /// directives pages' scripts, the 404 page's few lines that find the portal's root): what is
    /// left is what content could have brought in.
    static func withoutOwnScripts(_ html: String) -> String {
        html
            .replacingOccurrences(
                of: "<script src=\"(\\.\\./)*assets/search\\.js\" data-root=\"(\\.\\./)*\"></script>", with: "",
                options: .regularExpression
            )
            .replacingOccurrences(
                of: "<script src=\"(\\.\\./)*assets/(document|directives)\\.js\" defer></script>", with: "",
                options: .regularExpression
            )
            .replacingOccurrences(
                of: "(?s)<script>\n/\\* Shown for a missing address.*?</script>", with: "",
                options: .regularExpression)
    }
}
