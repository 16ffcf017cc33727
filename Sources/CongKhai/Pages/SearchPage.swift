import Foundation
import VietText

/// The search page (its index is written by SearchIndex). Always rendered: no key.
struct SearchPage: PageKind {
    static func pages(_ site: SiteModel, _ contexts: PageContexts) -> [SearchPage] { [SearchPage()] }

    func path(_ site: SiteModel) -> String { URLScheme.search }

    func render(_ page: PageRendering) -> Data { page.render(page.contexts.search(), template: "search") }

    func key(_ hasher: inout PageKeyHasher) -> Bool { false }
}

extension PageContexts {
    func search() -> [String: Any] {
        base(
            path: URLScheme.search, title: "Tìm kiếm",
            description: "Tìm văn bản công khai theo từ khóa, số hiệu, đơn vị", section: .search,
            breadcrumbs: [("Trang chủ", URLScheme.home)])
    }
}
