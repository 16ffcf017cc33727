import TestSupport
import Testing

@testable import VietText

/// White space collapsed in place gives what splitting at white space and joining with single
/// spaces gives.
@Suite struct CollapseWhitespaceTests {
    static func reference(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" || ("\t"..."\r").contains($0) || $0 == "\r\n" })
            .joined(separator: " ")
    }

    @Test func runsBecomeOneSpaceAndEndsAreTrimmed() throws {
        var texts = try TestPaths.seedFiles().map { try String(contentsOf: $0, encoding: .utf8) }
        texts += [
            "", " ", "\u{A0}", " \n\t ", "Căn cứ\u{A0}\u{A0}Luật  Giáo dục\r\n2019 ", "\u{A0}Đồng ý\u{A0}",
            "a\u{A0}b", "Điều\n1", "Số: 33/CT-TTg\u{C2}", "x \u{A0} y", "ổn"
        ]
        for text in texts {
            #expect(
                VietnameseText.collapseWhitespace(text) == Self.reference(text), "\(text.prefix(40).debugDescription)")
            let bytes = Array(text.utf8)
            let collapsed = bytes.withUnsafeBufferPointer { VietnameseText.collapseWhitespace(utf8: $0) }
            #expect(collapsed == Self.reference(text), "\(text.prefix(40).debugDescription)")
        }
        #expect(VietnameseText.collapseWhitespace("  Chỉ thị \n số 33 ") == "Chỉ thị số 33")
    }
}
