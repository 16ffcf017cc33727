import Foundation
import VietText

/// The cache kept beside the output folder (".public.congkhai-cache", git-ignored): the
/// fingerprint of the build that made the output, the key of every page of the output and of
/// the spare output (the one before, kept to be updated in place). Each file of keys is named
/// for the output it describes (its marker holds the same generation), so keys left by a build
/// killed before or after its swap are never taken for another output's.
struct BuildCache {
    let folder: URL

    init(output: URL) {
        folder = output.deletingLastPathComponent().appendingPathComponent(
            ".\(output.lastPathComponent).congkhai-cache")
    }

    private var fingerprintFile: URL { folder.appendingPathComponent("fingerprint") }
    private static let pageKeysPrefix = "page-keys-"
    private func pageKeysFile(_ generation: String) -> URL {
        folder.appendingPathComponent(Self.pageKeysPrefix + generation)
    }
    private static let pageKeysHeader = "congkhai-page-keys-2"

    /// The output a build replaced, kept to be brought up to date by the next one.
    var spareOutput: URL { folder.appendingPathComponent("spare-output") }

    /// The stored fingerprint and the report line of the build that stored it.
    func load() -> (fingerprint: BuildFingerprint, pages: Int)? {
        guard let text = try? String(contentsOf: fingerprintFile, encoding: .utf8) else { return nil }
        let parts = text.split(separator: "\n")
        guard parts.count >= 2, let pages = Int(parts[1]) else { return nil }
        return (BuildFingerprint(value: String(parts[0])), pages)
    }

    func store(_ fingerprint: BuildFingerprint, pages: Int) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? PlainFile.replace(fingerprintFile.path, contents: Array("\(fingerprint.value)\n\(pages)\n".utf8))
    }

    func clear() { try? FileManager.default.removeItem(at: fingerprintFile) }

    /// The search index's postings as the last build left them, or nil when there are none
    /// or they cannot be read whole.
    func searchPostings() -> SearchPostings? {
        readRecord("search-postings", header: "congkhai-search-postings-3") { reader throws(RecordReader.Corrupt) in
            try SearchPostings(record: &reader)
        }
    }

    /// The postings make sense on their own (each entry's key says what its terms were made
    /// from), whichever output is live: they are kept whatever becomes of this build.
    func storeSearchPostings(_ postings: SearchPostings) {
        writeRecord("search-postings", header: "congkhai-search-postings-3") { postings.write(to: &$0) }
    }

    /// The directive index of the last build, or nil.
    func directiveIndex() -> DirectiveIndex.Built? {
        readRecord("directive-index", header: "congkhai-directive-index-1") { reader throws(RecordReader.Corrupt) in
            try DirectiveIndex.Built(record: &reader)
        }
    }

    /// Like the postings, the index says what it was made from (its input key), so it is kept
    /// whatever becomes of this build.
    func storeDirectiveIndex(_ index: DirectiveIndex.Built) {
        writeRecord("directive-index", header: "congkhai-directive-index-1") { index.write(to: &$0) }
    }

    /// A record kept in file `name` after `header`, or nil when there is none or it cannot be
    /// read whole.
    private func readRecord<Value>(
        _ name: String, header: String, _ read: (inout RecordReader) throws(RecordReader.Corrupt) -> Value
    ) -> Value? {
        guard let bytes = RecordBytes.mapping(folder.appendingPathComponent(name).path) else { return nil }
        var reader = RecordReader(bytes)
        do {
            guard try reader.string() == header else { return nil }
            let value = try read(&reader)
            return reader.isAtEnd ? value : nil
        } catch {
            return nil
        }
    }

    /// Replaces file `name` whole; one that cannot be written is removed, not left stale.
    private func writeRecord(_ name: String, header: String, _ write: (inout RecordWriter) -> Void) {
        var writer = RecordWriter()
        writer.string(header)
        write(&writer)
        let file = folder.appendingPathComponent(name)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if (try? PlainFile.replace(file.path, contents: writer.bytes)) == nil {
            try? FileManager.default.removeItem(at: file)
        }
    }

    /// The page keys stored for the output of generation `generation`, or nil.
    func pageKeys(generation: String) -> [String: UInt64]? { outputRecord(generation: generation)?.keys }

    /// What the build that made the output of generation `generation` wrote down about it: its
    /// pages' keys and the other files it holds, and when (the record's own modification
    /// time, on the clock that stamps the output's folders).
    func outputRecord(generation: String) -> OutputRecord? {
        // Read from a marker: only a generation as congkhai writes them names a file here.
        guard !generation.isEmpty, generation.allSatisfy(\.isHexDigit) else { return nil }
        let path = pageKeysFile(generation).path
        var status = stat()
        guard stat(path, &status) == 0, let bytes = PlainFile.read(path),
            var record = Self.parsePageKeys(bytes, header: "\(Self.pageKeysHeader) \(generation)")
        else { return nil }
        record.recordedAt = status.st_mtim
        return record
    }

    /// "header" then one "key<TAB>path" a line (key in hex), or "<TAB>path" for a file without
    /// a key. Read as bytes: splitting the 15,000 lines of a 10,000-document portal as Strings
    /// took most of a rebuild's 36 ms here. Anything else means the file is not ours to trust.
    static func parsePageKeys(_ bytes: [UInt8], header: String) -> OutputRecord? {
        // Through a pointer: a slice of the array made for each line retained and released it.
        bytes.withUnsafeBufferPointer { parsePageKeys($0, header: header) }
    }

    private static func parsePageKeys(_ bytes: UnsafeBufferPointer<UInt8>, header: String) -> OutputRecord? {
        let headerBytes = Array(header.utf8) + [0x0A]
        guard bytes.starts(with: headerBytes) else { return nil }
        var record = OutputRecord()
        record.keys.reserveCapacity(bytes.count / 64)
        var position = headerBytes.count
        while position < bytes.count {
            var key: UInt64 = 0
            var digits = 0
            while position < bytes.count, bytes[position] != 0x09 {
                let byte = bytes[position]
                let digit: UInt8
                switch byte {
                case 0x30...0x39: digit = byte - 0x30
                case 0x61...0x66: digit = byte - 0x61 + 10
                default: return nil
                }
                guard digits < 16 else { return nil }
                key = key << 4 | UInt64(digit)
                digits += 1
                position += 1
            }
            guard position < bytes.count else { return nil }
            position += 1
            var end = position
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            guard end < bytes.count, end > position else { return nil }
            let path = String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<end]), as: UTF8.self)
            if digits > 0 { record.keys[path] = key } else { record.otherFiles.append(path) }
            position = end + 1
        }
        return record
    }

    /// Dates the record of `generation` from `time`, once every output of that generation is
    /// one the build just made before `time` (a spare made beside the output, the output it
    /// replaced gone). Kept with an earlier time (`storePageKeys`), the record would have the
    /// next build read every folder of the new spare as changed since.
    func datePageKeys(generation: String, at time: timespec) {
        let times = [time, time]
        _ = utimensat(AT_FDCWD, pageKeysFile(generation).path, times, 0)
    }

    /// `otherFiles`: the files of the output written without a key (assets, the search page,
    /// robots.txt…), so that the next build knows every file of it without listing it.
    func storePageKeys(
        _ keys: [(path: String, key: UInt64)], otherFiles: [String] = [], generation: String
    ) throws {
        // Written as bytes: a String grown by 27,000 lines was copied as it grew.
        var bytes = Array("\(Self.pageKeysHeader) \(generation)\n".utf8)
        bytes.reserveCapacity(keys.count * 64)
        let hexDigits = Array("0123456789abcdef".utf8)
        for (path, key) in keys {
            // As String(key, radix: 16): no leading zeros.
            let digits = max(1, (64 - key.leadingZeroBitCount + 3) / 4)
            for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
                bytes.append(hexDigits[Int((key >> UInt64(shift)) & 0xF)])
            }
            bytes.append(0x09)
            bytes.append(contentsOf: path.utf8)
            bytes.append(0x0A)
        }
        for path in otherFiles {
            bytes.append(0x09)
            bytes.append(contentsOf: path.utf8)
            bytes.append(0x0A)
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // The same generation as the output being replaced (a build that changed no page): its
        // record stays as it is, with its earlier time, which is true of both outputs. Written
        // again now, it would date the replaced output, soon the spare, from this build, and
        // a change made by hand to it in between would go unseen (RecycledOutput). Only once
        // the replaced output is gone may it be dated anew (`datePageKeys`).
        let path = pageKeysFile(generation).path
        if PlainFile.read(path) == bytes { return }
        try PlainFile.replace(path, contents: bytes)
    }

    /// Removes the keys of every generation but these (the output's and the spare's), and the
    /// single `page-keys` file earlier builds kept them in.
    func keepPageKeys(of generations: Set<String>) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let kept = Set(generations.map { Self.pageKeysPrefix + $0 })
        for name in names where name.hasPrefix("page-keys") && !kept.contains(name) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// The generation of a set of page keys: the marker of the output they made.
    /// With the files without a key: two outputs of one generation hold the same files.
    static func generation(of keys: [(path: String, key: UInt64)], otherFiles: [String] = []) -> String {
        var hasher = Hasher64()
        for (path, key) in keys {
            hasher.add(path)
            hasher.add(key)
        }
        if !otherFiles.isEmpty { hasher.add(otherFiles) }
        return hasher.hex
    }
}
