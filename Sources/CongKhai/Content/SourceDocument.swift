import VietText

/// A document as loaded: its front matter decoded and checked, its Markdown body not yet parsed.
/// Its fields are read as `document.title`, through `Fields`.
@dynamicMemberLookup
public struct SourceDocument: Sendable, Hashable {
    /// The stored fields, in one box shared by copies until one is changed: a document is
    /// copied from the cache to the portal, the site and every page's job, and a copy of
    /// twenty texts and lists was twenty reference counts, a tenth of a rebuild's time.
    public struct Fields: Hashable, Sendable {
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
        /// What it covers when not the folder's school year: "2025-2026", "2025".
        public var period: String?
        /// When it was made public: what TT 09's deadlines are checked against.
        public var published: IssuedDate?

        public var body: String
        /// Line of the body's first line in the source file, so body problems name the right line.
        public var bodyLine: Int
        /// A hash of the source file's text, set by the loader: with the path, everything the
        /// document is made of. A rebuild reuses pages whose inputs' keys are unchanged.
        public var inputKey: UInt64?
    }

    private final class Box: @unchecked Sendable {
        // Changed only through `subscript(dynamicMember:)`'s setter, when no other document shares it.
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    public subscript<Value>(dynamicMember field: WritableKeyPath<Fields, Value>) -> Value {
        get { box.fields[keyPath: field] }
        set {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            box.fields[keyPath: field] = newValue
        }
    }

    public static func == (lhs: SourceDocument, rhs: SourceDocument) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }
    public func hash(into hasher: inout Hasher) { box.fields.hash(into: &hasher) }

    /// "<unit>/<school-year>/<slug>"
    public var id: String { "\(self.unitID)/\(self.schoolYear)/\(self.slug)" }

    public init(
        unitID: String, schoolYear: String, slug: String, sourcePath: String, title: String, kind: String,
        number: String? = nil, issued: IssuedDate? = nil, place: String? = nil, signer: String? = nil,
        signerTitle: String? = nil, recipients: [String] = [], letterhead: [String] = [], categories: [String] = [],
        attachments: [String] = [], status: String? = nil, replaces: String? = nil, draft: Bool = false,
        period: String? = nil, published: IssuedDate? = nil, body: String, bodyLine: Int = 1
    ) {
        box = Box(
            Fields(
                unitID: unitID, schoolYear: schoolYear, slug: slug, sourcePath: sourcePath, title: title, kind: kind,
                number: number, issued: issued, place: place, signer: signer, signerTitle: signerTitle,
                recipients: recipients, letterhead: letterhead, categories: categories, attachments: attachments,
                status: status, replaces: replaces, draft: draft, period: period, published: published,
                body: body, bodyLine: bodyLine, inputKey: nil))
    }

    /// True when the number is blank ("/BC-THTTA1") or absent.
    public var hasBlankNumber: Bool {
        guard let number = self.number else { return true }
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
