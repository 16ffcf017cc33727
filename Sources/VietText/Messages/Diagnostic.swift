/// A problem found in a portal's sources, said in Vietnamese (and English for `--lang en`),
/// pointing at file:line:column and the key involved, with how to fix it.
public struct Diagnostic: Hashable, Sendable, Comparable {
    package enum Severity: String, Sendable, Comparable {
        case error, warning
        package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    package var severity: Severity
    /// Path relative to the portal folder.
    package var file: String
    package var line: Int?
    package var column: Int?
    package var key: String?
    /// A stable code for tools and tests ("front-matter.missing-key").
    package var code: String
    package var message: LocalizedText
    package var fix: LocalizedText?

    package init(
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
    package func formatted(_ language: Language = .vi) -> String {
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

package enum Language: String, Sendable, CaseIterable { case vi, en }

/// A sentence in both interface languages.
package struct LocalizedText: Hashable, Sendable {
    package var vi: String
    package var en: String
    package init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }
    package subscript(language: Language) -> String { language == .vi ? vi : en }
}

/// Thrown when a build cannot go on; carries every problem found, not just the first.
package struct BuildFailure: Error, Sendable, CustomStringConvertible {
    package var diagnostics: [Diagnostic]
    package init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics.sorted() }
    package var description: String { diagnostics.map { $0.formatted() }.joined(separator: "\n") }
}
