import VietText

/// The identity of a cited directive: its symbol with spelling variants folded ("33/CT-TTg" and
/// "33/CTTTg" are one), its year, and for local issuers, whose codes every province and
/// district reuses, the locality ("02/KH-UBND" of huyện Tân Hồng is not that of another district).
public struct DirectiveKey: Hashable, Sendable, Comparable {
    package var symbolKey: String
    package var year: Int?
    package var locality: String?

    package init(symbolKey: String, year: Int?, locality: String?) {
        self.symbolKey = symbolKey
        self.year = year
        self.locality = locality
    }

    /// `locality` is the citing context's locality slug for a local issuer; nil for national ones.
    public init(citation: Citation, locality: String?) {
        self.init(symbolKey: citation.symbolKey, year: citation.year, locality: locality)
    }

    /// "33-ctttg-2021", "02-khubnd-2024-dong-thap-tan-hong": ASCII, URL-safe, stable.
    public var key: String {
        let digits = symbolKey.prefix { $0.isNumber }
        let rest = symbolKey.dropFirst(digits.count).lowercased()
        var parts = [String(digits), rest].filter { !$0.isEmpty }
        if let year { parts.append(String(year)) }
        if let locality, !locality.isEmpty { parts.append(locality) }
        return parts.joined(separator: "-")
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.key < rhs.key }
}

/// Where a citation is read: the citing unit's district and province, used when a local issuer's
/// phrase does not name its place.
public struct CitingContext: Sendable, Hashable {
    package var unitID: String?
    package var district: String?
    package var province: String?

    public init(unitID: String? = nil, district: String? = nil, province: String? = nil) {
        self.unitID = unitID
        self.district = district
        self.province = province
    }

    /// The locality slug for a citation, or nil when its issuer is national.
    public func locality(for citation: Citation) -> String? {
        locality(for: citation, level: IssuerClassifier.level(of: citation))
    }

    /// The same, for a citation whose issuing level is already known.
    package func locality(for citation: Citation, level: IssuingLevel) -> String? {
        guard level.isLocal else { return nil }
        let named = IssuerClassifier.namedPlace(in: citation.issuer)
        switch level {
        case .district:
            let district = named.district ?? district
            let province = named.province ?? province
            let parts = [province, district].compactMap { $0 }.map { VietnameseText.slug($0) }
            return parts.isEmpty ? nil : parts.joined(separator: "-")
        case .province:
            return (named.province ?? province).map { VietnameseText.slug($0) }
        default:
            return unitID
        }
    }
}
