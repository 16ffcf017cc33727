import CAtomicSwap
import Foundation
import VietText

/// The output folder, replaced as a whole only after a build succeeded: pages are written to a
/// staging folder beside it, which is then exchanged with the old output in one step. A failed
/// or killed build leaves the previous output exactly as it was, and congkhai never deletes a
/// folder it did not make: an existing output must carry its marker file.
///
/// The output a build replaces can be kept as a spare (in the build cache) rather than deleted:
/// the next build then brings that folder up to date in place, touching only the files that
/// differ, instead of linking every unchanged file into a new folder and deleting the old one.
package struct OutputFolder: Sendable {
    package static let markerName = ".congkhai-output"

    package let target: URL
    package let portal: URL

    package init(target: URL, portal: URL) {
        self.target = target.standardizedFileURL
        self.portal = portal.standardizedFileURL
    }

    var staging: URL { sibling("staging") }
    private var retired: URL { sibling("old") }

    private func sibling(_ role: String) -> URL {
        target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).congkhai-\(role)")
    }

    /// Problems that forbid writing here at all.
    package func check() -> [Diagnostic] {
        let manager = FileManager.default
        let targetPath = target.resolvingSymlinksInPath().path
        let portalPath = portal.resolvingSymlinksInPath().path
        var problems: [Diagnostic] = []
        let forbidden =
            targetPath == "/" || portalPath.hasPrefix(targetPath + "/") || portalPath == targetPath
            || targetPath.hasPrefix(portalPath + "/content") || targetPath.hasPrefix(portalPath + "/templates")
            || targetPath == NSHomeDirectory()
        if forbidden {
            problems.append(
                Diagnostic(
                    .error, "output.unsafe", file: target.path,
                    message: .init(
                        vi:
                            "thư mục xuất “\(target.path)” chứa hoặc nằm trong nguồn của cổng; ghi vào đó sẽ làm mất dữ liệu.",
                        en:
                            "output folder “\(target.path)” holds or lies inside the portal's sources; writing there would lose data."
                    ),
                    fix: .init(
                        vi: "chọn một thư mục riêng, ví dụ `--output public`.",
                        en: "choose a folder of its own, e.g. `--output public`.")))
        } else if manager.fileExists(atPath: target.path) {
            let entries = (try? manager.contentsOfDirectory(atPath: target.path)) ?? []
            if !entries.isEmpty && !entries.contains(Self.markerName) {
                problems.append(
                    Diagnostic(
                        .error, "output.not-ours", file: target.path,
                        message: .init(
                            vi:
                                "thư mục “\(target.path)” đã có tệp không do congkhai tạo ra; congkhai không xóa chúng.",
                            en:
                                "“\(target.path)” already holds files congkhai did not make; congkhai will not delete them."
                        ),
                        fix: .init(
                            vi: "chọn thư mục xuất khác, hoặc tự chuyển các tệp đó đi rồi chạy lại.",
                            en: "choose another output folder, or move those files away and run again.")))
            }
        }
        return problems
    }

    /// The staging folder: the spare output when it is the one of generation `spareGeneration`
    /// (`recycled`, its files still those of that generation), else a fresh, empty folder.
    /// Leftovers of a killed build are congkhai's own and go.
    func prepareStaging(spare: URL? = nil, spareGeneration: String? = nil) throws -> (folder: URL, recycled: Bool) {
        let manager = FileManager.default
        for leftover in [staging, retired] where manager.fileExists(atPath: leftover.path) {
            try manager.removeItem(at: leftover)
        }
        if let spare, manager.fileExists(atPath: spare.path) {
            if let spareGeneration, Self.generation(of: spare) == spareGeneration, rename(spare.path, staging.path) == 0
            {
                // No longer that generation once changed: a build killed now leaves a folder
                // that no marker vouches for, and the next build starts afresh.
                try Self.writeMarker("congkhai\n", in: staging)
                return (staging, true)
            }
            try Self.remove(spare)
        }
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        try Self.writeMarker("congkhai\n", in: staging)
        return (staging, false)
    }

    /// Marks the staged output with the generation of the page keys it was made with. Returns
    /// when, by the file system's clock: every file and folder of it was made before.
    @discardableResult
    func markStaging(generation: String) throws -> timespec? {
        try Self.mark(staging, generation: generation)
        var status = stat()
        return stat(staging.appendingPathComponent(Self.markerName).path, &status) == 0 ? status.st_mtim : nil
    }

    /// Marks an output folder (the staged one, or a spare made beside it: SiteWriter.spare) as
    /// holding the files of the page keys of `generation`.
    static func mark(_ folder: URL, generation: String) throws {
        try writeMarker("congkhai\n\(generation)\n", in: folder)
    }

    /// The marker is replaced, never written into: in a recycled folder it could share its
    /// file with the live output.
    private static func writeMarker(_ text: String, in folder: URL) throws {
        try PlainFile.replace(folder.appendingPathComponent(markerName).path, contents: Array(text.utf8))
    }

    /// The generation written in the current output's marker, if any.
    func currentGeneration() -> String? { Self.generation(of: target) }

    /// The generation in the marker of an output folder.
    static func generation(of folder: URL) -> String? {
        guard let text = try? String(contentsOf: folder.appendingPathComponent(markerName), encoding: .utf8) else {
            return nil
        }
        let lines = text.split(separator: "\n")
        return lines.count >= 2 ? String(lines[1]) : nil
    }

    /// Puts the staging folder in place of the output in one step, then keeps the old output as
    /// `spare` (when given) or removes it.
    package func commit(keepingOldAs spare: URL? = nil) throws {
        let manager = FileManager.default
        func retire(_ old: URL) throws {
            if let spare {
                try? manager.createDirectory(at: spare.deletingLastPathComponent(), withIntermediateDirectories: true)
                if rename(old.path, spare.path) == 0 { return }
            }
            try Self.remove(old)
        }
        // The staged files were written without syncing each: all of them reach the disk here,
        // in one flush, before the swap can make them the site.
        if congkhai_flush_file_system(staging.path) != 0 { throw PlainFile.error() }
        if manager.fileExists(atPath: target.path) {
            if congkhai_exchange_paths(staging.path, target.path) == 0 {
                try retire(staging)
                return
            }
            // No atomic exchange on this file system: two renames, the old output kept until
            // the new one is in place.
            try manager.moveItem(at: target, to: retired)
            do {
                try manager.moveItem(at: staging, to: target)
            } catch {
                try? manager.moveItem(at: retired, to: target)
                throw error
            }
            try retire(retired)
        } else {
            try manager.moveItem(at: staging, to: target)
        }
    }

    /// Removes a replaced output, its second-level folders (units, directives, listings) on all
    /// cores: a large site is tens of thousands of files, and unlinking them took a tenth of a
    /// rebuild.
    static func remove(_ folder: URL) throws {
        let manager = FileManager.default
        var subfolders: [URL] = []
        for first in (try? manager.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [] {
            for second in (try? manager.contentsOfDirectory(at: first, includingPropertiesForKeys: nil)) ?? [] {
                var isFolder: ObjCBool = false
                if manager.fileExists(atPath: second.path, isDirectory: &isFolder), isFolder.boolValue {
                    subfolders.append(second)
                }
            }
        }
        _ = ParallelMap.map(subfolders) { try? FileManager.default.removeItem(at: $0) }
        try manager.removeItem(at: folder)
    }

    /// After a failure: the staging folder goes, the output stays as it was.
    package func discardStaging() {
        try? FileManager.default.removeItem(at: staging)
    }
}
