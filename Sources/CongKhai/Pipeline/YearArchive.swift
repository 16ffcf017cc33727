import Crypto
import Foundation
import VietText
import ZIPFoundation

/// `congkhai archive`: a self-contained copy of one school year's portal (its documents, units,
/// directives and listings), browsable offline, zipped with a `MANIFEST.sha256` at its root in
/// `sha256sum` format, so anyone can check it with standard tools. `congkhai verify` checks it.
package enum YearArchive {
    package static let manifestName = "MANIFEST.sha256"

    package struct Failure: DiagnosticError, CustomStringConvertible, Sendable {
        package var message: LocalizedText
        /// The archive or the portal concerned.
        package var file: String = ""
        package var description: String { message.vi }
        package var diagnostics: [Diagnostic] { [Diagnostic(.error, "archive.failed", file: file, message: message)] }
    }

    /// Builds the year into a temporary folder, writes the manifest, zips it to `output`.
    /// Returns the number of files archived. What it throws is a `DiagnosticError`.
    @discardableResult
    package static func create(portal: URL, schoolYear: String, output: URL) throws -> Int {
        do {
            return try createArchive(portal: portal, schoolYear: schoolYear, output: output)
        } catch var failure as Failure {
            if failure.file.isEmpty { failure.file = output.path }
            throw failure
        } catch let failure as BuildFailure {
            throw failure
        } catch {
            // A file that could not be read or written: said like every other failure.
            let reason = FileErrorText.describe(error)
            throw Failure(
                message: .init(
                    vi: "không tạo được tệp lưu trữ (\(reason.vi)).", en: "could not make the archive (\(reason.en))."),
                file: output.path)
        }
    }

    private static func createArchive(portal: URL, schoolYear: String, output: URL) throws -> Int {
        guard SchoolYear.isValid(schoolYear) else {
            throw Failure(
                message: .init(
                    vi: "“\(schoolYear)” không phải năm học dạng 2023-2024.",
                    en: "“\(schoolYear)” is not a school year like 2023-2024."),
                file: "--school-year")
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent(
            "congkhai-archive-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let site = work.appendingPathComponent("site")
        let report = try Builder(
            options: BuildOptions(source: portal, output: site, full: true, schoolYear: schoolYear)
        ).build()
        if report.documents == 0 {
            throw Failure(
                message: .init(
                    vi: "năm học \(schoolYear) chưa có văn bản nào để lưu trữ.",
                    en: "school year \(schoolYear) has no documents to archive."))
        }
        // The build's own bookkeeping is not part of the archive.
        try? FileManager.default.removeItem(at: site.appendingPathComponent(OutputFolder.markerName))
        let files = try FileTree.files(in: site)
        var manifest = ""
        for file in files { manifest += "\(try digest(of: site.appendingPathComponent(file)))  \(file)\n" }
        try Data(manifest.utf8).write(to: site.appendingPathComponent(manifestName))

        let partial = work.appendingPathComponent("archive.zip")
        let archive = try Archive(url: partial, accessMode: .create)
        // A fixed date: the same sources give the same archive bytes.
        let date = Date(timeIntervalSince1970: 946_684_800)
        for file in [manifestName] + files {
            let data = try Data(contentsOf: site.appendingPathComponent(file))
            try archive.addEntry(
                with: file, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                compressionMethod: .deflate
            ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
        }
        try FileManager.default.createDirectory(
            at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        if FileManager.default.fileExists(atPath: output.path) { try FileManager.default.removeItem(at: output) }
        try FileManager.default.moveItem(at: partial, to: output)
        return files.count + 1
    }

    /// Problems found in an archive: files whose digest differs, listed files missing, files
    /// not listed, each as a diagnostic on "<archive>/<file>". Empty when the archive is intact.
    package static func verify(_ url: URL) throws(Failure) -> [Diagnostic] {
        do { return try verifyArchive(url) } catch {
            var failure = error
            failure.file = url.path
            throw failure
        }
    }

    private static func verifyArchive(_ url: URL) throws(Failure) -> [Diagnostic] {
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .read) } catch {
            throw Failure(
                message: .init(vi: "không mở được tệp lưu trữ (\(error)).", en: "cannot open the archive (\(error))."))
        }
        guard let manifestEntry = archive[manifestName] else {
            throw Failure(
                message: .init(vi: "tệp lưu trữ không có \(manifestName).", en: "the archive has no \(manifestName)."))
        }
        let manifestData: Data
        do { manifestData = try contents(of: manifestEntry, in: archive) } catch {
            throw Failure(
                message: .init(
                    vi: "không đọc được \(manifestName) (\(error)).", en: "cannot read \(manifestName) (\(error))."))
        }
        let manifest = String(decoding: manifestData, as: UTF8.self)
        var expected: [String: String] = [:]
        for line in manifest.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { continue }
            expected[String(parts[1].drop { $0 == " " || $0 == "*" })] = String(parts[0])
        }
        var problems: [Diagnostic] = []
        func problem(_ code: String, _ path: String, _ message: LocalizedText) {
            problems.append(Diagnostic(.error, code, file: url.lastPathComponent + "/" + path, message: message))
        }
        var seen = Set<String>()
        for entry in archive where entry.type == .file && entry.path != manifestName {
            seen.insert(entry.path)
            guard let want = expected[entry.path] else {
                problem(
                    "archive.unlisted", entry.path,
                    .init(vi: "không có trong \(manifestName).", en: "not listed in \(manifestName)."))
                continue
            }
            do {
                let data = try contents(of: entry, in: archive)
                if hex(SHA256.hash(data: data)) != want {
                    problem(
                        "archive.changed", entry.path,
                        .init(
                            vi: "nội dung đã bị thay đổi (mã SHA-256 khác).",
                            en: "the content was changed (its SHA-256 differs)."))
                }
            } catch {
                problem(
                    "archive.unreadable", entry.path,
                    .init(vi: "không đọc được (\(error)).", en: "cannot be read (\(error))."))
            }
        }
        for path in expected.keys.sorted() where !seen.contains(path) {
            problem(
                "archive.missing", path,
                .init(vi: "thiếu trong tệp lưu trữ.", en: "missing from the archive."))
        }
        return problems.sorted()
    }

    static func digest(of url: URL) throws -> String { hex(SHA256.hash(data: try Data(contentsOf: url))) }

    private static func hex(_ digest: SHA256.Digest) -> String { digest.map { String(format: "%02x", $0) }.joined() }

    private static func contents(of entry: Entry, in archive: Archive) throws -> Data {
        var data = Data()
        _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        return data
    }
}
