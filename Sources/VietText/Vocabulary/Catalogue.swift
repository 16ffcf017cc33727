/// A named value with an ASCII slug: a document kind, a category, a unit kind.
package struct CatalogueEntry: Hashable, Sendable {
    package var slug: String
    package var name: String
    package init(slug: String, name: String) {
        self.slug = slug
        self.name = name
    }
}

/// The kinds of document, disclosure categories and kinds of unit a portal knows: the built-in
/// ones plus those its congkhai.yaml adds.
package struct Catalogue: Sendable {
    package var documentKinds: [CatalogueEntry]
    package var categories: [CatalogueEntry]
    package var unitKinds: [CatalogueEntry]

    /// The kinds of the one table of document types (`DocumentType`), in its order.
    package static let builtInDocumentKinds: [CatalogueEntry] = DocumentType.kinds.compactMap { type in
        type.kind.map { CatalogueEntry(slug: $0, name: type.name) }
    }

    /// The sections a school discloses under Thông tư 09/2024/TT-BGDĐT, in their order, and
    /// the unit's own documents beside them.
    package static let builtInCategories: [CatalogueEntry] = [
        .init(slug: "thong-tin-chung", name: "Thông tin chung về cơ sở giáo dục"),
        .init(slug: "tai-chinh", name: "Thu, chi tài chính"),
        .init(slug: "doi-ngu", name: "Đội ngũ cán bộ quản lý, giáo viên, nhân viên"),
        .init(slug: "co-so-vat-chat", name: "Cơ sở vật chất, tài liệu học tập"),
        .init(slug: "kiem-dinh", name: "Kết quả đánh giá, kiểm định chất lượng"),
        .init(slug: "ke-hoach-giao-duc", name: "Kế hoạch hoạt động giáo dục"),
        .init(slug: "ket-qua-giao-duc", name: "Kết quả giáo dục"),
        .init(slug: "bao-cao-thuong-nien", name: "Báo cáo thường niên"),
        .init(slug: "van-ban-don-vi", name: "Văn bản của đơn vị")
    ]

    package static let builtInUnitKinds: [CatalogueEntry] = [
        .init(slug: "mam-non", name: "Trường mầm non"), .init(slug: "tieu-hoc", name: "Trường tiểu học"),
        .init(slug: "thcs", name: "Trường trung học cơ sở"), .init(slug: "thpt", name: "Trường trung học phổ thông"),
        .init(slug: "lien-cap", name: "Trường liên cấp"), .init(slug: "gdtx", name: "Trung tâm giáo dục thường xuyên"),
        .init(slug: "phong-gddt", name: "Phòng Giáo dục và Đào tạo"),
        .init(slug: "so-gddt", name: "Sở Giáo dục và Đào tạo"), .init(slug: "cong-doan", name: "Công đoàn"),
        .init(slug: "khac", name: "Đơn vị khác")
    ]

    package init(extraKinds: [CatalogueEntry] = [], extraCategories: [CatalogueEntry] = []) {
        documentKinds = Self.merge(Self.builtInDocumentKinds, extraKinds)
        categories = Self.merge(Self.builtInCategories, extraCategories)
        unitKinds = Self.builtInUnitKinds
    }

    package func documentKind(_ slug: String) -> CatalogueEntry? { documentKinds.first { $0.slug == slug } }
    package func category(_ slug: String) -> CatalogueEntry? { categories.first { $0.slug == slug } }
    package func unitKind(_ slug: String) -> CatalogueEntry? { unitKinds.first { $0.slug == slug } }

    /// Built-ins keep their order; an extra entry with a built-in slug renames it.
    private static func merge(_ base: [CatalogueEntry], _ extra: [CatalogueEntry]) -> [CatalogueEntry] {
        var merged = base
        for entry in extra {
            if let index = merged.firstIndex(where: { $0.slug == entry.slug }) {
                merged[index] = entry
            } else {
                merged.append(entry)
            }
        }
        return merged
    }
}
