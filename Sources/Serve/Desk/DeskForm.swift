import CongKhai
import Foundation
import Import
import VietText

/// The desk's form: a draft's fields as the clerk sees them, each with the import's warnings
/// beside it, and the fields sent back read into the draft, each checked as `build` checks it.
struct DeskForm: Sendable {
    /// What the form sends back, as Hummingbird's URL-encoded form decoder reads it.
    struct Sent: Decodable, Sendable {
        var csrf: String?
        var upload: String?
        var unit: String?
        var title: String?
        var kind: String?
        var number: String?
        var issued: String?
        var place: String?
        var signer: String?
        var signer_title: String?
        var recipients: String?
        var letterhead: String?
        var school_year: String?
        var published: String?
        var period: String?
        var categories: [String]?
        var ghi_de: String?
        /// The document in the portal the form edits.
        var tep: String?
        /// "1": withdrawn (`draft: true`).
        var rut: String?
    }

    /// The form's fields in order: key, label, a hint; a list is one entry a line.
    static let fields: [(key: String, label: String, placeholder: String?, lines: Bool)] = [
        ("title", "Trích yếu (tên văn bản)", nil, false),
        ("kind", "Loại văn bản", nil, false),
        ("number", "Số, ký hiệu", nil, false),
        ("issued", "Ngày ban hành (ngày/tháng/năm)", nil, false),
        ("place", "Địa danh", nil, false),
        ("signer", "Người ký", nil, false),
        ("signer_title", "Chức vụ người ký", nil, false),
        ("recipients", "Nơi nhận", nil, true),
        ("letterhead", "Tên cơ quan (góc trên bên trái)", nil, true),
        ("school_year", "Năm học (thư mục lưu văn bản)", "2025-2026", false),
        ("published", "Ngày công khai", "10/09/2025", false),
        ("period", "Kỳ công khai (nếu có)", "2025-2026", false)
    ]

    /// What the form points out of a draft's fields beyond the import's warnings.
    static func hints(of draft: Importer.Draft) -> [String: [String]] {
        var hints: [String: [String]] = [:]
        if let number = draft.document.number, number.hasPrefix("/") {
            hints["number", default: []].append(
                "Văn bản để trống số (“\(number)”): nếu văn bản đã được cấp số, ghi đủ số vào đây.")
        }
        if draft.document.issued == nil {
            hints["issued", default: []].append("Không đọc được ngày ban hành: ghi ngày nếu văn bản có.")
        }
        return hints
    }

    /// The field an import warning is about; nil for the document as a whole.
    static func field(of warning: ImportWarning) -> String? {
        switch warning.code {
        case "import.no-title": "title"
        case "import.no-school-year": "school_year"
        case "import.letterhead-differs": "letterhead"
        case "import.no-type-line": "kind"
        default: nil
        }
    }

    /// A draft's fields as the form shows them.
    static func values(of draft: Importer.Draft, published: IssuedDate?) -> [String: String] {
        let document = draft.document
        return [
            "title": document.title ?? draft.source.deletingPathExtension().lastPathComponent,
            "kind": document.kind ?? "khac", "number": document.number ?? "",
            "issued": document.issued?.vietnameseShort ?? "",
            "place": document.place ?? "", "signer": document.signer ?? "", "signer_title": document.signerTitle ?? "",
            "recipients": document.recipients.joined(separator: "\n"),
            "letterhead": document.letterhead.joined(separator: "\n"), "school_year": draft.schoolYear,
            "published": published?.vietnameseShort ?? "", "period": draft.period ?? ""
        ]
    }

    /// The sent fields read into the draft; the problems found, by field.
    static func apply(_ sent: Sent, to draft: inout Importer.Draft, catalogue: Catalogue, categories: Set<String>)
        -> (published: IssuedDate?, problems: [String: String])
    {
        var problems: [String: String] = [:]
        func text(_ value: String?) -> String? {
            let trimmed = VietnameseText.nfc(value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        }
        func lines(_ value: String?) -> [String] {
            VietnameseText.nfc(value ?? "").split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        func day(_ key: String, _ value: String?, needsDay: Bool = false) -> IssuedDate? {
            guard let value = text(value) else { return nil }
            switch IssuedDate.typed(value) {
            case .date(let date) where !needsDay || date.day != nil: return date
            case .date: problems[key] = "Ghi đủ ngày, tháng, năm, ví dụ 05/09/2025."
            case .noSuchDay: problems[key] = "Ngày “\(value)” không có thật; kiểm tra lại ngày và tháng."
            case .notADate:
                problems[key] = "“\(value)” không phải là một ngày; ghi dạng ngày/tháng/năm, ví dụ 05/09/2025."
            }
            return nil
        }
        draft.document.title = text(sent.title)
        if draft.document.title == nil { problems["title"] = "Văn bản cần có trích yếu." }
        let kind = text(sent.kind) ?? "khac"
        if catalogue.documentKind(kind) == nil { problems["kind"] = "“\(kind)” không có trong danh sách loại văn bản." }
        draft.document.kind = kind
        draft.document.number = text(sent.number)
        draft.document.issued = day("issued", sent.issued)
        draft.document.place = text(sent.place)
        draft.document.signer = text(sent.signer)
        draft.document.signerTitle = text(sent.signer_title)
        draft.document.recipients = lines(sent.recipients)
        draft.document.letterhead = lines(sent.letterhead)
        let year = text(sent.school_year) ?? ""
        if SchoolYear.isValid(year) {
            draft.schoolYear = year
        } else {
            problems["school_year"] = "“\(year)” không phải là năm học dạng 2025-2026."
        }
        draft.period = text(sent.period)
        if let period = draft.period, !SchoolYear.isPeriod(period) {
            problems["period"] = "Kỳ công khai là một năm học (2025-2026) hoặc một năm (2025)."
        }
        draft.categories = (sent.categories ?? []).filter { categories.contains($0) }
        // The day a document was made public is a day, as the build requires.
        return (day("published", sent.published, needsDay: true), problems)
    }
}
