/// A document as loaded: its front matter decoded and checked, its Markdown body not yet parsed.
public struct SourceDocument: Sendable, Hashable {
    /// "<unit>/<school-year>/<slug>"
    public var id: String { "\(unitID)/\(schoolYear)/\(slug)" }
    public var unitID: String
    public var schoolYear: String
    public var slug: String
    /// Path relative to the portal folder.
    public var sourcePath: String

    public var title: String
    public var kind: String
    public var number: String?
    public var issued: IssuedDate?
    public var place: String?
    public var signer: String?
    public var signerTitle: String?
    public var recipients: [String]
    /// The issuer and governing-body lines of the letterhead, as printed.
    public var letterhead: [String]
    public var categories: [String]
    public var attachments: [String]
    public var status: String?
    public var replaces: String?
    public var draft: Bool

    public var body: String
    /// Line of the body's first line in the source file, so body problems name the right line.
    public var bodyLine: Int
    /// A hash of the source file's text, set by the loader: with the path, everything the
    /// document is made of. A rebuild reuses pages whose inputs' keys are unchanged.
    public var inputKey: UInt64?

    public init(unitID: String, schoolYear: String, slug: String, sourcePath: String, title: String, kind: String,
                number: String? = nil, issued: IssuedDate? = nil, place: String? = nil, signer: String? = nil,
                signerTitle: String? = nil, recipients: [String] = [], letterhead: [String] = [], categories: [String] = [],
                attachments: [String] = [], status: String? = nil, replaces: String? = nil, draft: Bool = false,
                body: String, bodyLine: Int = 1) {
        self.unitID = unitID
        self.schoolYear = schoolYear
        self.slug = slug
        self.sourcePath = sourcePath
        self.title = title
        self.kind = kind
        self.number = number
        self.issued = issued
        self.place = place
        self.signer = signer
        self.signerTitle = signerTitle
        self.recipients = recipients
        self.letterhead = letterhead
        self.categories = categories
        self.attachments = attachments
        self.status = status
        self.replaces = replaces
        self.draft = draft
        self.body = body
        self.bodyLine = bodyLine
    }

    /// True when the number is blank ("/BC-THTTA1") or absent.
    public var hasBlankNumber: Bool {
        guard let number else { return true }
        return !(number.first?.isNumber ?? false)
    }
}

/// A free page: content/pages/<slug>.md (giới thiệu, hướng dẫn).
public struct SourcePage: Sendable, Hashable {
    public var slug: String
    public var sourcePath: String
    public var title: String
    public var order: Int
    public var body: String
    public var bodyLine: Int
}
