import Testing

@testable import CongKhai

/// A search result's excerpt: the document's telling opening, cut after a word.
@Suite struct ExcerptTests {
    @Test func skipsTheGroundsAndCutsAfterAWord() {
        let rendered = MarkdownRenderer().render(
            """
            Căn cứ Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về tiếp tục tăng cường công tác dân vận;

            Ngắn.

            Trường tiểu học An Phước   xây dựng kế hoạch thực hiện công tác “Dân vận chính quyền” năm 2024, với những nội dung cụ thể như sau: nâng cao nhận thức, trách nhiệm của cán bộ, giáo viên, nhân viên, người lao động trong việc thực hiện công tác dân vận.
            """)
        let excerpt = rendered.excerpt
        #expect(excerpt.hasPrefix("Trường tiểu học An Phước xây dựng kế hoạch"))
        #expect(excerpt.hasSuffix("…") && excerpt.unicodeScalars.count <= Excerpt.maxLength + 1)
        // Cut after a whole word, without a comma or a space before the ellipsis.
        let beforeEllipsis = excerpt.dropLast()
        #expect(!beforeEllipsis.hasSuffix(",") && !beforeEllipsis.hasSuffix(" "))
        let source =
            "Trường tiểu học An Phước xây dựng kế hoạch thực hiện công tác “Dân vận chính quyền” năm 2024, với những nội dung cụ thể như sau: nâng cao nhận thức, trách nhiệm của cán bộ, giáo viên, nhân viên, người lao động trong việc thực hiện công tác dân vận."
        #expect(source.hasPrefix(String(beforeEllipsis)))
        let next = source.dropFirst(beforeEllipsis.count).first
        #expect(next == " " || next == ",")
        // A short text is whole; one made only of grounds gives its first paragraph.
        #expect(Excerpt.cut("Thông báo  tuyển sinh.") == "Thông báo tuyển sinh.")
        #expect(MarkdownRenderer().render("Căn cứ Luật Giáo dục năm 2019;").excerpt == "Căn cứ Luật Giáo dục năm 2019;")
    }
}
