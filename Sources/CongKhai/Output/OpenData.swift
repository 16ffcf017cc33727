import Foundation

/// The open data files: api/documents.json, api/directives.json and api/units.json
/// (docs/open-data.md). Keys are sorted so the same input gives the same bytes.
struct OpenData {
    let site: SiteModel

    struct DocumentEntry: Encodable {
        var id, url, unit, kind, title, school_year: String
        @Nullable var number: String?
        @Nullable var issued: String?
        var categories, citations: [String]
    }

    struct DirectiveEntry: Encodable {
        struct CitedBy: Encodable { var document: String; var relation: String }
        var key, type, symbol, level, url: String
        @Nullable var date: String?
        @Nullable var issuer: String?
        @Nullable var subject: String?
        var variants: [String]
        var cited_by: [CitedBy]
    }

    struct UnitEntry: Encodable {
        var id, name, kind, url: String
        @Nullable var district: String?
        @Nullable var province: String?
    }

    func write(_ writeFile: (String, Data) throws -> Void) throws -> Int {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        let documents = site.documents.map { document in
            var seen = Set<String>()
            return DocumentEntry(id: document.source.id, url: document.url, unit: document.source.unitID, kind: document.source.kind,
                                 title: document.source.title, school_year: document.source.schoolYear,
                                 number: document.source.number, issued: document.source.issued?.iso,
                                 categories: document.source.categories,
                                 citations: document.directiveKeys.filter { seen.insert($0).inserted })
        }
        let directives = site.directives.map { directive in
            DirectiveEntry(key: directive.key, type: directive.type, symbol: directive.symbol, level: directive.level.rawValue,
                           url: directive.url, date: directive.date?.iso, issuer: directive.issuer, subject: directive.subject,
                           variants: directive.variants,
                           cited_by: directive.citedBy.map { .init(document: site.documents[$0.document].source.id, relation: $0.relation.rawValue) })
        }
        let units = site.units.map {
            UnitEntry(id: $0.unit.id, name: $0.unit.name, kind: $0.unit.kind, url: $0.url, district: $0.unit.district, province: $0.unit.province)
        }
        try writeFile("api/documents.json", try encoder.encode(["documents": documents]))
        try writeFile("api/directives.json", try encoder.encode(["directives": directives]))
        try writeFile("api/units.json", try encoder.encode(["units": units]))
        return 3
    }
}
