/// Names whose spelling the state format fixes, whatever case a text prints them in: the bodies
/// documents cite most ("Bộ Chính trị", "Thủ tướng Chính phủ") and the names school documents
/// put in their subjects ("Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Ngày Nhà giáo Việt Nam",
/// "tiếng Việt").
package enum ProperNames {
    package struct Name: Sendable {
        package var words: [String]
        package var lowered: [String]
    }

    /// Names by their first word lowercased, longest first: the bodies' names run on every
    /// citation's issuer in a build, and a word that starts no name costs one lookup.
    package struct List: Sendable {
        package let byFirstWord: [String: [Name]]

        package init(_ spelled: [String]) {
            let names = spelled.map { name in
                let words = name.split(separator: " ").map(String.init)
                return Name(words: words, lowered: words.map { $0.lowercased() })
            }.sorted { $0.words.count > $1.words.count }
            byFirstWord = Dictionary(grouping: names) { $0.lowered[0] }
        }
    }

    static let bodyNames = [
        "Ban Chấp hành Trung ương Đảng", "Ban Chấp hành Trung ương", "Bộ Chính trị", "Ban Bí thư",
        "Thủ tướng Chính phủ", "Chính phủ", "Quốc hội", "Ủy ban Thường vụ Quốc hội",
        "Bộ trưởng Bộ Giáo dục và Đào tạo", "Bộ Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo",
        "Phòng Giáo dục và Đào tạo",
        "Ủy ban nhân dân", "Hội đồng nhân dân", "Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Huyện ủy",
        "Ban Thường vụ Thành ủy",
        "Tỉnh ủy", "Huyện ủy", "Thành ủy", "Đảng ủy"
    ]

    /// The bodies.
    package static let bodies = List(bodyNames)

    /// Words that open an issuing body's name: "Bộ Nội vụ", "Ủy ban Dân tộc", "Tổng Liên đoàn".
    package static let bodyHeads: Set<String> = [
        "Bộ", "Ban", "Sở", "Phòng", "Ủy", "Uỷ", "UBND", "Tổng", "Hội", "Liên", "Công", "Văn", "Ngân", "Mặt", "Đoàn"
    ]
    /// The same lowercased, with the heads of a school's or a council's name.
    package static let bodyHeadsInAnyCase: Set<String> = Set(bodyHeads.map { $0.lowercased() }).union([
        "hđnd", "trường", "cục"
    ])

    /// The bodies and the names of organisations, days and campaigns.
    package static let all = List(
        bodyNames + [
            "Việt Nam", "Hồ Chí Minh", "Bác Hồ", "Đảng Cộng sản Việt Nam",
            "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Đoàn Thanh niên", "Đội Thiếu niên Tiền phong Hồ Chí Minh",
            "Đội Thiếu niên",
            "Ngày Nhà giáo Việt Nam", "Ngày Phụ nữ Việt Nam", "Quân đội nhân dân Việt Nam", "Mặt trận Tổ quốc Việt Nam",
            "Mặt trận Tổ quốc", "Công đoàn Việt Nam", "Hội Liên hiệp Phụ nữ", "Hội Cựu chiến binh", "Hội Khuyến học",
            "Hội Chữ thập đỏ", "Hội khỏe Phù Đổng", "Tết Nguyên đán", "Tết Trung thu", "Quốc khánh",
            "Giải phóng miền Nam",
            "tiếng Việt", "tiếng Anh"
        ])

    /// Where `lowered` (words in lowercase) holds one of the names, left to right, longest first,
    /// without overlaps.
    package static func matches(in lowered: [String], names: List) -> [(range: Range<Int>, name: Name)] {
        var found: [(range: Range<Int>, name: Name)] = []
        var index = 0
        while index < lowered.count {
            if let candidates = names.byFirstWord[lowered[index]],
                let name = candidates.first(where: { name in
                    index + name.lowered.count <= lowered.count
                        && name.lowered.elementsEqual(lowered[index..<index + name.lowered.count])
                })
            {
                found.append((index..<index + name.lowered.count, name))
                index += name.lowered.count
            } else {
                index += 1
            }
        }
        return found
    }
}
