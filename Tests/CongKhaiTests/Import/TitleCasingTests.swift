import Testing
@testable import CongKhai

@Suite struct TitleCasingTests {
    @Test func vietnameseSyllablesAndAbbreviations() {
        for word in ["giáo", "nghiêng", "trường", "quốc", "gì", "khuỷu", "an", "y", "đào", "chuyên"] {
            #expect(TitleCasing.isSyllable(word), "\(word)")
        }
        for word in ["ubnd", "thcs", "gdđt", "stem", "covid", "atgt", "khxh", "mn"] {
            #expect(!TitleCasing.isSyllable(word), "\(word)")
        }
    }

    @Test func wordsFollowTheirNeighboursInTheText() {
        let casing = TitleCasing(evidence: [
            "Phòng Giáo dục và Đào tạo tổ chức bồi dưỡng giáo viên dạy môn tiếng Việt.",
            "Các cơ sở giáo dục thực hiện theo hướng dẫn của Sở Giáo dục và Đào tạo.",
        ])
        // "Sở Giáo dục" but "giáo viên", "cơ sở giáo dục": the word before, then after, decides.
        #expect(casing.sentenceCased("BỒI DƯỠNG GIÁO VIÊN MÔN TIẾNG VIỆT CỦA SỞ GIÁO DỤC VÀ ĐÀO TẠO")
            == "Bồi dưỡng giáo viên môn tiếng Việt của Sở Giáo dục và Đào tạo")
        #expect(casing.sentenceCased("CÁC CƠ SỞ GIÁO DỤC") == "Các cơ sở giáo dục")
        // A heading line in capitals tells nothing; the first word of a sentence neither.
        let headings = TitleCasing(evidence: ["I. MỤC ĐÍCH, YÊU CẦU", "Mục đích của kế hoạch."])
        #expect(headings.sentenceCased("MỤC ĐÍCH YÊU CẦU") == "Mục đích yêu cầu")
        // A lone Latin letter is a label, but "y" is a word; words not in capitals stay.
        #expect(headings.sentenceCased("HỘI THI KHỐI A VÀ CÔNG TÁC Y TẾ Thời điểm tháng 10") == "Hội thi khối A và công tác y tế Thời điểm tháng 10")
        #expect(!TitleCasing.isShouted("Kế hoạch THCS"))
        #expect(TitleCasing.isShouted("KẾ HOẠCH 2024"))
    }
}
