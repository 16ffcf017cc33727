import Foundation

/// The open data files: api/documents.json, api/directives.json and api/units.json
/// (docs/open-data.md). Keys are sorted so the same input gives the same bytes.
struct OpenData {
    let site: SiteModel

    struct DocumentEntry: Encodable {
        var id, url, unit, kind, title, school_year: String
        var number, issued: String?
        var categories, citations: [String]

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id); try container.encode(url, forKey: .url)
            try container.encode(unit, forKey: .unit); try container.encode(kind, forKey: .kind)
            try container.encode(number, forKey: .number); try container.encode(title, forKey: .title)
            try container.encode(issued, forKey: .issued); try container.encode(school_year, forKey: .school_year)
            try container.encode(categories, forKey: .categories); try container.encode(citations, forKey: .citations)
        }
        enum CodingKeys: String, CodingKey { case id, url, unit, kind, number, title, issued, school_year, categories, citations }
    }

    struct DirectiveEntry: Encodable {
        struct CitedBy: Encodable { var document: String; var relation: String }
        var key, type, symbol, level, url: String
        var date, issuer, subject: String?
        var variants: [String]
        var cited_by: [CitedBy]

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(key, forKey: .key); try container.encode(type, forKey: .type)
            try container.encode(symbol, forKey: .symbol); try container.encode(date, forKey: .date)
            try container.encode(issuer, forKey: .issuer); try container.encode(subject, forKey: .subject)
            try container.encode(level, forKey: .level); try container.encode(url, forKey: .url)
            try container.encode(variants, forKey: .variants); try container.encode(cited_by, forKey: .cited_by)
        }
        enum CodingKeys: String, CodingKey { case key, type, symbol, date, issuer, subject, level, url, variants, cited_by }
    }

    struct UnitEntry: Encodable {
        var id, name, kind, url: String
        var district, province: String?

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id); try container.encode(name, forKey: .name)
            try container.encode(kind, forKey: .kind); try container.encode(district, forKey: .district)
            try container.encode(province, forKey: .province); try container.encode(url, forKey: .url)
        }
        enum CodingKeys: String, CodingKey { case id, name, kind, district, province, url }
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
