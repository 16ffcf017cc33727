/// A problem found in a portal's sources, said in Vietnamese (and English for `--lang en`),
/// pointing at file:line:column and the key involved, with how to fix it.
public struct Diagnostic: Hashable, Sendable, Comparable {
    public enum Severity: String, Sendable, Comparable {
        case error, warning
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    public var severity: Severity
    /// Path relative to the portal folder.
    public var file: String
    public var line: Int?
    public var column: Int?
    public var key: String?
    /// A stable code for tools and tests ("front-matter.missing-key").
    public var code: String
    public var message: LocalizedText
    public var fix: LocalizedText?

    public init(
        _ severity: Severity, _ code: String, file: String, line: Int? = nil, column: Int? = nil,
        key: String? = nil, message: LocalizedText, fix: LocalizedText? = nil
    ) {
        self.severity = severity
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message
        self.fix = fix
    }

    /// "content/x.md:3:1: lỗi: khóa `kind`: ... Cách sửa: ..."
    public func formatted(_ language: Language = .vi) -> String {
        var location = file
        if let line { location += ":\(line)" }
        if let line, line > 0, let column { location += ":\(column)" }
        let label: String
        switch (severity, language) {
        case (.error, .vi): label = "lỗi"
        case (.warning, .vi): label = "cảnh báo"
        case (.error, .en): label = "error"
        case (.warning, .en): label = "warning"
        }
        var text = "\(location): \(label): "
        if let key { text += (language == .vi ? "khóa" : "key") + " `\(key)`: " }
        text += message[language]
        if let fix { text += (language == .vi ? " Cách sửa: " : " To fix: ") + fix[language] }
        return text
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.file, lhs.line ?? 0, lhs.column ?? 0, lhs.code) < (rhs.file, rhs.line ?? 0, rhs.column ?? 0, rhs.code)
    }
}

public enum Language: String, Sendable, CaseIterable { case vi, en }

/// A sentence in both interface languages.
public struct LocalizedText: Hashable, Sendable {
    public var vi: String
    public var en: String
    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }
    public subscript(language: Language) -> String { language == .vi ? vi : en }
}

/// Thrown when a build cannot go on; carries every problem found, not just the first.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics.sorted() }
    public var description: String { diagnostics.map { $0.formatted() }.joined(separator: "\n") }
}
