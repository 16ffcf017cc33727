import CongKhai
import Foundation

/// Every save of the desk, one JSON object a line: when, which file, whether it replaced one, the
/// front matter before and after. Kept beside the preview (`.congkhai-serve/nhat-ky.jsonl`),
/// never in public/; the desk's page lists the last ones.
struct DeskLog: Sendable {
    let file: URL

    struct Entry: Codable, Sendable {
        var time: String
        var file: String
        var title: String
        var url: String
        var replaced: Bool
        var before: String?
        var after: String
        /// The file given to the desk, whose save this was (a second click on "Lưu" is sent
        /// to the same page).
        var upload: String?
        /// Where the document it replaced is kept, from the preview's folder.
        var kept: String?
        /// "luu" (saved), "ghi-de" (replaced one), "sua" (edited), "rut" (withdrawn), "hien-lai"
        /// (shown again), "xuat-ban" (the portal published: `file` is the output folder).
        var action: String?
        /// The account that saved, on a desk with accounts.
        var who: String? = nil

        /// The action as the desk's page says it.
        var what: String {
            switch action ?? (replaced ? "ghi-de" : "luu") {
            case "ghi-de": "ghi đè"
            case "sua": "sửa"
            case "rut": "rút xuống"
            case "hien-lai": "cho hiện lại"
            case "xuat-ban": "xuất bản"
            default: "lưu mới"
            }
        }
    }

    /// Keeps a document about to be replaced in `thay-the/` beside the log, named by the time
    /// and its path; returns where, from the log's folder.
    func keep(_ text: String, of path: String) throws -> String {
        let folder = file.deletingLastPathComponent().appendingPathComponent("thay-the")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "-")
        let name = stamp + "-" + path.replacingOccurrences(of: "/", with: "--")
        try Data(text.utf8).write(to: folder.appendingPathComponent(name), options: .withoutOverwriting)
        return "thay-the/" + name
    }

    /// Fails when an entry could not be appended: a save is not made that the log would miss.
    func ensureWritable() throws {
        try openForAppending().close()
    }

    /// The log open for appending (O_APPEND: each write lands at the end, whole, even when a
    /// save and a publication write at once), made first, with its folder, when missing.
    private func openForAppending() throws -> FileHandle {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let descriptor = open(file.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: file.path])
        }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// What the desk says when the log cannot be written.
    static func unwritable(_ error: any Error) -> String {
        "Không ghi được nhật ký .congkhai-serve/nhat-ky.jsonl (\(error.localizedDescription)), nên chưa lưu gì. Báo người quản trị cổng."
    }

    func append(_ entry: Entry) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var line = try encoder.encode(entry)
        line.append(0x0A)
        let handle = try openForAppending()
        defer { try? handle.close() }
        try handle.write(contentsOf: line)
    }

    /// A save's time as the desk shows it: Vietnam's time (UTC+7 all year), "07/12/2026 08:15".
    static func shown(_ time: String) -> String {
        guard let date = ISO8601DateFormatter().date(from: time) else { return time }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "vi_VN")
        formatter.timeZone = TimeZone(secondsFromGMT: 7 * 3600)
        formatter.dateFormat = "dd/MM/yyyy HH:mm"
        return formatter.string(from: date)
    }

    /// The last `count` saves that `shown` lets through, newest first; a line that cannot be
    /// read is skipped.
    func recent(_ count: Int, where shown: (Entry) -> Bool = { _ in true }) -> [Entry] {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        let decoder = JSONDecoder()
        var entries: [Entry] = []
        for line in text.split(separator: "\n").reversed() where entries.count < count {
            if let entry = try? decoder.decode(Entry.self, from: Data(line.utf8)), shown(entry) {
                entries.append(entry)
            }
        }
        return entries
    }
}
