import CongKhai
import Foundation
import Import
import VietText

/// What the desk needs of the portal it serves, read again for each request: a unit added
/// meanwhile is offered at once.
struct Portal: Sendable {
    let root: URL
    let units: [PortalUnit]
    let settings: PortalSettings

    /// The settings and units only: no document is read.
    init(_ root: URL) {
        let loaded = ContentLoader(root: root).settingsAndUnits()
        self.root = root
        units = loaded.units.sorted { VietnameseSortKey($0.name) < VietnameseSortKey($1.name) }
        settings = loaded.settings
    }

    /// What a document already at `file` was filed under, made public on and covers: kept when
    /// the desk replaces it, unless the clerk changes them.
    func earlierFiling(of file: URL) -> (categories: [String], period: String?, published: IssuedDate?)? {
        guard let text = try? String(contentsOf: file, encoding: .utf8),
            let yaml = FrontMatterSplitter.split(text).yaml,
            var fields = YAMLFields.parse(yaml, file: relative(file), firstLine: 2).fields
        else { return nil }
        return (
            fields.strings("categories"), fields.string("period"),
            fields.string("published").flatMap(IssuedDate.init(iso:))
        )
    }

    /// The documents of `unit` that look like the one about to be saved at `target` under
    /// another name: the same number (one with a digit), or the same title once accents are
    /// folded. A plan imported twice under two titles would otherwise stand twice on the page.
    func likeDocuments(unit: String, number: String?, title: String?, target: URL) -> [(file: String, same: String)] {
        let number = number?.trimmingCharacters(in: .whitespaces)
        let hasNumber = number?.contains(where: \.isNumber) == true
        let title = title.map(VietnameseText.fold)
        let folder = root.appendingPathComponent("content/units/\(unit)")
        var found: [(file: String, same: String)] = []
        let years = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter(
            SchoolYear.isValid)
        for year in years.sorted(by: >) {
            let yearFolder = folder.appendingPathComponent(year)
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: yearFolder.path)) ?? []).sorted()
            where name.hasSuffix(".md") && !name.hasPrefix(".") {
                let file = yearFolder.appendingPathComponent(name)
                guard file.standardizedFileURL.path != target.standardizedFileURL.path,
                    let text = try? String(contentsOf: file, encoding: .utf8),
                    let yaml = FrontMatterSplitter.split(text).yaml,
                    var fields = YAMLFields.parse(yaml, file: relative(file), firstLine: 2).fields
                else { continue }
                if hasNumber, let number, fields.string("number")?.trimmingCharacters(in: .whitespaces) == number {
                    found.append((relative(file), "số “\(number)”"))
                } else if let title, !title.isEmpty, fields.string("title").map(VietnameseText.fold) == title {
                    found.append((relative(file), "trích yếu"))
                }
            }
        }
        return found
    }

    var catalogue: Catalogue { settings.catalogue }

    /// The categories a unit's document can be filed under: the TT 09 items of its kind first,
    /// then the portal's categories.
    func categories(of unit: PortalUnit) -> [CatalogueEntry] {
        settings.obligations.items(forUnitKind: unit.kind).map { CatalogueEntry(slug: $0.slug, name: $0.name) }
            + catalogue.categories
    }

    /// The same in two groups, as the form shows them: the TT 09 items, then the portal's other
    /// categories (less those named as an item is).
    func categoryGroups(of unit: PortalUnit) -> (items: [CatalogueEntry], others: [CatalogueEntry]) {
        let items = settings.obligations.items(forUnitKind: unit.kind).map {
            CatalogueEntry(slug: $0.slug, name: $0.name)
        }
        let names = Set(items.map { VietnameseText.fold($0.name) })
        return (items, catalogue.categories.filter { !names.contains(VietnameseText.fold($0.name)) })
    }

    /// An importer into the unit's folders, as `congkhai import --unit` makes one.
    func importer(unit: String, published: IssuedDate?, today: IssuedDate?) -> Importer {
        Importer(
            options: .init(portal: root, unitID: unit, published: published, today: today),
            units: units.map { ImportUnit(id: $0.id, name: $0.name, district: $0.district, province: $0.province) })
    }

    /// A file's path from the portal's folder, as messages name files.
    func relative(_ file: URL) -> String {
        let path = file.standardizedFileURL.path
        let prefix = root.standardizedFileURL.path + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
