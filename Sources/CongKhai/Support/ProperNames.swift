/// Names whose spelling the state format fixes, whatever case a text prints them in: the bodies
/// documents cite most ("Bộ Chính trị", "Thủ tướng Chính phủ") and the names school documents
/// put in their subjects ("Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Ngày Nhà giáo Việt Nam",
/// "tiếng Việt").
enum ProperNames {
    struct Name: Sendable {
        var words: [String]
        var lowered: [String]
    }

    /// The bodies, longest first when matching.
    static let bodies = names([
        "Ban Chấp hành Trung ương Đảng", "Ban Chấp hành Trung ương", "Bộ Chính trị", "Ban Bí thư",
        "Thủ tướng Chính phủ", "Chính phủ", "Quốc hội", "Ủy ban Thường vụ Quốc hội",
        "Bộ trưởng Bộ Giáo dục và Đào tạo", "Bộ Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo", "Phòng Giáo dục và Đào tạo",
        "Ủy ban nhân dân", "Hội đồng nhân dân", "Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Huyện ủy", "Ban Thường vụ Thành ủy",
        "Tỉnh ủy", "Huyện ủy", "Thành ủy", "Đảng ủy",
    ])

    /// The bodies and the names of organisations, days and campaigns, longest first.
    static let all = names(bodies.map { $0.words.joined(separator: " ") } + [
        "Việt Nam", "Hồ Chí Minh", "Bác Hồ", "Đảng Cộng sản Việt Nam",
        "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Đoàn Thanh niên", "Đội Thiếu niên Tiền phong Hồ Chí Minh", "Đội Thiếu niên",
        "Ngày Nhà giáo Việt Nam", "Ngày Phụ nữ Việt Nam", "Quân đội nhân dân Việt Nam", "Mặt trận Tổ quốc Việt Nam",
        "Mặt trận Tổ quốc", "Công đoàn Việt Nam", "Hội Liên hiệp Phụ nữ", "Hội Cựu chiến binh", "Hội Khuyến học",
        "Hội Chữ thập đỏ", "Hội khỏe Phù Đổng", "Tết Nguyên đán", "Tết Trung thu", "Quốc khánh", "Giải phóng miền Nam",
        "tiếng Việt", "tiếng Anh",
    ])

    private static func names(_ spelled: [String]) -> [Name] {
        spelled.map { name in
            let words = name.split(separator: " ").map(String.init)
            return Name(words: words, lowered: words.map { $0.lowercased() })
        }.sorted { $0.words.count > $1.words.count }
    }

    /// Where `lowered` (words in lowercase) holds one of `names`, left to right, longest first,
    /// without overlaps.
    static func matches(in lowered: [String], names: [Name]) -> [(range: Range<Int>, name: Name)] {
        var found: [(range: Range<Int>, name: Name)] = []
        var index = 0
        while index < lowered.count {
            if let name = names.first(where: { name in
                index + name.lowered.count <= lowered.count && name.lowered.elementsEqual(lowered[index..<index + name.lowered.count])
            }) {
                found.append((index..<index + name.lowered.count, name))
                index += name.lowered.count
            } else {
                index += 1
            }
        }
        return found
    }
}
