import Testing

@testable import CongKhai

/// A comment left open hides the rest of the body: `check` says where it starts.
@Suite struct UnclosedCommentTests {
    @Test func theLineOfTheCommentLeftOpen() {
        #expect(DocumentChecks.unclosedCommentLine("Thân.\n\n<!-- phụ lục -->\n\nBảng.\n") == nil)
        #expect(DocumentChecks.unclosedCommentLine("Thân.\n\n<!-- phụ lục ->\n\nBảng.\n") == 3)
        #expect(DocumentChecks.unclosedCommentLine("<!-- a -->\nx\n<!-- b -->\n\n<!-- phụ lục\n\ny\n") == 5)
        #expect(DocumentChecks.unclosedCommentLine("Không có ghi chú.") == nil)
    }
}
