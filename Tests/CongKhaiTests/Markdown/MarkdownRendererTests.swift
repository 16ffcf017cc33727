import Foundation
import TestSupport
import Testing

@testable import CongKhai
@testable import VietText

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test func gfmExtensionsAreOn() {
        let html = renderer.render("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~bỏ~~ và https://moet.gov.vn\n").html
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>bỏ</del>"))
        #expect(html.contains("<a href=\"https://moet.gov.vn\">"))
    }

    @Test func rawHTMLAndScriptsNeverPassThrough() {
        let html = renderer.render(
            """
            <script>alert(1)</script>

            Đoạn <img src=x onerror=alert(1)> văn.

            [bấm](javascript:alert(1)) [dữ liệu](data:text/html,<script>alert(1)</script>) [trích](congkhai-cite:0)
            """
        ).html
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("data:text"))
        #expect(!html.contains("congkhai-cite:"))
    }

    @Test func citationsBecomePlaceholderLinks() {
        let rendered = renderer.render("Căn cứ Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ.")
        #expect(rendered.citations.count == 1)
        #expect(rendered.html.contains("<a href=\"congkhai-cite:0\">Chỉ thị số 33/CT-TTg</a> ngày 26/11/2021"))
        let resolved = CitationLinks.resolve(rendered.html, keys: ["33-ctttg-2021"]) { "../can-cu/\($0)/index.html" }
        #expect(
            resolved.contains(
                "<a class=\"trich-dan\" href=\"../can-cu/33-ctttg-2021/index.html\">Chỉ thị số 33/CT-TTg</a>"))
    }

    @Test func citationInsideAnAuthorLinkStaysAsWritten() {
        let rendered = renderer.render("[Chỉ thị số 33/CT-TTg](https://vanban.chinhphu.vn/33)")
        #expect(rendered.citations.count == 1)
        #expect(rendered.html.contains("<a href=\"https://vanban.chinhphu.vn/33\">Chỉ thị số 33/CT-TTg</a>"))
    }

    @Test func overWideTablesAreDefused() {
        let row = "|" + String(repeating: " x |", count: 5_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = renderer.render(row + "\n" + row + "\n") }
        #expect(elapsed < .seconds(5))
    }

    /// Debian's cmark-gfm corrupts output when two threads finish parsing at once; the lock
    /// must make concurrent output equal to one-at-a-time output.
    @Test func concurrentRenderingEqualsSerialRendering() throws {
        let bodies = try TestPaths.seedFiles().map { try SourceText.read($0) }
        let extra = (0..<40).map {
            "Đoạn ~~gạch~~ số \($0) với https://example.vn/\($0) và **đậm** _nghiêng_.\n\n| a | b |\n|---|---|\n| \($0) | x |\n"
        }
        let inputs = Array(repeating: bodies + extra, count: 6).flatMap { $0 }
        let serial = inputs.map { renderer.render($0).html }
        let parallel = ParallelMap.map(inputs) { renderer.render($0).html }
        #expect(serial == parallel)
        #expect(serial.contains { $0.contains("<del>gạch</del>") })
    }

    /// A table goes in a focusable region that scrolls on a phone; the words "<table>" typed in
    /// a text stay text, escaped, and open no region.
    @Test func tablesScrollInTheirOwnRegion() {
        let html = MarkdownRenderer().render(
            "| STT | Khoản thu | Mức thu (đồng) |\n|---|---|---|\n| 1 | Học phí | 150.000 |\n\nGõ <table> và </table> vào văn bản.\n"
        ).html
        #expect(html.hasPrefix(BodyMarkup.tableOpen + "\n<thead>"))
        #expect(html.components(separatedBy: "class=\"table-scroll\"").count == 2)
        #expect(html.contains("</tbody>\n" + BodyMarkup.tableClose))
        // Raw HTML never passes: the typed tags are omitted, and no second region opens.
        #expect(html.contains("Gõ <!-- raw HTML omitted --> và <!-- raw HTML omitted --> vào văn bản."))
    }

    /// Each heading gets an anchor from its words, unique on the page (body and appendix alike),
    /// for the table of contents; text that looks like a heading tag stays text.
    @Test func headingsAreAnchored() {
        let rendered = MarkdownRenderer().render(
            """
            ## I. MỤC ĐÍCH, YÊU CẦU

            ### 1. Mục đích

            Gõ <h2> trong văn bản.

            ### 1. Mục đích

            <!-- phụ lục -->

            ## DANH MỤC VĂN BẢN
            """)
        #expect(rendered.html.contains("<h2 id=\"muc-i-muc-dich-yeu-cau\">I. MỤC ĐÍCH, YÊU CẦU</h2>"))
        #expect(rendered.html.contains("<h3 id=\"muc-1-muc-dich\">1. Mục đích</h3>"))
        #expect(rendered.html.contains("<h3 id=\"muc-1-muc-dich-2\">1. Mục đích</h3>"))
        #expect(rendered.html.contains("Gõ <!-- raw HTML omitted --> trong văn bản."))
        #expect(rendered.appendices == ["<h2 id=\"muc-danh-muc-van-ban\">DANH MỤC VĂN BẢN</h2>\n"])
        #expect(
            rendered.headings.map(\.id) == [
                "muc-i-muc-dich-yeu-cau", "muc-1-muc-dich", "muc-1-muc-dich-2", "muc-danh-muc-van-ban"
            ])
    }

    /// The marker, written any way a clerk might (accents or not, spaces, case), starts an
    /// appendix; each further one starts another; the citations of an appendix are linked in
    /// the same numbering as the body's; a comment of other words is only omitted.
    @Test func appendixMarkerSplitsTheBody() {
        let rendered = MarkdownRenderer().render(
            """
            Căn cứ Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ.

            <!-- ghi chú -->

            <!--Phu Luc-->

            1/ Kế hoạch số 135/KH-UBND ngày 09/4/2024 của Ủy ban nhân dân huyện Tân Hồng;

            <!--   PHỤ LỤC   -->

            Bảng 2.
            """)
        #expect(rendered.appendices.count == 2)
        #expect(rendered.html.contains("congkhai-cite:0") && rendered.html.contains("<!-- raw HTML omitted -->"))
        #expect(!rendered.html.contains("135/KH-UBND"))
        #expect(rendered.appendices[0].contains("congkhai-cite:1\"") && rendered.appendices[0].contains("135/KH-UBND"))
        #expect(rendered.appendices[1] == "<p>Bảng 2.</p>\n")
        #expect(rendered.citations.count == 2)
        #expect(
            !(rendered.appendices + [rendered.html]).contains {
                $0.lowercased().contains("phụ lục") || $0.lowercased().contains("phu luc")
            })
    }

    /// A marker indented or with its label counts; one at the end or twice in a row starts no
    /// empty appendix; one inside a list stays text of the body (omitted, like any comment);
    /// footnotes stay with the body.
    @Test func appendixMarkerEdgeCases() {
        let labelled = MarkdownRenderer().render(
            "Thân.\n\n  <!-- Phụ lục II -->\n\nBảng.\n\n<!-- phu luc -->\n\n<!-- phu luc -->\n")
        #expect(labelled.appendices == ["<p>Bảng.</p>\n"])
        let inList = MarkdownRenderer().render("- một\n\n  <!-- phụ lục -->\n\n  hai\n")
        #expect(inList.appendices.isEmpty && inList.html.contains("hai"))
        let notes = MarkdownRenderer().render("Thân[^1].\n\n[^1]: Chú thích.\n\n<!-- phụ lục -->\n\nPhụ lục.\n")
        #expect(notes.html.contains("Chú thích.") && notes.html.contains("footnotes"))
        #expect(notes.html.contains("aria-label=\"Quay lại nội dung\"") && !notes.html.contains("Back to content"))
        #expect(notes.appendices == ["<p>Phụ lục.</p>\n"])
        // Words other than "phụ lục" in a comment are no marker.
        #expect(MarkdownRenderer().render("A\n\n<!-- phụ lục này xem sau nhé -->\n\nB\n").appendices.isEmpty)
    }

    /// An anchor made by a repeat never takes a heading's own: "Phụ lục", "Phụ lục", "Phụ lục 2".
    @Test func repeatedHeadingsKeepAnchorsUnique() {
        let rendered = MarkdownRenderer().render("## Phụ lục\n\n## Phụ lục\n\n## Phụ lục 2\n\n##\n")
        let ids = rendered.headings.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.prefix(3) == ["muc-phu-luc", "muc-phu-luc-2", "muc-phu-luc-2-2"])
    }
}
