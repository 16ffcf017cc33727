import Foundation
import VietText

/// What the importer recognised in a document: its front-matter fields and Markdown body.
public struct ImportedDocument: Sendable, Equatable {
    package var title: String?
    package var kind: String?
    package var number: String?
    package var issued: IssuedDate?
    package var place: String?
    package var signer: String?
    package var signerTitle: String?
    package var recipients: [String] = []
    /// The issuer and governing-body lines of the letterhead, as printed.
    package var letterhead: [String] = []
    /// The school year the content shows, when the document bears no date.
    package var schoolYearHint: String?
    /// The address of the web page it was saved from (`source_url`).
    package var sourceURL: String?
    package var body: String = ""
    package var warnings: [ImportWarning] = []
    /// Source lines left out on purpose, whose words are not missed: "(Đã ký)" under a title.
    package var droppedLines: Set<Int> = []

    /// A document whose fields are filled by hand (the publishing desk's form), with its body.
    package init(body: String = "") { self.body = body }
}

/// Something the importer could not place or check, with the source line it concerns.
package struct ImportWarning: Sendable, Equatable, CustomStringConvertible {
    /// A stable code for tools and tests ("import.no-title", "import.unplaced" …).
    package var code: String
    package var line: Int?
    package var message: LocalizedText
    package var description: String { (line.map { "dòng \($0): " } ?? "") + message.vi }

    package init(_ code: String, line: Int?, message: LocalizedText) {
        self.code = code
        self.line = line
        self.message = message
    }

    /// The warning about `file`, the source being imported.
    package func diagnostic(file: String) -> Diagnostic {
        Diagnostic(.warning, code, file: file, line: line, message: message)
    }
}

/// The importer's recognition of a text, without a portal: for tools and fuzzing.
public enum ImportRecognition {
    public static func recognise(_ text: String) -> ImportedDocument {
        LayoutRecognizer().recognise(SourceLine.lines(of: BrokenWords.repair(text).text, splitCells: false))
    }

    /// A saved web page's bytes, read as `congkhai import` reads a `.html` file.
    public static func recogniseHTML(_ data: Data) -> ImportedDocument? {
        guard let page = try? HTMLTextReader.read(data) else { return nil }
        return recognise(page.lines.joined(separator: "\n"))
    }
}
