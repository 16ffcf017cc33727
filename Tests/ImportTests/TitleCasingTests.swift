import Testing

@testable import Import

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
            "Các cơ sở giáo dục thực hiện theo hướng dẫn của Sở Giáo dục và Đào tạo."
        ])
        // "Sở Giáo dục" but "giáo viên", "cơ sở giáo dục": the word before, then after, decides.
        #expect(
            casing.sentenceCased("BỒI DƯỠNG GIÁO VIÊN MÔN TIẾNG VIỆT CỦA SỞ GIÁO DỤC VÀ ĐÀO TẠO")
                == "Bồi dưỡng giáo viên môn tiếng Việt của Sở Giáo dục và Đào tạo")
        #expect(casing.sentenceCased("CÁC CƠ SỞ GIÁO DỤC") == "Các cơ sở giáo dục")
        // A heading line in capitals tells nothing; the first word of a sentence neither.
        let headings = TitleCasing(evidence: ["I. MỤC ĐÍCH, YÊU CẦU", "Mục đích của kế hoạch."])
        #expect(headings.sentenceCased("MỤC ĐÍCH YÊU CẦU") == "Mục đích yêu cầu")
        // A lone Latin letter is a label, but "y" is a word; words not in capitals stay.
        #expect(
            headings.sentenceCased("HỘI THI KHỐI A VÀ CÔNG TÁC Y TẾ Thời điểm tháng 10")
                == "Hội thi khối A và công tác y tế Thời điểm tháng 10")
        #expect(!TitleCasing.isShouted("Kế hoạch THCS"))
        #expect(TitleCasing.isShouted("KẾ HOẠCH 2024"))
    }

    @Test func namesTheStateFormatSpellsAndQuotations() {
        // No running text to learn from: the names are still names, a quotation opens with a capital.
        let casing = TitleCasing(evidence: ["Nhà trường thông báo đến phụ huynh học sinh."])
        #expect(
            casing.sentenceCased("TỔNG KẾT CÔNG TÁC ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH NĂM HỌC 2023-2024")
                == "Tổng kết công tác Đoàn Thanh niên Cộng sản Hồ Chí Minh năm học 2023-2024")
        #expect(
            casing.sentenceCased("CHÀO MỪNG NGÀY NHÀ GIÁO VIỆT NAM 20/11") == "Chào mừng Ngày Nhà giáo Việt Nam 20/11")
        #expect(casing.sentenceCased("THỰC HIỆN “NĂM DÂN VẬN KHÉO” 2020") == "Thực hiện “Năm dân vận khéo” 2020")
        // Words printed in lowercase are the writer's, and a name's words apart are no name.
        #expect(casing.sentenceCased("DẠY TIẾNG VIỆT, NAM VÀ NỮ") == "Dạy tiếng Việt, nam và nữ")
        #expect(casing.sentenceCased("TIẾNG ANH LỚP 3") == "Tiếng Anh lớp 3")
        #expect(casing.sentenceCased("HỌC TẬP VÀ LÀM THEO Hồ chí minh") == "Học tập và làm theo Hồ chí minh")
    }
}
