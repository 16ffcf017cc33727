import VietText

/// The usual spelling of the bodies documents cite most: "của Bộ chính trị", "của thủ tướng
/// chính phủ", "của ban thường vụ tỉnh ủy" name the same bodies as "Bộ Chính trị", "Thủ tướng
/// Chính phủ", "Ban Thường vụ Tỉnh ủy", and a directive's page should say so one way. Only the
/// case of these names changes; any other word stays as printed.
enum IssuerName {
    static func normalised(_ issuer: String) -> String {
        var words = issuer.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var changed = false
        for (range, name) in ProperNames.matches(in: words.map(VietnameseText.lowercased), names: ProperNames.bodies)
        where !words[range].elementsEqual(name.words) {
            words.replaceSubrange(range, with: name.words)
            changed = true
        }
        return changed ? words.joined(separator: " ") : issuer
    }
}
