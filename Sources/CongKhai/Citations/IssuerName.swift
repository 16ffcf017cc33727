/// The usual spelling of the bodies documents cite most: "của Bộ chính trị", "của thủ tướng
/// chính phủ", "của ban thường vụ tỉnh ủy" name the same bodies as "Bộ Chính trị", "Thủ tướng
/// Chính phủ", "Ban Thường vụ Tỉnh ủy", and a directive's page should say so one way. Only the
/// case of these names changes; any other word stays as printed.
enum IssuerName {
    /// Names as their bodies write them, longest first when matching.
    static let canonical: [[String]] = [
        "Ban Chấp hành Trung ương Đảng", "Ban Chấp hành Trung ương", "Bộ Chính trị", "Ban Bí thư",
        "Thủ tướng Chính phủ", "Chính phủ", "Quốc hội", "Ủy ban Thường vụ Quốc hội",
        "Bộ trưởng Bộ Giáo dục và Đào tạo", "Bộ Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo", "Phòng Giáo dục và Đào tạo",
        "Ủy ban nhân dân", "Hội đồng nhân dân", "Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Huyện ủy", "Ban Thường vụ Thành ủy",
        "Tỉnh ủy", "Huyện ủy", "Thành ủy", "Đảng ủy",
    ].map { $0.split(separator: " ").map(String.init) }.sorted { $0.count > $1.count }

    static func normalised(_ issuer: String) -> String {
        var words = issuer.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let lowered = words.map { $0.lowercased() }
        var index = 0
        while index < words.count {
            if let name = canonical.first(where: { name in
                index + name.count <= words.count && zip(name, lowered[index...]).allSatisfy { $0.lowercased() == $1 }
            }) {
                words.replaceSubrange(index..<index + name.count, with: name)
                index += name.count
            } else {
                index += 1
            }
        }
        return words.joined(separator: " ")
    }
}
