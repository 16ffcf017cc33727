import Testing

@testable import VietText

/// The one table of document types: every reader of types (the citation scanner, import's
/// layout recogniser, the portal's kinds) takes its names, codes and kinds from it, so a code or
/// an abbreviation must name one type, and a kind one type.
@Suite struct DocumentTypeTests {
    @Test func aCodeAnAbbreviationAndAKindEachNameOneType() {
        let codes = DocumentType.all.flatMap(\.codes)
        #expect(codes.count == Set(codes).count, "a code in two types")
        let abbreviations = DocumentType.all.flatMap(\.abbreviations)
        #expect(abbreviations.count == Set(abbreviations).count, "an abbreviation in two types")
        let kinds = DocumentType.all.compactMap(\.kind)
        #expect(kinds.count == Set(kinds).count, "a kind in two types")
        let spellings = DocumentType.all.flatMap(\.spellings)
        #expect(spellings.count == Set(spellings).count, "a spelling in two types")
    }

    @Test func codesAreFoldedCapitalsAsNumbersAreKeyed() {
        for code in DocumentType.all.flatMap(\.codes) {
            #expect(DocumentNumber.symbolKey(code) == code, "\(code)")
        }
        // The forms Nghị định 30/2020 prints: "QĐ", "QyĐ", "TTr".
        #expect(DocumentType.byCode[DocumentNumber.symbolKey("QĐ")]?.name == "Quyết định")
        #expect(DocumentType.byCode[DocumentNumber.symbolKey("QyĐ")]?.kind == "quy-dinh")
        #expect(DocumentType.byCode[DocumentNumber.symbolKey("TTr")]?.kind == "to-trinh")
    }

    @Test func thePortalsKindsAreTheTablesInItsOrder() {
        #expect(Catalogue.builtInDocumentKinds.map(\.slug) == DocumentType.kinds.compactMap(\.kind))
        #expect(Catalogue.builtInDocumentKinds.first?.name == "Kế hoạch")
        #expect(Catalogue().documentKind("khac")?.name == "Văn bản khác")
        // Every kind a school files is one it prints on a type line, except the catch-all.
        #expect(DocumentType.kinds.filter { !$0.printed }.compactMap(\.kind) == ["khac"])
    }
}
