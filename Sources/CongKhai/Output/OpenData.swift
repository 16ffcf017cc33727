import Foundation

/// The open data files: api/documents.json, api/directives.json and api/units.json
/// (docs/open-data.md). Keys are sorted so the same input gives the same bytes.
struct OpenData {
    let site: SiteModel

    enum File: String, Sendable, CaseIterable {
        case documents, directives, units

        var path: String { "api/\(rawValue).json" }
    }

    /// The file's bytes. Each is written as its own job, beside the pages (SiteWriter), and
    /// keyed like them: an edit that changes none of its fields reuses it.
    func bytes(of file: File) -> [UInt8] {
        let items: [PrettyJSON]
        switch file {
        case .documents: items = documents()
        case .directives: items = directives()
        case .units: items = units()
        }
        return PrettyJSON.object([(file.rawValue, .array(items))]).bytes
    }

    private func documents() -> [PrettyJSON] {
        site.documents.map { document -> PrettyJSON in
            let source = document.source
            var seen = Set<String>()
            return .object([("id", .string(source.id)), ("url", .string(document.url)), ("unit", .string(source.unitID)),
                            ("kind", .string(source.kind)), ("title", .string(source.title)), ("school_year", .string(source.schoolYear)),
                            ("number", .optional(source.number)), ("issued", .optional(source.issued?.iso)),
                            ("categories", .strings(source.categories)),
                            ("citations", .strings(document.directiveKeys.filter { seen.insert($0).inserted }))])
        }
    }

    private func directives() -> [PrettyJSON] {
        site.directives.map { directive -> PrettyJSON in
            .object([("key", .string(directive.key)), ("type", .string(directive.type)), ("symbol", .string(directive.symbol)),
                     ("level", .string(directive.level.rawValue)), ("url", .string(directive.url)),
                     ("date", .optional(directive.date?.iso)), ("issuer", .optional(directive.issuer)),
                     ("subject", .optional(directive.subject)), ("variants", .strings(directive.variants)),
                     ("cited_by", .array(directive.citedBy.map {
                         .object([("document", .string(site.documents[$0.document].source.id)), ("relation", .string($0.relation.rawValue))])
                     }))])
        }
    }

    private func units() -> [PrettyJSON] {
        site.units.map {
            PrettyJSON.object([("id", .string($0.unit.id)), ("name", .string($0.unit.name)), ("kind", .string($0.unit.kind)),
                               ("url", .string($0.url)), ("district", .optional($0.unit.district)), ("province", .optional($0.unit.province))])
        }
    }
}
