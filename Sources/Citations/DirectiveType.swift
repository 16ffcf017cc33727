/// The spelled-out types of document a citation can name, and the type codes of symbols.
enum DirectiveType {
    /// Lowercased phrases (longest first when matching) and their canonical spelling.
    static let phrases: [(words: [String], name: String)] = {
        let list: [(String, String)] = [
            ("thông tư liên tịch", "Thông tư liên tịch"), ("nghị quyết liên tịch", "Nghị quyết liên tịch"),
            ("chương trình phối hợp", "Chương trình phối hợp"), ("chương trình hành động", "Chương trình hành động"),
            ("quy chế phối hợp", "Quy chế phối hợp"), ("kế hoạch liên tịch", "Kế hoạch liên tịch"),
            ("hướng dẫn liên tịch", "Hướng dẫn liên tịch"), ("thông báo kết luận", "Thông báo kết luận"),
            ("hướng dẫn liên ngành", "Hướng dẫn liên ngành"), ("kế hoạch liên ngành", "Kế hoạch liên ngành"),
            ("kế hoạch phối hợp", "Kế hoạch phối hợp"),
            ("văn bản hợp nhất", "Văn bản hợp nhất"),
            ("chỉ thị", "Chỉ thị"), ("quyết định", "Quyết định"), ("nghị quyết", "Nghị quyết"), ("kế hoạch", "Kế hoạch"),
            ("công văn", "Công văn"), ("văn bản", "Văn bản"), ("thông tư", "Thông tư"), ("nghị định", "Nghị định"),
            ("hướng dẫn", "Hướng dẫn"), ("kết luận", "Kết luận"), ("quy định", "Quy định"), ("qui định", "Quy định"),
            ("chương trình", "Chương trình"), ("tờ trình", "Tờ trình"), ("thông báo", "Thông báo"), ("đề án", "Đề án"),
            ("bộ luật", "Bộ luật"), ("luật", "Luật"), ("pháp lệnh", "Pháp lệnh"), ("thông tri", "Thông tri"),
            ("quy chế", "Quy chế"), ("qui chế", "Quy chế"), ("phương án", "Phương án"), ("báo cáo", "Báo cáo"),
            ("công điện", "Công điện"), ("điều lệ", "Điều lệ"), ("biên bản", "Biên bản"), ("giấy mời", "Giấy mời"),
            ("lệnh", "Lệnh"), ("dự án", "Dự án"),
        ]
        return list.map { (words: $0.0.split(separator: " ").map(String.init), name: $0.1) }
            .sorted { $0.words.count > $1.words.count }
    }()

    /// Types whose name comes before "số": "Luật Giáo dục số 43/2019/QH14".
    static let namedTypes: Set<String> = ["Luật", "Bộ luật", "Pháp lệnh"]

    /// Type codes (folded to ASCII uppercase) and the type they stand for, to name a citation
    /// printed without its type word.
    static let codes: [String: String] = [
        "CT": "Chỉ thị", "QD": "Quyết định", "NQ": "Nghị quyết", "KH": "Kế hoạch", "HD": "Hướng dẫn",
        "TB": "Thông báo", "KL": "Kết luận", "CTR": "Chương trình", "TTR": "Tờ trình", "DA": "Đề án",
        "QC": "Quy chế", "QYD": "Quy định", "QDI": "Quy định", "TT": "Thông tư", "ND": "Nghị định",
        "BC": "Báo cáo", "TTLT": "Thông tư liên tịch", "NQLT": "Nghị quyết liên tịch", "PA": "Phương án",
        "BB": "Biên bản", "GM": "Giấy mời", "CV": "Công văn", "CD": "Công điện", "CTHD": "Chương trình hành động",
        "KHLT": "Kế hoạch liên tịch", "HDLT": "Hướng dẫn liên tịch", "VBHN": "Văn bản hợp nhất",
        "HDLN": "Hướng dẫn liên ngành", "KHLN": "Kế hoạch liên ngành", "KHPH": "Kế hoạch phối hợp",
        "CTPH": "Chương trình phối hợp", "QCPH": "Quy chế phối hợp",
    ]

    /// Phrases by a hash of their first word's bytes: most words start no phrase and are
    /// rejected by one lookup, without String hashing (which normalises Unicode).
    static let phrasesByFirstWord: [UInt64: [(words: [String], name: String)]] = Dictionary(grouping: phrases) { bytesHash($0.words[0]) }

    /// FNV-1a over UTF-8.
    static func bytesHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        return hash
    }

    /// Byte lengths of the phrases' first words: a cheap test before hashing a token.
    static let firstWordLengths: Set<Int> = Set(phrases.map { $0.words[0].utf8.count })

    static func mayStartPhrase(_ token: TextToken) -> Bool {
        token.isWord && firstWordLengths.contains(token.lower.utf8.count)
    }

    /// The phrase starting at `index`, if any.
    static func match(_ tokens: [TextToken], at index: Int) -> (name: String, count: Int)? {
        guard tokens[index].isWord, let candidates = phrasesByFirstWord[bytesHash(tokens[index].lower)] else { return nil }
        for phrase in candidates where index + phrase.words.count <= tokens.count && tokens[index].lower.hasSameUTF8(as: phrase.words[0]) {
            var matched = true
            for offset in 1..<max(1, phrase.words.count) where phrase.words.count > 1 {
                let token = tokens[index + offset]
                if !token.isWord || !token.lower.hasSameUTF8(as: phrase.words[offset]) { matched = false; break }
            }
            if matched { return (phrase.name, phrase.words.count) }
        }
        return nil
    }

    /// Types abbreviated in capitals before their number: "QĐ số 123/QĐ-UBND", "CV số 456/PGDĐT",
    /// "TT 28/2020/TT-BGDĐT". Keyed by the lowercased abbreviation.
    static let abbreviations: [String: String] = [
        "qđ": "Quyết định", "qd": "Quyết định", "cv": "Công văn", "kh": "Kế hoạch", "tt": "Thông tư", "nđ": "Nghị định",
        "nd": "Nghị định", "ct": "Chỉ thị", "nq": "Nghị quyết", "hd": "Hướng dẫn", "tb": "Thông báo", "bc": "Báo cáo",
        "ttlt": "Thông tư liên tịch", "vb": "Văn bản", "ctr": "Chương trình",
    ]

    /// The type an abbreviation in capitals at `index` stands for.
    static func abbreviation(_ tokens: [TextToken], at index: Int) -> String? {
        let token = tokens[index]
        // Bytes first: every abbreviation opens with an ASCII capital; most words fail here.
        guard let first = token.text.utf8.first, first >= 0x41, first <= 0x5A, (2...5).contains(token.text.utf8.count),
              token.isAllUppercase else { return nil }
        return abbreviations[token.lower]
    }
}
