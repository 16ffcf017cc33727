import Foundation
import VietText

/// The công khai page: the listings by category, school year and kind, the TT 09 rounds, the archives.
struct ListingsPage: PageKind {
    static func pages(_ site: SiteModel, _ contexts: PageContexts) -> [ListingsPage] { [ListingsPage()] }

    func path(_ site: SiteModel) -> String { URLScheme.listings }

    func render(_ page: PageRendering) -> Data { page.render(page.contexts.listings(), template: "listings") }

    func key(_ hasher: inout PageKeyHasher) -> Bool {
        hasher.add("listings")
        hasher.addListings { _ in true }
        hasher.add(hasher.site.compliance.isEmpty ? [] : hasher.site.rounds.map(String.init))
        for archive in hasher.site.archives {
            hasher.add([archive.name, archive.schoolYear ?? "-", String(archive.bytes)])
        }
        return true
    }
}

extension PageContexts {
    func listings() -> [String: Any] {
        var context = base(
            path: URLScheme.listings, title: "Công khai thông tin", section: .listings,
            breadcrumbs: [("Trang chủ", URLScheme.home)])
        context["groups"] =
            [
                [
                    "id": "theo-nam-hoc", "title": "Theo năm học",
                    "items": listingLinks { if case .schoolYear = $0 { return true } else { return false } }
                ],
                [
                    "id": "theo-danh-muc", "title": "Theo danh mục (Thông tư 09/2024/TT-BGDĐT)",
                    "items": listingLinks { if case .category = $0 { return true } else { return false } }
                ],
                [
                    "id": "theo-loai", "title": "Theo loại văn bản",
                    "items": listingLinks { if case .kind = $0 { return true } else { return false } }
                ]
            ] as [[String: Any]]
        context["archives"] = site.archives.map { archive -> [String: Any] in
            [
                "name": archive.name, "url": "luu-tru/\(archive.name)",
                "school_year": archive.schoolYear.map(SchoolYear.label) ?? archive.name,
                "size": String(format: "%.1f MB", Double(archive.bytes) / 1_048_576).replacingOccurrences(
                    of: ".", with: ",")
            ]
        }
        context["has_archives"] = !site.archives.isEmpty
        if !site.compliance.isEmpty && !site.rounds.isEmpty {
            context["has_progress"] = true
            context["progress"] = roundLinks(current: nil) { URLScheme.progress(round: $0) }
            context["circular"] = site.settings.obligations.circular
        }
        return context
    }
}
