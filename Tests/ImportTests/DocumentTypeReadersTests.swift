import Testing
import VietText

@testable import Citations
@testable import Import

/// The citation scanner and import read a document's type from the same table: a number's type
/// code names one type in a citation and the same kind in an imported document, and a type line
/// import reads is a type the scanner knows by name.
@Suite struct DocumentTypeReadersTests {
    @Test func aTypeCodeNamesTheSameTypeInACitationAndInImport() throws {
        var checked = 0
        for type in DocumentType.all {
            for code in type.codes {
                // The code as it is printed: "12/KH-THX".
                let number = "12/\(code)-THX"
                let cited = CitationScanner().scan("Thực hiện văn bản số \(number) ngày 05/9/2024 của Trường.")
                    .citations
                #expect(cited.first?.type == type.name, "\(number) cited as \(cited.first?.type ?? "nothing")")
                let imported = ImportRecognition.recognise(
                    "TRƯỜNG TIỂU HỌC THỬ\nSố: \(number)\n\nNội dung của văn bản, viết thành một câu dài.\n")
                #expect(imported.number == number)
                #expect(
                    imported.kind == type.kind,
                    "\(number) imported as \(imported.kind ?? "no kind"), \(type.name) is \(type.kind ?? "no kind")")
                checked += 1
            }
        }
        #expect(checked == DocumentType.byCode.count)
    }

    @Test func aTypeLineImportReadsIsATypeTheScannerNames() {
        for type in DocumentType.all where type.printed {
            let imported = ImportRecognition.recognise(
                "TRƯỜNG TIỂU HỌC THỬ\n\n\(type.name.uppercased())\nVề việc tổ chức hoạt động\n\nNội dung của văn bản, viết thành một câu dài.\n"
            )
            #expect(imported.kind == (type.kind ?? "khac"), "\(type.name)")
            if type.cited {
                let cited = CitationScanner().scan("Căn cứ \(type.name) số 12/ABC ngày 05/9/2024 của Trường.").citations
                #expect(cited.first?.type == type.name, "\(type.name)")
            }
        }
    }
}
