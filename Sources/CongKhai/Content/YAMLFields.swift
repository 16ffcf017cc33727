import VietText
import Yams

/// Typed access to a YAML mapping (front matter, unit.yaml, congkhai.yaml) that remembers each
/// key's line, so every problem is reported with file:line, the key and what is expected.
/// Problems are collected, not thrown, so one run reports every bad value.
package struct YAMLFields {
    struct Entry {
        var node: Node
        var line: Int
        var column: Int
    }

    let file: String
    private(set) var entries: [String: Entry] = [:]
    private(set) var keyOrder: [String] = []
    var diagnostics: [Diagnostic] = []
    /// Line of the mapping itself, for "missing key" messages.
    let mappingLine: Int

    /// Parses `yaml`, whose first line is line `firstLine` of `file`. Returns nil (with the
    /// problem in `diagnostics`) when the text is not a YAML mapping.
    package static func parse(_ yaml: String, file: String, firstLine: Int) -> (
        fields: YAMLFields?, diagnostics: [Diagnostic]
    ) {
        let offset = firstLine - 1
        if let anchor = firstAnchorOrAlias(yaml) {
            return (
                nil,
                [
                    Diagnostic(
                        .error, "yaml.alias", file: file, line: anchor.line + offset, column: anchor.column,
                        message: .init(
                            vi:
                                "phần đầu dùng neo hoặc bí danh YAML (& hoặc * trước một tên); congkhai không nhận chúng vì chúng có thể nhân bản dữ liệu đến vô hạn.",
                            en:
                                "the header uses a YAML anchor or alias (& or * before a name); congkhai refuses them because they can multiply data without bound."
                        ),
                        fix: .init(
                            vi: "viết thẳng giá trị; nếu giá trị bắt đầu bằng & hoặc *, đặt nó trong ngoặc kép.",
                            en: "write the value out; quote a value that starts with & or *."))
                ]
            )
        }
        let node: Node?
        do {
            // Tags are never read (every value is taken as text), so no resolver rule is run.
            // The encoding is given: Yams' default reads the whole environment on each call.
            node = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            return (nil, [syntaxDiagnostic(error, file: file, offset: offset)])
        } catch {
            return (
                nil,
                [
                    Diagnostic(
                        .error, "yaml.syntax", file: file, line: firstLine,
                        message: .init(vi: "YAML không đọc được: \(error)", en: "unreadable YAML: \(error)"))
                ]
            )
        }
        guard let node else {
            return (YAMLFields(file: file, mappingLine: firstLine), [])
        }
        guard case .mapping(let mapping) = node else {
            let line = (node.mark?.line ?? 1) + offset
            return (
                nil,
                [
                    Diagnostic(
                        .error, "yaml.not-mapping", file: file, line: line, column: node.mark?.column,
                        message: .init(
                            vi: "phần đầu phải là danh sách các khóa dạng `khóa: giá trị`.",
                            en: "the header must be a list of `key: value` lines."),
                        fix: .init(
                            vi: "viết mỗi thông tin trên một dòng, ví dụ `title: Kế hoạch ...`.",
                            en: "write one `key: value` per line, e.g. `title: ...`."))
                ]
            )
        }
        var fields = YAMLFields(file: file, mappingLine: firstLine)
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else { continue }
            let line = (keyNode.mark?.line ?? 1) + offset
            let column = keyNode.mark?.column ?? 1
            if fields.entries[key] != nil {
                fields.diagnostics.append(
                    Diagnostic(
                        .error, "yaml.duplicate-key", file: file, line: line, column: column, key: key,
                        message: .init(vi: "khóa này xuất hiện hai lần.", en: "this key appears twice."),
                        fix: .init(vi: "xóa một trong hai dòng.", en: "remove one of the two lines.")))
                continue
            }
            fields.entries[key] = Entry(node: value, line: line, column: column)
            fields.keyOrder.append(key)
        }
        return (fields, [])
    }

    /// Where an unquoted `&name` or `*name` starts a value: a YAML anchor or alias. Front matter
    /// never needs them, and aliases of aliases expand exponentially ("billion laughs").
    static func firstAnchorOrAlias(_ yaml: String) -> (line: Int, column: Int)? {
        // Most headers have neither character: no need to look at each line's characters.
        guard yaml.utf8.contains(where: { $0 == 0x26 || $0 == 0x2A }) else { return nil }
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var quote: Character?
            var previous: Character = " "
            var column = 0
            var characters = Array(line)
            if let comment = characters.firstIndex(of: "#"), comment == 0 { characters = [] }
            for (position, character) in characters.enumerated() {
                column += 1
                if let open = quote {
                    if character == open { quote = nil }
                } else if character == "\"" || character == "'" {
                    if " :-[{,".contains(previous) { quote = character }
                } else if character == "#" && previous == " " {
                    break
                } else if character == "&" || character == "*", " -[{,:".contains(previous) || position == 0,
                    position + 1 < characters.count,
                    characters[position + 1].isLetter || characters[position + 1].isNumber
                        || characters[position + 1] == "_"
                {
                    // A plain scalar may contain & or * later ("Sở GD&ĐT"); only at a value's start is it syntax.
                    let before = characters[..<position].reversed().drop { $0 == " " }
                    if position == 0 || before.first.map({ ":-[{,".contains($0) }) == true {
                        return (index + 1, column)
                    }
                }
                previous = character
            }
        }
        return nil
    }

    private init(file: String, mappingLine: Int) {
        self.file = file
        self.mappingLine = mappingLine
    }

    func line(of key: String) -> Int? { entries[key]?.line }

    /// A single-line text value; white space runs are collapsed.
    package mutating func string(_ key: String, required: Bool = false, multiline: Bool = false) -> String? {
        guard let entry = entries[key] else {
            if required { missing(key) }
            return nil
        }
        guard case .scalar(let scalar) = entry.node else {
            wrongType(key, entry, expected: .init(vi: "một dòng chữ", en: "a text value"))
            return nil
        }
        if isNull(scalar) {
            if required { missing(key) }
            return nil
        }
        let value = visible(scalar.string, key: key)
        let text =
            multiline ? value.trimmingCharacters(in: .whitespacesAndNewlines) : VietnameseText.collapseWhitespace(value)
        if text.isEmpty {
            if required { missing(key) }
            return nil
        }
        return text
    }

    /// A list of text values; a single value is taken as a list of one.
    package mutating func strings(_ key: String) -> [String] {
        guard let entry = entries[key] else { return [] }
        switch entry.node {
        case .scalar(let scalar):
            if isNull(scalar) { return [] }
            let text = VietnameseText.collapseWhitespace(visible(scalar.string, key: key))
            return text.isEmpty ? [] : [text]
        case .sequence(let sequence):
            var values: [String] = []
            for item in sequence {
                guard case .scalar(let scalar) = item else {
                    wrongType(key, entry, expected: .init(vi: "danh sách các dòng chữ", en: "a list of text values"))
                    return values
                }
                let text = VietnameseText.collapseWhitespace(visible(scalar.string, key: key))
                if !text.isEmpty && !isNull(scalar) { values.append(text) }
            }
            return values
        default:
            wrongType(
                key, entry,
                expected: .init(
                    vi: "danh sách các dòng chữ (mỗi dòng bắt đầu bằng `- `)",
                    en: "a list of text values (lines starting with `- `)"))
            return []
        }
    }

    package mutating func bool(_ key: String) -> Bool? {
        guard let entry = entries[key] else { return nil }
        if case .scalar(let scalar) = entry.node {
            switch scalar.string.lowercased() {
            case "true", "yes", "có", "co": return true
            case "false", "no", "không", "khong": return false
            default: break
            }
        }
        wrongType(key, entry, expected: .init(vi: "`true` hoặc `false`", en: "`true` or `false`"))
        return nil
    }

    mutating func int(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let entry = entries[key] else { return nil }
        if case .scalar(let scalar) = entry.node, let value = Int(scalar.string), range.contains(value) { return value }
        wrongType(
            key, entry,
            expected: .init(
                vi: "một số từ \(range.lowerBound) đến \(range.upperBound)",
                en: "a number from \(range.lowerBound) to \(range.upperBound)"))
        return nil
    }

    /// "YYYY-MM-DD", or "YYYY-MM" when the printed day is blank.
    mutating func date(_ key: String) -> IssuedDate? {
        guard let text = string(key) else { return nil }
        if let date = IssuedDate(iso: text) { return date }
        let entry = entries[key]!
        diagnostics.append(
            Diagnostic(
                .error, "front-matter.bad-date", file: file, line: entry.line, column: entry.column, key: key,
                message: .init(
                    vi: "“\(text)” không phải là ngày có thật theo dạng năm-tháng-ngày.",
                    en: "“\(text)” is not a real date in year-month-day form."),
                fix: .init(
                    vi: "viết dạng 2024-05-31 (hoặc 2024-05 nếu văn bản để trống ngày).",
                    en: "write it as 2024-05-31 (or 2024-05 when the printed day is blank).")))
        return nil
    }

    /// A list of `{slug, name}` entries, as congkhai.yaml's extra kinds and categories.
    mutating func catalogueEntries(_ key: String) -> [CatalogueEntry] {
        guard let entry = entries[key] else { return [] }
        guard case .sequence(let sequence) = entry.node else {
            wrongType(
                key, entry,
                expected: .init(
                    vi: "danh sách các mục `- slug: ...` và `name: ...`",
                    en: "a list of `- slug: ...` with `name: ...`"))
            return []
        }
        var result: [CatalogueEntry] = []
        for item in sequence {
            guard case .mapping(let mapping) = item, let name = mapping["name"]?.string, !name.isEmpty else {
                wrongType(
                    key, entry,
                    expected: .init(
                        vi: "mỗi mục có `name:` (tên) và có thể có `slug:`",
                        en: "each item has `name:` and optionally `slug:`"))
                continue
            }
            let slug = VietnameseText.slug(mapping["slug"]?.string ?? name)
            result.append(CatalogueEntry(slug: slug, name: VietnameseText.collapseWhitespace(visible(name, key: key))))
        }
        return result
    }

    /// The value of `key` as YAML, for a structured setting read on its own (`obligations:`).
    func node(_ key: String) -> Node? { entries[key]?.node }

    /// A mapping of text to text (`not_applicable:` item: reason), in the file's order.
    mutating func stringMap(_ key: String) -> [(key: String, value: String, line: Int)] {
        guard let entry = entries[key] else { return [] }
        guard case .mapping(let mapping) = entry.node else {
            wrongType(key, entry, expected: .init(vi: "các dòng `mã: lý do`", en: "`slug: reason` lines"))
            return []
        }
        var result: [(String, String, Int)] = []
        for (name, value) in mapping {
            guard let name = name.scalar?.string, let text = value.scalar?.string else {
                wrongType(key, entry, expected: .init(vi: "các dòng `mã: lý do`", en: "`slug: reason` lines"))
                continue
            }
            let line = value.mark.map { $0.line + mappingLine - 1 } ?? entry.line
            result.append((name, VietnameseText.collapseWhitespace(visible(text, key: key)), line))
        }
        return result
    }

    /// Keys not in `known` get a warning: a misspelt key would otherwise be lost silently.
    mutating func warnUnknownKeys(known: Set<String>) {
        for key in keyOrder where !known.contains(key) {
            let entry = entries[key]!
            let list = known.sorted().joined(separator: ", ")
            diagnostics.append(
                Diagnostic(
                    .warning, "yaml.unknown-key", file: file, line: entry.line, column: entry.column, key: key,
                    message: .init(
                        vi: "congkhai không dùng khóa này nên giá trị của nó bị bỏ qua.",
                        en: "congkhai does not use this key, so its value is ignored."),
                    fix: .init(
                        vi: "kiểm tra chính tả; các khóa được dùng: \(list).",
                        en: "check the spelling; the keys used are: \(list).")))
        }
    }

    /// A value less the hidden control and text-direction characters that a YAML escape
    /// ("\u202E") still puts there once the file's own were removed (SourceText).
    private mutating func visible(_ text: String, key: String) -> String {
        let (clean, removed) = SourceText.removingControls(text)
        if !removed.isEmpty {
            report(
                key, "front-matter.control-characters",
                message: .init(
                    vi:
                        "giá trị có \(removed.count) ký tự điều khiển ẩn, viết bằng mã thoát như \\u202E (đảo chiều chữ); congkhai đã bỏ chúng.",
                    en:
                        "the value has \(removed.count) hidden control characters written as escapes such as \\u202E (text direction); congkhai removed them."
                ),
                fix: .init(vi: "xóa các mã thoát đó khỏi giá trị.", en: "remove those escapes from the value."),
                severity: .warning)
        }
        return clean
    }

    mutating func report(
        _ key: String, _ code: String, message: LocalizedText, fix: LocalizedText?,
        severity: Diagnostic.Severity = .error
    ) {
        let entry = entries[key]
        diagnostics.append(
            Diagnostic(
                severity, code, file: file, line: entry?.line ?? mappingLine, column: entry?.column, key: key,
                message: message, fix: fix))
    }

    private mutating func missing(_ key: String) {
        diagnostics.append(
            Diagnostic(
                .error, "front-matter.missing-key", file: file, line: entries[key]?.line ?? mappingLine, key: key,
                message: .init(vi: "thiếu thông tin bắt buộc này.", en: "this required value is missing."),
                fix: .init(
                    vi: "thêm một dòng `\(key): ...` vào phần đầu tệp.",
                    en: "add a line `\(key): ...` to the header.")))
    }

    private mutating func wrongType(_ key: String, _ entry: Entry, expected: LocalizedText) {
        diagnostics.append(
            Diagnostic(
                .error, "front-matter.wrong-type", file: file, line: entry.line, column: entry.column, key: key,
                message: .init(vi: "giá trị phải là \(expected.vi).", en: "the value must be \(expected.en)."),
                fix: nil))
    }

    private func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// Where in its text a YAML error is (line from 1) and what Yams says of it.
    package static func place(of error: YamlError) -> (line: Int?, column: Int?, problem: String) {
        switch error {
        case .scanner(_, let text, let mark, _), .parser(_, let text, let mark, _), .composer(_, let text, let mark, _):
            (mark.line, mark.column, text)
        case .duplicatedKeysInMapping(let duplicates, let context):
            (context.mark.line, context.mark.column, "duplicated keys: \(duplicates.joined(separator: ", "))")
        default:
            (nil, nil, "\(error)")
        }
    }

    private static func syntaxDiagnostic(_ error: YamlError, file: String, offset: Int) -> Diagnostic {
        let (line, column, problem) = place(of: error)
        return Diagnostic(
            .error, "yaml.syntax", file: file, line: line.map { $0 + offset } ?? offset + 1, column: column,
            message: .init(
                vi: "phần đầu (YAML) viết sai cú pháp (\(problem)).",
                en: "the header (YAML) has a syntax error (\(problem))."),
            fix: .init(
                vi:
                    "mỗi dòng có dạng `khóa: giá trị`; giá trị có dấu `:` hoặc bắt đầu bằng ký tự đặc biệt thì đặt trong ngoặc kép.",
                en: "write each line as `key: value`; quote values containing `:` or starting with a special character."
            ))
    }
}

/// Checks a front-matter YAML text as a build does, without a portal: its problems.
public enum FrontMatterFields {
    public static func check(_ yaml: String, file: String, firstLine: Int) -> [Diagnostic] {
        let (parsed, problems) = YAMLFields.parse(yaml, file: file, firstLine: firstLine)
        guard var fields = parsed else { return problems }
        _ = fields.string("title", required: true)
        _ = fields.string("kind", required: true)
        _ = fields.date("issued")
        _ = fields.strings("recipients")
        _ = fields.bool("draft")
        fields.warnUnknownKeys(known: ContentLoader.documentKeys)
        return problems + fields.diagnostics
    }
}
