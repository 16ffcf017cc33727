import Foundation
import VietText

/// A file of the open data (api/*.json), keyed by the fields it shows, not the sources: an edit
/// of a body leaves it as it is.
struct OpenDataFile: PageKind {
    static let keyReadsEverything = true
    let file: OpenData.File

    var isPage: Bool { false }

    static func pages(_ site: SiteModel, _ contexts: PageContexts) -> [OpenDataFile] {
        OpenData.File.allCases.map(OpenDataFile.init)
    }

    func path(_ site: SiteModel) -> String { file.path }

    func render(_ page: PageRendering) -> Data { OpenData(site: page.site).data(of: file) }

    func key(_ hasher: inout PageKeyHasher) -> Bool {
        switch file {
        case .documents:
            // The fields it shows, not the sources: an edit of a body leaves it as it is.
            hasher.add("open-data-documents")
            // The directives each document cites, by their places: every directive's key once.
            hasher.add(hasher.site.directives.count)
            for index in hasher.site.directives.indices { hasher.add(hasher.site.directives[index].key) }
            hasher.add(hasher.site.documents.count)
            // Read in place, one by one: this runs over every document on every build, and a
            // SiteDocument copied per iteration retains its every field.
            for index in hasher.site.documents.indices {
                let source = hasher.site.documents[index].source
                hasher.add(hasher.documentIDs[index])
                hasher.add(hasher.site.documents[index].url)
                for field in [source.unitID, source.kind, source.title, source.schoolYear] { hasher.add(field) }
                hasher.add(source.number)
                hasher.add(source.issued)
                hasher.add(source.categories)
                let places = hasher.site.documents[index].directivePlaces
                hasher.add(places.count)
                for place in places { hasher.add(Int(place)) }
            }
            return true
        case .directives:
            hasher.add("open-data-directives")
            // The documents citing each, by their places: every document's id once.
            hasher.add(hasher.documentIDs)
            hasher.add(hasher.site.directives.count)
            for index in hasher.site.directives.indices {
                hasher.add(hasher.directiveShown[index])
                hasher.add(hasher.site.directives[index].citedBy.count)
                for entry in hasher.site.directives[index].citedBy {
                    hasher.add(entry.document)
                    hasher.add(entry.relation == .basis ? 1 : 0)
                }
            }
            return true
        case .units:
            hasher.add("open-data-units")
            hasher.add(hasher.site.units.count)
            for unit in hasher.site.units {
                guard let key = unit.unit.inputKey else { return false }
                hasher.add(unit.url)
                hasher.add(key)
            }
            return true
        case .compliance:
            // Made of every unit's documents and unit.yaml (and the catalogue, in the global key).
            hasher.add("open-data-compliance")
            hasher.add(hasher.site.rounds.map(String.init))
            hasher.add(hasher.site.compliance.count)
            for compliance in hasher.site.compliance {
                guard hasher.addUnit(compliance.unit, documents: hasher.site.units[compliance.unit].documents) else {
                    return false
                }
            }
            return true
        }
    }
}
