import Testing

@testable import CongKhai

/// The citations of a body as the Markdown stage hands them to the scanner: across emphasis,
/// soft line breaks and the blank lines a PDF page break leaves.
@Suite struct MarkdownCitationTests {
    @Test func emphasisAndLineBreaksDoNotHideCitations() {
        let rendered = MarkdownRenderer().render(
            "Căn cứ **Kế hoạch số 135/KH-UBND**, ngày 09 tháng 04\nnăm 2024 của Ủy ban nhân dân\nhuyện Tân Hồng về việc thực hiện."
        )
        #expect(rendered.citations.count == 1)
        #expect(rendered.citations.first?.date?.iso == "2024-04-09")
        #expect(rendered.citations.first?.issuer == "Ủy ban nhân dân huyện Tân Hồng")
        #expect(rendered.citations.first?.line == 1)
    }

    @Test func aPageBreakInsideACitationDoesNotHideIt() {
        let text =
            "Tiếp tục thực hiện Quyết định số 311-QĐ/TU ngày 06 tháng 01 năm 2022 của Ban Thường vụ\n\n\n\ntỉnh ủy ban hành quy chế.\n\nKế hoạch số 12/KH-UBND\n\nHướng dẫn"
        let rendered = MarkdownRenderer().render(text)
        // Across the break, and in its usual spelling (IssuerName).
        #expect(rendered.citations.first?.issuer == "Ban Thường vụ Tỉnh ủy")
        #expect(rendered.citations.map(\.line) == [1, 7])
    }
}
