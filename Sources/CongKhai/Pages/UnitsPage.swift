import Foundation
import VietText

/// The list of every unit of the portal.
struct UnitsPage: PageKind {
    static func pages(_ site: SiteModel, _ contexts: PageContexts) -> [UnitsPage] { [UnitsPage()] }

    func path(_ site: SiteModel) -> String { URLScheme.units }

    func render(_ page: PageRendering) -> Data { page.render(page.contexts.units(), template: "units") }

    func key(_ hasher: inout PageKeyHasher) -> Bool {
        hasher.add("units")
        guard hasher.addUnits() else { return false }
        return true
    }
}

extension PageContexts {
    func units() -> [String: Any] {
        var context = base(
            path: URLScheme.units, title: "Đơn vị", section: .units, breadcrumbs: [("Trang chủ", URLScheme.home)])
        context["units"] = site.units.map { entry -> [String: Any] in
            let unit = entry.unit
            return [
                "name": unit.name, "url": entry.url, "count": entry.documents.count,
                "kind_name": site.settings.catalogue.unitKind(unit.kind)?.name ?? unit.kind,
                "place": [unit.district, unit.province].compactMap { $0 }.joined(separator: ", ")
            ]
        }
        return context
    }
}
