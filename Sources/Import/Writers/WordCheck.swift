/// "Nothing lost": every word of the source must appear in the written file, apart from what the
/// importer drops on purpose (the motto, page numbers, running headers, the labels that keys
/// replace: "Số:", "V/v").
enum WordCheck {
    static let droppedWords: Set<String> = [
        "cộng", "hòa", "hoà", "xã", "hội", "chủ", "nghĩa", "việt", "nam", "độc", "lập", "tự", "do", "hạnh", "phúc",
        "số", "ngày", "tháng", "năm", "nơi", "noi", "nhận", "đảng", "sản", "trang", "v",
        // "Sè:", "Số:" in TCVN3, on a line left unconverted.
        "sè"
    ]

    /// Source words (lowercased) missing from the output, with the first line of each.
    static func missing(source: [SourceLine], output: String, droppedLines: Set<Int> = []) -> [(
        word: String, line: Int
    )] {
        let produced = Set(words(output))
        var missing: [(String, Int)] = []
        var reported = Set<String>()
        for line in source where !droppedLines.contains(line.number) {
            for word in words(line.text)
            where !produced.contains(word) && !droppedWords.contains(word) && !reported.contains(word) {
                if word.allSatisfy(\.isNumber) && word.count <= 3 { continue }  // page numbers
                reported.insert(word)
                missing.append((word, line.number))
            }
        }
        return missing
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}
