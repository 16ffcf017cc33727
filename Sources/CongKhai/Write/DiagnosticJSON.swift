import Foundation
import VietText

/// `congkhai check --format json`: the problems as one JSON document, for editors and scripts.
package enum DiagnosticJSON {
    struct Entry: Encodable {
        var severity, code, file, message: String
        @Nullable var line: Int?
        @Nullable var column: Int?
        @Nullable var key: String?
        @Nullable var fix: String?
    }

    package static func encode(_ diagnostics: [Diagnostic], language: Language) -> String {
        let entries = diagnostics.map {
            Entry(
                severity: $0.severity.rawValue, code: $0.code, file: $0.file, message: $0.message[language],
                line: $0.line,
                column: $0.column, key: $0.key, fix: $0.fix?[language])
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        struct Document: Encodable {
            var errors: Int
            var warnings: Int
            var diagnostics: [Entry]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data =
            (try? encoder.encode(Document(errors: errors, warnings: diagnostics.count - errors, diagnostics: entries)))
            ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
