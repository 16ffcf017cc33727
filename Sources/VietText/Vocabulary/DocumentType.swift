/// The types of document, in one table: how each is named, the portal kind a document of the
/// type files under, how running text spells it, the codes its numbers carry and the
/// abbreviations printed before a number. The citation scanner, import's layout recogniser and
/// the portal's catalogue of kinds all read this table (Nghị định 30/2020, Phụ lục III lists the
/// types of administrative document and their codes; domain.md).
package struct DocumentType: Sendable, Hashable {
    /// The canonical spelling: "Quyết định".
    package let name: String
    /// The portal kind (`kind:` in front matter) of a document of this type, when the portal
    /// has one: a school issues Kế hoạch and Báo cáo, not Thông tư.
    package let kind: String?
    /// Other lowercase spellings in running text ("qui định").
    package let variants: [String]
    /// The type codes of numbers and symbols, folded to ASCII capitals: "QĐ" gives "QD".
    package let codes: [String]
    /// Abbreviations printed in capitals before a number ("QĐ số 123/QĐ-UBND"), lowercased.
    package let abbreviations: [String]
    /// Whether the citation scanner reads the name as the type of a cited text.
    package let cited: Bool
    /// Whether import reads the name on a document's own type line ("KẾ HOẠCH", "GIẤY MỜI"):
    /// its kind, or the portal's "khac" when it has none.
    package let printed: Bool

    init(
        _ name: String, kind: String? = nil, variants: [String] = [], codes: [String] = [],
        abbreviations: [String] = [],
        cited: Bool = true, printed: Bool = false
    ) {
        self.name = name
        self.kind = kind
        self.variants = variants
        self.codes = codes
        self.abbreviations = abbreviations
        self.cited = cited
        self.printed = printed
    }

    /// Every type. The kinds come first, in the order the portal lists them.
    package static let all: [DocumentType] = [
        .init("Kế hoạch", kind: "ke-hoach", codes: ["KH"], abbreviations: ["kh"], printed: true),
        .init("Báo cáo", kind: "bao-cao", codes: ["BC"], abbreviations: ["bc"], printed: true),
        .init("Quyết định", kind: "quyet-dinh", codes: ["QD"], abbreviations: ["qđ", "qd"], printed: true),
        .init("Hướng dẫn", kind: "huong-dan", codes: ["HD"], abbreviations: ["hd"], printed: true),
        .init("Công văn", kind: "cong-van", codes: ["CV"], abbreviations: ["cv"], printed: true),
        .init("Thông báo", kind: "thong-bao", codes: ["TB"], abbreviations: ["tb"], printed: true),
        .init("Tờ trình", kind: "to-trinh", codes: ["TTR"], printed: true),
        .init("Quy chế", kind: "quy-che", variants: ["qui chế"], codes: ["QC"], printed: true),
        // Phụ lục III of Nghị định 30/2020 gives Quy định the code "QyĐ"; some offices write "QĐi".
        .init("Quy định", kind: "quy-dinh", variants: ["qui định"], codes: ["QYD", "QDI"], printed: true),
        .init("Chương trình", kind: "chuong-trinh", codes: ["CTR"], abbreviations: ["ctr"], printed: true),
        .init("Đề án", kind: "de-an", codes: ["DA"], printed: true),
        .init("Biên bản", kind: "bien-ban", codes: ["BB"], printed: true),
        .init("Nghị quyết", kind: "nghi-quyet", codes: ["NQ"], abbreviations: ["nq"], printed: true),
        .init("Chỉ thị", kind: "chi-thi", codes: ["CT"], abbreviations: ["ct"], printed: true),
        .init("Văn bản khác", kind: "khac", cited: false),
        // Printed by schools and offices, filed as "khac".
        .init("Thông tri", printed: true),
        .init("Giấy mời", codes: ["GM"], printed: true),
        .init("Phương án", codes: ["PA"], printed: true),
        .init("Kết luận", codes: ["KL"], printed: true),
        .init("Công điện", codes: ["CD"], printed: true),
        .init("Giấy xác nhận", cited: false, printed: true),
        .init("Danh sách", cited: false, printed: true),
        .init("Bản cam kết", cited: false, printed: true),
        .init("Cam kết", cited: false, printed: true),
        .init("Thư mời", cited: false, printed: true),
        // Cited, never a school's own.
        .init("Thông tư", codes: ["TT"], abbreviations: ["tt"]),
        .init("Nghị định", codes: ["ND"], abbreviations: ["nđ", "nd"]),
        .init("Thông tư liên tịch", codes: ["TTLT"], abbreviations: ["ttlt"]),
        .init("Nghị quyết liên tịch", codes: ["NQLT"]),
        .init("Chương trình phối hợp", codes: ["CTPH"]),
        .init("Chương trình hành động", codes: ["CTHD"]),
        .init("Quy chế phối hợp", codes: ["QCPH"]),
        .init("Kế hoạch liên tịch", codes: ["KHLT"]),
        .init("Hướng dẫn liên tịch", codes: ["HDLT"]),
        .init("Thông báo kết luận"),
        .init("Hướng dẫn liên ngành", codes: ["HDLN"]),
        .init("Kế hoạch liên ngành", codes: ["KHLN"]),
        .init("Kế hoạch phối hợp", codes: ["KHPH"]),
        .init("Văn bản hợp nhất", codes: ["VBHN"]),
        .init("Văn bản", abbreviations: ["vb"]),
        .init("Bộ luật"),
        .init("Luật"),
        .init("Pháp lệnh"),
        .init("Điều lệ"),
        .init("Lệnh"),
        .init("Dự án")
    ]

    /// The type a code stands for: "QD" → Quyết định.
    package static let byCode: [String: DocumentType] = Dictionary(
        all.flatMap { type in type.codes.map { ($0, type) } }
    ) { first, _ in first }

    /// The type an abbreviation stands for: "qđ" → Quyết định.
    package static let byAbbreviation: [String: DocumentType] =
        Dictionary(all.flatMap { type in type.abbreviations.map { ($0, type) } }) { first, _ in first }

    /// The portal's own kinds, in order, named as the portal lists them.
    package static let kinds: [DocumentType] = all.filter { $0.kind != nil }

    /// The type's lowercase spellings in running text: its name and variants.
    package var spellings: [String] { [name.lowercased()] + variants }
}
