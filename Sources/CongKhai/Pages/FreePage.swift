import Foundation
import VietText

/// A free page of content/pages/ (giới thiệu, hướng dẫn). Tiny and always rendered: no key.
struct FreePage: PageKind {
    let index: Int

    static func pages(_ site: SiteModel, _ contexts: PageContexts) -> [FreePage] {
        site.pages.indices.map(FreePage.init)
    }

    func path(_ site: SiteModel) -> String { URLScheme.page(site.pages[index].slug) }

    func render(_ page: PageRendering) -> Data {
        page.render(page.contexts.page(page.site.pages[index], body: page.pageBodies[index]), template: "page")
    }

    func key(_ hasher: inout PageKeyHasher) -> Bool { false }
}

extension PageContexts {
    func page(_ page: SourcePage, body: String) -> [String: Any] {
        let path = URLScheme.page(page.slug)
        var context = base(path: path, title: page.title, section: .page, breadcrumbs: [("Trang chủ", URLScheme.home)])
        context["body"] = body
        return context
    }
}
