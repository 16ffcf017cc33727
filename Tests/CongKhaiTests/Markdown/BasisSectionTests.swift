import Foundation
import Testing

@testable import Citations
@testable import CongKhai

/// Documents listed under a "Căn cứ" heading are bases though the items do not repeat "Căn cứ";
/// written from the layouts of school plans (domain.md), in Markdown and in plain text.
@Suite struct BasisSectionTests {
    func relations(_ markdown: String) -> [String: Citation.Relation] {
        let citations = MarkdownRenderer().render(markdown).citations
        return Dictionary(citations.map { ($0.symbol, $0.relation) }) { first, _ in first }
    }

    @Test func itemsUnderAMarkdownHeadingAreBases() {
        let found = relations(
            """
            ## I. CĂN CỨ XÂY DỰNG KẾ HOẠCH

            Quyết định số 04/QĐ-TTg ngày 27/3/2015 của Thủ tướng Chính phủ về phê duyệt Đề án;

            ### 1. Văn bản của ngành

            - Công văn số 3898/BGDĐT-GDTH ngày 30/7/2024 của Bộ Giáo dục và Đào tạo, trên cơ sở văn bản 2345/BGDĐT-GDTH;

            ## II. NHIỆM VỤ

            Công văn số 1841/SGDĐT-GDTH ngày 21/8/2024 đã hướng dẫn các nhiệm vụ sau.
            """)
        #expect(found["04/QĐ-TTg"] == .basis)
        // A deeper heading stays inside the section.
        #expect(found["3898/BGDĐT-GDTH"] == .basis)
        // Mentioned inside an item, not listed.
        #expect(found["2345/BGDĐT-GDTH"] == .reference)
        // The next heading of the same level ends the section.
        #expect(found["1841/SGDĐT-GDTH"] == .reference)
    }

    @Test func itemsUnderAHeadingLineOfPlainTextAreBases() {
        // Plain text read as Markdown: the heading and its items are one paragraph.
        let found = relations(
            """
            I. Căn cứ xây dựng kế hoạch.
            Thông tư 28/2020/TT-BGDĐT ngày ngày 04 tháng 9 năm 2020 về việc Ban hành điều lệ trường Tiểu học;
            - Quyết định số 2082/QĐ-UBND ngày 14/8/2024 của UBND tỉnh Nghệ An v/v ban hành khung thời gian năm học;
            Thông tư số 52/2020/TT-BGDĐT ngày 31/12/2020 về Điều lệ. Chỉ thị số 800/CT-BGDĐT ngày 24/8/2021 của Bộ GD&ĐT.
            II. MỤC ĐÍCH, YÊU CẦU
            Công văn số 1841/SGDĐT-GDTH ngày 21/8/2024 đã hướng dẫn các nhiệm vụ sau.
            """)
        #expect(found["28/2020/TT-BGDĐT"] == .basis)
        #expect(found["2082/QĐ-UBND"] == .basis)
        #expect(found["52/2020/TT-BGDĐT"] == .basis)
        // A sentence that opens with a citation after "." on the same line.
        #expect(found["800/CT-BGDĐT"] == .basis)
        #expect(found["1841/SGDĐT-GDTH"] == .reference)
    }

    @Test func aClauseOpeningWithCanCuIsNoHeading() {
        let found = relations(
            """
            Căn cứ tình hình thực tế của nhà trường.

            Công văn số 1841/SGDĐT-GDTH ngày 21/8/2024 đã hướng dẫn các nhiệm vụ sau.
            """)
        #expect(found["1841/SGDĐT-GDTH"] == .reference)
        #expect(BasisSection.isHeading("CĂN CỨ PHÁP LÝ", isMarkdownHeading: false))
        #expect(BasisSection.isHeading("Căn cứ để xây dựng kế hoạch:", isMarkdownHeading: false))
        #expect(!BasisSection.isHeading("Căn cứ Luật Giáo dục ngày 14/6/2019;", isMarkdownHeading: false))
        #expect(
            !BasisSection.isHeading("Căn cứ kết quả thực hiện nhiệm vụ năm học 2023-2024,", isMarkdownHeading: true))
    }

    /// Markdown makes each "-" line a block of its own; the list of bases runs on across them.
    @Test func aListOfBasesRunsOnFromBlockToBlock() {
        let found = relations(
            """
            Căn cứ Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ;
            - Quyết định số 12/QĐ-UBND ngày 01/02/2023 của UBND huyện;
            - Trường xây dựng theo kế hoạch của Quyết định số 13/QĐ-UBND.

            Quyết định số 14/QĐ-UBND đã nêu rõ.

            Căn cứ Luật Giáo dục ngày 14/6/2019;

            - Nghị định số 105/2020/NĐ-CP ngày 08/9/2020 của Chính phủ.

            Nghị định số 81/2021/NĐ-CP quy định học phí.
            """)
        #expect(found["33/CT-TTg"] == .basis)
        #expect(found["12/QĐ-UBND"] == .basis)
        // Inside an item, and after the list has ended with a full stop: references.
        #expect(found["13/QĐ-UBND"] == .reference)
        #expect(found["14/QĐ-UBND"] == .reference)
        // The list's head cites no number.
        #expect(found["105/2020/NĐ-CP"] == .basis)
        #expect(found["81/2021/NĐ-CP"] == .reference)
    }
}
