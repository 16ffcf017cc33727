import Testing

@testable import Import

/// The place and date line as schools type it.
@Suite struct PlaceAndDateTests {
    @Test func wordsFiguresAndBlanks() {
        let lines: [(String, place: String?, iso: String?)] = [
            ("Tân Hồng, ngày 31 tháng 05 năm 2024", "Tân Hồng", "2024-05-31"),
            ("Hà Nội ngày 15 tháng 9 năm 2024", "Hà Nội", "2024-09-15"),
            ("TP. Hồ Chí Minh, ngày 15 tháng 09 năm 2024.", "TP. Hồ Chí Minh", "2024-09-15"),
            ("Hà Nội, ngày 15 tháng 9, năm 2024", "Hà Nội", "2024-09-15"),
            ("Hà Nội, ngày   tháng 4 năm 2024", "Hà Nội", "2024-04"),
            // In figures.
            ("Hà Nội, ngày 15/9/2024", "Hà Nội", "2024-09-15"),
            ("Đại Nài, ngày 15-7-2022", "Đại Nài", "2022-07-15"),
            ("Hà Nội, ngày 15.09.2024", "Hà Nội", "2024-09-15"),
            // No such day: the place stays, the date does not.
            ("Hà Nội, ngày 31/2/2024", "Hà Nội", nil)
        ]
        for (line, place, iso) in lines {
            let found = LayoutRecognizer.placeAndDate(in: line)
            #expect(found?.place == place, "\(line)")
            #expect(found?.date?.iso == iso, "\(line)")
        }
        // Mixed separators are no date; a sentence is no date line.
        #expect(LayoutRecognizer.placeAndDate(in: "Hà Nội, ngày 15/9-2024") == nil)
        #expect(
            LayoutRecognizer.placeAndDate(in: "Cuộc họp kết thúc vào lúc 16 giờ ngày 20 tháng 9 năm 2024 tại phòng họp")
                == nil)
    }
}
