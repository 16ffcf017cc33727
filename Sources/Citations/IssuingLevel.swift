import VietText

/// Who issued a directive, by level, as the directive index groups them.
package enum IssuingLevel: String, Sendable, CaseIterable, Comparable {
    case party = "trung-uong-dang"
    case central = "quoc-hoi-chinh-phu"
    case ministry = "bo-nganh"
    case province = "tinh"
    case district = "huyen"
    case unit = "don-vi"

    package var name: String {
        switch self {
        case .party: return "Trung ương Đảng"
        case .central: return "Quốc hội, Chính phủ, Thủ tướng Chính phủ"
        case .ministry: return "Bộ, ngành Trung ương"
        case .province: return "Tỉnh, thành phố (UBND tỉnh, Tỉnh ủy, Sở)"
        case .district: return "Huyện (UBND huyện, Huyện ủy, Phòng)"
        case .unit: return "Đơn vị"
        }
    }

    /// Local levels reuse issuer codes (UBND, TU, HU, SGDĐT ...) in every province and district,
    /// so their directives are told apart by locality.
    package var isLocal: Bool { self == .province || self == .district || self == .unit }

    package static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Decides a citation's issuing level from its symbol's issuer codes and the "của ..." phrase,
/// and reads the place a local issuer names ("Ủy ban nhân dân huyện Tân Hồng").
package enum IssuerClassifier {
    static let centralCodes: Set<String> = ["TTG", "CP", "QH", "UBTVQH", "CTN", "VPCP", "TTCP"]
    static let ministryCodes: Set<String> = [
        "BGDDT", "BNV", "BTC", "BYT", "BLDTBXH", "BTTTT", "BVHTTDL", "BKHDT", "BTP", "BCA", "BQP", "BNG", "BCT", "BXD",
        "BGTVT", "BTNMT", "BNNPTNT", "BKHCN", "UBDT", "NHNN", "KTNN", "TLD", "TLDLDVN", "BHXH", "BHXHVN", "BGD",
        "BOGDDT", "BNNMT",
        "BDTTG", "TANDTC", "VKSNDTC"
    ]
    static let provinceCodes: Set<String> = [
        "TU", "SGDDT", "SGD", "SGDVDT", "LDLD", "BDVTU", "BTGTU", "TTU", "SNV", "STC", "SYT", "CDGD", "UBMTTQ"
    ]
    static let districtCodes: Set<String> = [
        "HU", "PGDDT", "PGD", "BDVHU", "BTGHU", "QU", "TXU", "PNV", "PTCKH", "UBND", "HDND"
    ]

    package static func level(of citation: Citation) -> IssuingLevel {
        let codes = citation.issuerCodes
        // Phrases are matched on their UTF-8 bytes (the text is NFC): Foundation's contains and
        // hasPrefix were most of the directive index's time.
        let issuer = Array((citation.issuer ?? "").utf8)
        if codes.contains(where: { $0 == "TW" || ($0.hasSuffix("TW") && $0.count > 2) })
            || Phrases.party.contains(where: { find($0, in: issuer) })
        {
            return .party
        }
        if codes.contains(where: {
            centralCodes.contains($0) || ($0.hasPrefix("QH") && $0.dropFirst(2).allSatisfy(\.isNumber))
        })
            || Phrases.central.contains(where: issuer.starts(with:))
        {
            return .central
        }
        if codes.contains(where: ministryCodes.contains)
            || (issuer.starts(with: Phrases.ministry) && !issuer.starts(with: Phrases.politburo))
            || Phrases.ministryOther.contains(where: issuer.starts(with:))
        {
            return .ministry
        }
        if !issuer.isEmpty {
            // Lowercased only here, when the codes and the phrase's opening did not decide.
            let lower = Array(VietnameseText.lowercased(citation.issuer ?? "").utf8)
            if Phrases.district.contains(where: { find($0, in: lower) }) { return .district }
            if Phrases.province.contains(where: { find($0, in: lower) })
                || lower.starts(with: Phrases.provinceDepartment)
            {
                return .province
            }
        }
        if codes.contains(where: provinceCodes.contains) { return .province }
        if codes.contains(where: districtCodes.contains) { return .district }
        return .unit
    }

    /// The phrases that name an issuer's level, as UTF-8 bytes.
    private enum Phrases {
        static let party = bytes([
            "Bộ Chính trị", "Ban Bí thư", "Trung ương Đảng", "Ban Chấp hành Trung ương", "Bộ chính trị"
        ])
        static let central = bytes(["Thủ tướng", "Chính phủ", "Quốc hội", "Chủ tịch nước"])
        static let ministry = Array("Bộ ".utf8), politburo = Array("Bộ Chính".utf8)
        static let ministryOther = bytes(["Tổng Liên đoàn", "Tổng cục", "Cục "])
        /// Matched in the lowercased phrase.
        static let district = bytes(["huyện", "quận", "thị xã", "phòng "])
        static let province = bytes(["tỉnh", "thành phố", "thành ủy", "thành uỷ", "sở "])
        static let provinceDepartment = Array("sở".utf8)

        private static func bytes(_ phrases: [String]) -> [[UInt8]] { phrases.map { Array($0.utf8) } }
    }

    /// Whether `needle` occurs in `text`: a plain scan, the phrases and texts being short.
    private static func find(_ needle: [UInt8], in text: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= text.count else { return false }
        return text.withUnsafeBufferPointer { text in
            needle.withUnsafeBufferPointer { needle in
                for start in 0...(text.count - needle.count) where text[start] == first {
                    var matched = true
                    for offset in 1..<needle.count where text[start + offset] != needle[offset] {
                        matched = false
                        break
                    }
                    if matched { return true }
                }
                return false
            }
        }
    }

    /// The district or province named in a local issuer's phrase.
    package static func namedPlace(in issuer: String?) -> (district: String?, province: String?) {
        guard let issuer else { return (nil, nil) }
        let lower = Array(VietnameseText.lowercased(issuer).utf8)
        // A place is named after one of these words: without them, there is none to look for.
        guard PlaceWords.any.contains(where: { find($0, in: lower) }) else { return (nil, nil) }
        // Cut at spaces and compared by bytes (the text is NFC): by Characters, this took a
        // twentieth of `congkhai citations`, run on every citation's issuer. The printed and
        // the lowercased words are cut alike, Latin text keeping its spaces where they are.
        let printed = Array(issuer.utf8)
        let words = wordRanges(printed), lowered = wordRanges(lower)
        guard IssuerName.isLatin(issuer), words.count == lowered.count else { return namedPlace(byWordsOf: issuer) }
        return printed.withUnsafeBufferPointer { printed in
            lower.withUnsafeBufferPointer { lower in
                func reads(_ index: Int, _ word: [UInt8]) -> Bool {
                    index < lowered.count && lower[lowered[index]].elementsEqual(word)
                }
                func name(after markers: [[UInt8]], city: Bool) -> String? {
                    for index in words.indices {
                        let isCity = city && reads(index, PlaceWords.city.0) && reads(index + 1, PlaceWords.city.1)
                        guard isCity || markers.contains(where: { reads(index, $0) }) else { continue }
                        var parts: [String] = []
                        var position = isCity ? index + 2 : index + 1
                        while position < words.count,
                            ScalarCase.startsUppercase(UnsafeBufferPointer(rebasing: printed[words[position]]))
                        {
                            parts.append(String(decoding: printed[words[position]], as: UTF8.self))
                            position += 1
                        }
                        if !parts.isEmpty { return parts.joined(separator: " ") }
                    }
                    return nil
                }
                return (
                    name(after: PlaceWords.districtBytes, city: false).flatMap { $0 == "xã" ? nil : $0 },
                    name(after: PlaceWords.provinceBytes, city: true)
                )
            }
        }
    }

    /// The words a place's name follows: a district's, a province's, and "thành phố" (a city,
    /// counted with the provinces).
    private enum PlaceWords {
        static let district = ["huyện", "quận", "thị", "xã"], province = ["tỉnh"]
        static let districtBytes = district.map { Array($0.utf8) }, provinceBytes = province.map { Array($0.utf8) }
        static let city = (Array("thành".utf8), Array("phố".utf8))
        /// One of them is in every issuer that names a place.
        static let any = districtBytes + provinceBytes + [city.0]
    }

    /// The byte ranges of the words between spaces, empty ones left out.
    private static func wordRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x20 {
            if index > start { ranges.append(start..<index) }
            start = index + 1
        }
        if bytes.count > start { ranges.append(start..<bytes.count) }
        return ranges
    }

    /// The same by Characters, for a name in other scripts.
    static func namedPlace(byWordsOf issuer: String) -> (district: String?, province: String?) {
        let words = IssuerName.words(issuer).filter { !$0.isEmpty }
        let lowered = words.map(VietnameseText.lowercased)
        func name(after markers: [String], city: Bool) -> String? {
            for (index, word) in lowered.enumerated()
            where markers.contains(where: word.hasSameUTF8)
                || (city && word.hasSameUTF8(as: "thành") && index + 1 < words.count
                    && lowered[index + 1].hasSameUTF8(as: "phố"))
            {
                let start = word.hasSameUTF8(as: "thành") ? index + 2 : index + 1
                var parts: [String] = []
                var position = start
                while position < words.count, let first = words[position].first, first.isUppercase {
                    parts.append(words[position])
                    position += 1
                }
                if !parts.isEmpty { return parts.joined(separator: " ") }
            }
            return nil
        }
        return (
            name(after: PlaceWords.district, city: false).flatMap { $0 == "xã" ? nil : $0 },
            name(after: PlaceWords.province, city: true)
        )
    }
}
