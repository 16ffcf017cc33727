import Testing

@testable import CongKhai

/// Paragraphs broken by a page break are joined as they were when their text was read by
/// Characters: what ends a sentence and what starts in lowercase, now read from the bytes
/// where they are ASCII.
@Suite struct TextBlocksTests {
    private func paragraph(_ text: String) -> TextBlock {
        let block = TextBlock(line: 1, isParagraph: true)
        text.withCString { block.append($0, node: nil) }
        return block
    }

    /// The rule as it was, on Strings.
    private func joinsByCharacters(_ previous: String, _ next: String) -> Bool {
        guard let last = previous.last(where: { !$0.isWhitespace }), !".;:!?”\")".contains(last),
            let first = next.first(where: { !$0.isWhitespace }), first.isLowercase
        else { return false }
        return true
    }

    @Test func joinsAsTheCharacterWiseRule() {
        let endings = [
            "theo Chỉ thị số", "hết.", "hết;", "hết:", "hỏi?", "“trích”", "(ghi chú)", "\"x\"", "năm 2024 ",
            "chữ\u{A0}",
            "mục ạ", "kết thúc …", "chữ\u{3000}", "a\u{301}", "", "   ", "số 12/"
        ]
        let openings = [
            "33/CT-TTg ngày", "được ban hành", "Được ban hành", "  tiếp theo", "\u{A0}tiếp", "1. Mục", "đ", "Đ", "ấy",
            "\u{301}a", "", " ", "“trích”", "x"
        ]
        var joined = 0
        for ending in endings {
            for opening in openings {
                let blocks = TextBlocks.joinBrokenParagraphs([paragraph(ending), paragraph(opening)])
                let expected = joinsByCharacters(ending, opening)
                #expect((blocks.count == 1) == expected, "\(ending.debugDescription) + \(opening.debugDescription)")
                if blocks.count == 1 {
                    #expect(blocks[0].text == ending + "\n" + opening)
                    joined += 1
                }
            }
        }
        #expect(joined > 10)
    }
}
