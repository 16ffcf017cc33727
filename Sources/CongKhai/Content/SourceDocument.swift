import VietText

/// A document as loaded: its front matter decoded and checked, its Markdown body not yet parsed.
/// Its fields are read as `document.title`, through `Fields`.
@dynamicMemberLookup
package struct SourceDocument: Sendable, Hashable {
    /// The stored fields, in one box shared by copies until one is changed: a document is
    /// copied from the cache to the portal, the site and every page's job, and a copy of
    /// twenty texts and lists was twenty reference counts, a tenth of a rebuild's time.
    package struct Fields: Hashable, Sendable {
        package var unitID: String
        package var schoolYear: String
        package var slug: String
        /// Path relative to the portal folder.
        package var sourcePath: String

        package var title: String
        package var kind: String
        package var number: String?
        package var issued: IssuedDate?
        package var place: String?
        package var signer: String?
        package var signerTitle: String?
        package var recipients: [String]
        /// The issuer and governing-body lines of the letterhead, as printed.
        package var letterhead: [String]
        package var categories: [String]
        package var attachments: [String]
        package var status: String?
        package var replaces: String?
        package var draft: Bool
        /// What it covers when not the folder's school year: "2025-2026", "2025".
        package var period: String?
        /// When it was made public: what TT 09's deadlines are checked against.
        package var published: IssuedDate?
        /// The web page it was copied from (`source_url`: an http or https address).
        package var sourceURL: String?

        package var body: String
        /// Line of the body's first line in the source file, so body problems name the right line.
        package var bodyLine: Int
        /// A hash of the source file's text, set by the loader: with the path, everything the
        /// document is made of. A rebuild reuses pages whose inputs' keys are unchanged.
        package var inputKey: UInt64?
    }

    private final class Box: @unchecked Sendable {
        // Changed only through `subscript(dynamicMember:)`'s setter, when no other document shares it.
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    package subscript<Value>(dynamicMember field: WritableKeyPath<Fields, Value>) -> Value {
        get { box.fields[keyPath: field] }
        set {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            box.fields[keyPath: field] = newValue
        }
    }

    package static func == (lhs: SourceDocument, rhs: SourceDocument) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }
    package func hash(into hasher: inout Hasher) { box.fields.hash(into: &hasher) }

    /// "<unit>/<school-year>/<slug>"
    package var id: String { "\(self.unitID)/\(self.schoolYear)/\(self.slug)" }

    package init(
        unitID: String, schoolYear: String, slug: String, sourcePath: String, title: String, kind: String,
        number: String? = nil, issued: IssuedDate? = nil, place: String? = nil, signer: String? = nil,
        signerTitle: String? = nil, recipients: [String] = [], letterhead: [String] = [], categories: [String] = [],
        attachments: [String] = [], status: String? = nil, replaces: String? = nil, draft: Bool = false,
        period: String? = nil, published: IssuedDate? = nil, sourceURL: String? = nil, body: String, bodyLine: Int = 1
    ) {
        box = Box(
            Fields(
                unitID: unitID, schoolYear: schoolYear, slug: slug, sourcePath: sourcePath, title: title, kind: kind,
                number: number, issued: issued, place: place, signer: signer, signerTitle: signerTitle,
                recipients: recipients, letterhead: letterhead, categories: categories, attachments: attachments,
                status: status, replaces: replaces, draft: draft, period: period, published: published,
                sourceURL: sourceURL, body: body, bodyLine: bodyLine, inputKey: nil))
    }

    /// True when the number is blank ("/BC-THTTA1") or absent.
    package var hasBlankNumber: Bool {
        guard let number = self.number else { return true }
        return !(number.first?.isNumber ?? false)
    }
}

/// A free page: content/pages/<slug>.md (giới thiệu, hướng dẫn).
package struct SourcePage: Sendable, Hashable {
    package var slug: String
    package var sourcePath: String
    package var title: String
    package var order: Int
    package var body: String
    package var bodyLine: Int
}
