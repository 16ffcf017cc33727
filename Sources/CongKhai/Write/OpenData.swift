import Foundation

/// The open data files: api/documents.json, api/directives.json, api/units.json and
/// api/compliance.json (docs/open-data.md, docs/compliance.schema.json). Keys are sorted so the same input gives the same bytes.
struct OpenData {
    let site: SiteModel

    enum File: String, Sendable, CaseIterable {
        case documents, directives, units, compliance

        var path: String { "api/\(rawValue).json" }
    }

    /// The file's bytes. Each is written as its own job, beside the pages (SiteWriter), and
    /// keyed like them: an edit that changes none of its fields reuses it.
    func data(of file: File) -> Data {
        // Item by item: the trees of every document at once added to the build's peak memory.
        switch file {
        case .documents: PrettyJSON.objectOfArray(file.rawValue, count: site.documents.count, item: document)
        case .directives: PrettyJSON.objectOfArray(file.rawValue, count: site.directives.count, item: directive)
        case .units: PrettyJSON.objectOfArray(file.rawValue, count: site.units.count, item: unit)
        case .compliance: Data(compliance().bytes)
        }
    }

    private func document(_ index: Int) -> PrettyJSON {
        let document = site.documents[index]
        let source = document.source
        var seen = Set<String>()
        return .object([
            ("id", .string(source.id)), ("url", .string(document.url)), ("unit", .string(source.unitID)),
            ("kind", .string(source.kind)), ("title", .string(source.title)),
            ("school_year", .string(source.schoolYear)),
            ("number", .optional(source.number)), ("issued", .optional(source.issued?.iso)),
            ("categories", .strings(source.categories)),
            ("citations", .strings(document.directiveKeys.filter { seen.insert($0).inserted }))
        ])
    }

    private func directive(_ index: Int) -> PrettyJSON {
        let directive = site.directives[index]
        return .object([
            ("key", .string(directive.key)), ("type", .string(directive.type)),
            ("symbol", .string(directive.symbol)),
            ("level", .string(directive.level.rawValue)), ("url", .string(directive.url)),
            ("date", .optional(directive.date?.iso)), ("issuer", .optional(directive.issuer)),
            ("subject", .optional(directive.subject)), ("variants", .strings(directive.variants)),
            (
                "cited_by",
                .array(
                    directive.citedBy.map {
                        .object([
                            ("document", .string(site.documents[$0.document].source.id)),
                            ("relation", .string($0.relation.rawValue))
                        ])
                    })
            )
        ])
    }

    /// Every unit with items and every round: each item with its status and the documents that
    /// disclose it. Deadlines and publication dates only: no "today" (the build reads no clock).
    private func compliance() -> PrettyJSON {
        let catalogue = site.settings.obligations
        let units = site.compliance.map { compliance -> PrettyJSON in
            let unit = site.units[compliance.unit].unit
            let rounds = compliance.rounds.map { round -> PrettyJSON in
                let items = round.items.map { disclosure -> PrettyJSON in
                    let item = disclosure.item
                    return .object([
                        ("slug", .string(item.slug)), ("name", .string(item.name)), ("article", .string(item.article)),
                        ("verified", .bool(item.verified)), ("group", .string(item.group)),
                        ("period_kind", .string(item.period.rawValue)),
                        ("period", .optional(disclosure.period)),
                        ("deadline", .optional(disclosure.deadline?.date.iso)),
                        ("counted", .bool(disclosure.isCounted)), ("status", .string(disclosure.status.rawValue)),
                        ("days_late", disclosure.daysLate.map(PrettyJSON.number) ?? .null),
                        ("reason", .optional(disclosure.reason)),
                        (
                            "documents",
                            .array(
                                disclosure.documents.map { index in
                                    let source = site.documents[index].source
                                    return .object([
                                        ("id", .string(source.id)), ("published", .optional(source.published?.iso))
                                    ])
                                })
                        )
                    ])
                }
                return .object([
                    ("round", .number(round.year)), ("deadline", .string(round.deadline.date.iso)),
                    ("counted", .number(round.counted.count)), ("disclosed", .number(round.disclosedCount)),
                    ("items", .array(items))
                ])
            }
            return .object([
                ("unit", .string(unit.id)), ("name", .string(unit.name)), ("kind", .string(unit.kind)),
                ("url", .string(site.units[compliance.unit].url)), ("rounds", .array(rounds))
            ])
        }
        return .object([
            ("circular", .string(catalogue.circular)), ("first_round", .number(catalogue.firstRound)),
            ("rounds", .array(site.rounds.map(PrettyJSON.number))), ("units", .array(units))
        ])
    }

    private func unit(_ index: Int) -> PrettyJSON {
        let unit = site.units[index]
        return .object([
            ("id", .string(unit.unit.id)), ("name", .string(unit.unit.name)), ("kind", .string(unit.unit.kind)),
            ("url", .string(unit.url)), ("district", .optional(unit.unit.district)),
            ("province", .optional(unit.unit.province))
        ])
    }
}
