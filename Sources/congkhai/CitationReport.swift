import Citations
import CongKhai
import Foundation
import Import
import VietText

/// `congkhai citations FILE...`: the numbered citations of other documents in Markdown or
/// plain-text files, one JSON object per occurrence, for checking a document before publishing.
struct CitationReport: Sendable {
    struct Line: Sendable, Equatable {
        var file: String
        var line: Int
        var type: String
        var symbol: String
        var date: String?
        var issuer: String?
        var subject: String?
        var relation: String
        var key: String
        var text: String

        /// One JSON object, its keys sorted, absent values as null, after `out`'s bytes:
        /// written field by field, a report's thousands of lines build no tree to sort.
        func appendJSON(to out: inout [UInt8]) {
            func field(_ key: StaticString, first: Bool = false) {
                out.append(first ? 0x7B : 0x2C)  // { or ,
                out.append(0x22)
                out.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
                out.append(contentsOf: "\":".utf8)
            }
            func value(_ text: String?) {
                if let text { PrettyJSON.append(text, to: &out) } else { out.append(contentsOf: "null".utf8) }
            }
            field("date", first: true)
            value(date)
            field("file")
            value(file)
            field("issuer")
            value(issuer)
            field("key")
            value(key)
            field("line")
            out.append(contentsOf: String(line).utf8)
            field("relation")
            value(relation)
            field("subject")
            value(subject)
            field("symbol")
            value(symbol)
            field("text")
            value(text)
            field("type")
            value(type)
            out.append(0x7D)  // }
        }
    }

    /// Issuers' usual spellings, shared by the files of one report.
    let spellings = IssuerSpellings()

    init() {}

    /// Scans one file's text. The document's own number is its front matter's `number`, or the
    /// "Số: ..." line of a plain-text header; it is never reported. An occurrence printed
    /// without a date or issuer takes them from another occurrence of the same symbol in the
    /// file: it names the same directive.
    func lines(file: String, text: String) -> [Line] {
        let split = FrontMatterSplitter.split(text)
        var ownNumber: String?
        if let yaml = split.yaml, var fields = YAMLFields.parse(yaml, file: file, firstLine: split.yamlLine).fields {
            ownNumber = fields.string("number")
        }
        if ownNumber == nil { ownNumber = DocumentNumber.own(in: split.body) }
        let isMarkdown = split.yaml != nil || Self.isMarkdown(file)
        let body = isMarkdown ? split.body : Self.unindented(split.body)
        let found = MarkdownRenderer().citations(
            in: body, firstLine: split.bodyLine, scanner: CitationScanner(ownNumber: ownNumber, spellings: spellings))
        let merged = DocumentCitations.merge(found.citations)
        // One key per directive cited, however often.
        let keys = merged.mapValues { DirectiveKey(citation: $0, locality: CitingContext().locality(for: $0)).key }
        return found.citations.map { citation in
            let known = merged[citation.symbolKey] ?? citation
            let key =
                keys[citation.symbolKey]
                ?? DirectiveKey(citation: known, locality: CitingContext().locality(for: known)).key
            return Line(
                file: file, line: citation.line, type: citation.type, symbol: citation.symbol,
                date: (citation.date ?? known.date)?.iso, issuer: citation.issuer ?? known.issuer,
                subject: citation.subject ?? known.subject, relation: citation.relation.rawValue, key: key,
                text: citation.text)
        }
    }

    /// A file's text: Markdown must be UTF-8, as in content/; plain text is decoded as `congkhai
    /// import` decodes it, so a Notepad "Unicode" (UTF-16) file or a TCVN3 letterhead is read too.
    static func text(of url: URL) throws(SourceText.Failure) -> String {
        if isMarkdown(url.path) { return try SourceText.read(url) }
        return SourceText.removingControls(ImportTextDecoder.decode(try SourceText.readBytes(url)).text).text
    }

    /// Each folder among `paths` replaced by the Markdown and text files below it (hidden ones
    /// left out), in byte order of their paths: a whole portal is checked with one argument. A
    /// shell's `content/**/*.md` of 10,000 files took 3.5 s to be parsed as arguments alone
    /// (swift-argument-parser copies the array at each value). A file given twice (by name and
    /// in its folder) is read once. `problems`: a folder given that holds no such file (a
    /// mistyped folder most likely), and each folder that could not be opened.
    static func expandingFolders(_ paths: [String]) -> (files: [String], problems: [Diagnostic]) {
        var files: [String] = [], problems: [Diagnostic] = [], seen = Set<String>()
        // Given one folder, its files are each found once: no path is made to compare.
        func add(_ file: String) {
            if paths.count == 1 || seen.insert(URL(fileURLWithPath: file).standardizedFileURL.path).inserted {
                files.append(file)
            }
        }
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                add(path)
                continue
            }
            var folder = path
            while folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
            let (found, unreadable) = FolderEntries.files(below: folder)
            let texts = found.filter { ["md", "markdown", "txt"].contains(($0 as NSString).pathExtension.lowercased()) }
                .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (below, code) in unreadable {
                let reason = String(cString: strerror(code))
                problems.append(
                    Diagnostic(
                        .error, "file.unreadable", file: below.isEmpty ? folder : folder + "/" + below,
                        message: .init(
                            vi: "không mở được thư mục (\(reason)).", en: "cannot open the folder (\(reason))."),
                        fix: .init(
                            vi: "kiểm tra thư mục có quyền đọc cho người dùng đang chạy lệnh.",
                            en: "check that the folder is readable by the user running the command.")))
            }
            if texts.isEmpty && unreadable.isEmpty { problems.append(emptyFolder(path)) }
            for text in texts { add(folder == "/" ? "/" + text : folder + "/" + text) }
        }
        return (files, problems)
    }

    /// A folder given holds no file to read.
    static func emptyFolder(_ path: String) -> Diagnostic {
        Diagnostic(
            .error, "citations.empty-folder", file: path,
            message: .init(
                vi: "thư mục không có tệp .md, .markdown hay .txt nào để đọc.",
                en: "the folder holds no .md, .markdown or .txt file to read."),
            fix: .init(
                vi: "kiểm tra lại tên thư mục; tệp Word hay PDF cần `congkhai import` trước.",
                en: "check the folder's name; Word or PDF files need `congkhai import` first."))
    }

    static func isMarkdown(_ path: String) -> Bool {
        ["md", "markdown"].contains(URL(fileURLWithPath: path).pathExtension.lowercased())
    }

    /// Plain text read as Markdown: a line's leading spaces and tabs are layout (a first-line
    /// indent, text copied from a PDF), not an indented code block, whose text is never scanned.
    /// Lines keep their numbers.
    /// Written as bytes, lines cut by `lines()`: by Characters, a tenth of the report's time.
    static func unindented(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for (number, line) in text.lines().enumerated() {
            if number > 0 { out.append(0x0A) }
            let rest = line.utf8.drop { $0 == 0x20 || $0 == 0x09 }
            if let first = rest.first, first >= 0x80, rest.count < line.utf8.count {
                // A mark after the indent would belong to the last space's Character: such a
                // line is cut by Characters.
                out += line.drop { $0 == " " || $0 == "\t" }.utf8
            } else {
                out += rest
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// One JSON object per line, each line ended; UTF-8 to be written out as it is.
    func jsonLines(_ lines: [Line]) -> [UInt8] {
        var out: [UInt8] = []
        for line in lines {
            line.appendJSON(to: &out)
            out.append(0x0A)
        }
        return out
    }
}

/// A document's citations merged by symbol: one entry per cited directive, with the first date,
/// issuer and subject any of its occurrences prints.
enum DocumentCitations {
    static func merge(_ citations: [Citation]) -> [String: Citation] {
        var merged: [String: Citation] = [:]
        for citation in citations {
            guard var existing = merged[citation.symbolKey] else {
                merged[citation.symbolKey] = citation
                continue
            }
            if existing.date == nil { existing.date = citation.date }
            if existing.issuer == nil { existing.issuer = citation.issuer }
            if existing.subject == nil { existing.subject = citation.subject }
            if existing.symbolYear == nil { existing.symbolYear = citation.symbolYear }
            merged[citation.symbolKey] = existing
        }
        return merged
    }
}
