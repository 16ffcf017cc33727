/// The usual spelling of the bodies documents cite most: "của Bộ chính trị", "của thủ tướng
/// chính phủ", "của ban thường vụ tỉnh ủy" name the same bodies as "Bộ Chính trị", "Thủ tướng
/// Chính phủ", "Ban Thường vụ Tỉnh ủy", and a directive's page should say so one way. Only the
/// case of these names changes; any other word stays as printed.
enum IssuerName {
    /// Names as their bodies write them, and their words lowercased, longest first when
    /// matching.
    static let canonical: [(words: [String], lowered: [String])] = [
        "Ban Chấp hành Trung ương Đảng", "Ban Chấp hành Trung ương", "Bộ Chính trị", "Ban Bí thư",
        "Thủ tướng Chính phủ", "Chính phủ", "Quốc hội", "Ủy ban Thường vụ Quốc hội",
        "Bộ trưởng Bộ Giáo dục và Đào tạo", "Bộ Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo", "Phòng Giáo dục và Đào tạo",
        "Ủy ban nhân dân", "Hội đồng nhân dân", "Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Huyện ủy", "Ban Thường vụ Thành ủy",
        "Tỉnh ủy", "Huyện ủy", "Thành ủy", "Đảng ủy",
    ].map { name in
        let words = name.split(separator: " ").map(String.init)
        return (words, words.map { $0.lowercased() })
    }.sorted { $0.words.count > $1.words.count }

    /// The first words of the names: it runs on every citation of a build, and most issuer
    /// words start none.
    private static let firstWords = Set(canonical.map { $0.lowered[0] })

    static func normalised(_ issuer: String) -> String {
        var words = issuer.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let lowered = words.map { $0.lowercased() }
        var index = 0
        var changed = false
        while index < words.count {
            if firstWords.contains(lowered[index]), let name = canonical.first(where: { name in
                index + name.lowered.count <= words.count && name.lowered.elementsEqual(lowered[index..<index + name.lowered.count])
            }) {
                changed = changed || words[index..<index + name.words.count].elementsEqual(name.words) == false
                words.replaceSubrange(index..<index + name.words.count, with: name.words)
                index += name.words.count
            } else {
                index += 1
            }
        }
        return changed ? words.joined(separator: " ") : issuer
    }
}
