import VietText

/// What the importer recognised in a document: its front-matter fields and Markdown body.
public struct ImportedDocument: Sendable, Equatable {
    public var title: String?
    public var kind: String?
    public var number: String?
    public var issued: IssuedDate?
    public var place: String?
    public var signer: String?
    public var signerTitle: String?
    public var recipients: [String] = []
    /// The issuer and governing-body lines of the letterhead, as printed.
    public var letterhead: [String] = []
    /// The school year the content shows, when the document bears no date.
    public var schoolYearHint: String?
    public var body: String = ""
    public var warnings: [ImportWarning] = []
    /// Source lines left out on purpose, whose words are not missed: "(Đã ký)" under a title.
    public var droppedLines: Set<Int> = []
}

/// Something the importer could not place or check, with the source line it concerns.
public struct ImportWarning: Sendable, Equatable, CustomStringConvertible {
    public var line: Int?
    public var message: LocalizedText
    public var description: String { (line.map { "dòng \($0): " } ?? "") + message.vi }

    /// The warning about `file`, the source being imported.
    public func diagnostic(file: String) -> Diagnostic {
        Diagnostic(.warning, "import.unplaced", file: file, line: line, message: message)
    }
}

/// The importer's recognition of a text, without a portal: for tools and fuzzing.
public enum ImportRecognition {
    public static func recognise(_ text: String) -> ImportedDocument {
        LayoutRecognizer().recognise(SourceLine.lines(of: text, splitCells: false))
    }
}
