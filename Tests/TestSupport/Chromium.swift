import Foundation

/// Debian's chromium, headless: prints a page to PDF (a real text layer, for import tests) and
/// dumps a page's DOM after its scripts ran (for the hostile-content tests).
public enum Chromium {
    public struct Missing: Error, CustomStringConvertible {
        public var description: String { "chromium is needed (make test installs it)" }
    }

    static func binary() throws -> String {
        guard
            let binary = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(
                where: FileManager.default.isExecutableFile(atPath:))
        else {
            throw Missing()
        }
        return binary
    }

    /// Prints `html` to `pdf`; the caller checks the file is there.
    public static func printToPDF(_ html: URL, _ pdf: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try binary())
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
            "--user-data-dir=\(html.deletingLastPathComponent().path)/.chromium",
            "--print-to-pdf=\(pdf.path)", html.absoluteString
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
    }

    /// The DOM after the page loaded and its scripts (if any) ran.
    public static func dumpDOM(_ page: URL) throws -> String {
        // A profile of its own: Chromium locks its profile, and a second test run on the machine
        // (a CI job beside a developer's) sharing one got an empty page.
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "congkhai-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try binary())
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)",
            "--virtual-time-budget=2000", "--dump-dom", page.absoluteString
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
