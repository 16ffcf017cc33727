import Foundation
import VietText

/// 404.html. Always rendered: no key.
struct NotFoundPage: PageKind {
    static func pages(_ site: SiteModel, _ contexts: PageContexts) -> [NotFoundPage] { [NotFoundPage()] }

    func path(_ site: SiteModel) -> String { URLScheme.notFound }

    func render(_ page: PageRendering) -> Data {
        let style = page.templates.assets["style.css"].map { String(decoding: $0, as: UTF8.self) }
        return page.render(page.contexts.notFound(style: style), template: "not-found")
    }

    func key(_ hasher: inout PageKeyHasher) -> Bool { false }
}

extension PageContexts {
    /// Served for a missing address at any depth: with `base_url` its links are absolute;
    /// without, its stylesheet is inline (`style`) and a few lines of script in the template
    /// (`find_root`) find the portal's root from the page's own address and mend its links.
    func notFound(style: String?) -> [String: Any] {
        let inline = site.settings.baseURL == nil
        var context = base(
            path: URLScheme.notFound, title: "Không tìm thấy trang", section: .none,
            root: site.settings.baseURL.map { $0 + "/" },
            // "</style" in a portal's own stylesheet would end the element early.
            inlineStyle: inline ? style?.replacingOccurrences(of: "</", with: "<\\/") : nil)
        if inline { context["find_root"] = true }
        return context
    }
}
