import VietText

/// A subject printed in capitals ("KẾ HOẠCH GIÁO DỤC NHÀ TRƯỜNG NĂM HỌC 2024 - 2025") in sentence
/// case, the way listings and the state format print a subject: "Giáo dục nhà trường năm học
/// 2024 - 2025". Lowering every word would lower proper names and abbreviations too, so each word
/// is written as the document's own running text writes it ("tiếng Việt", "Trường TH Tây Bắc
/// Sơn", "THCS"), and a word that is no Vietnamese syllable ("UBND", "STEM", "GD&ĐT") keeps its
/// capitals.
struct TitleCasing {
    /// How often a word (lowercased) is written each way in running text.
    struct Shapes {
        var lower = 0
        var capitalized = 0
        var upper = 0
    }

    private var words: [String: Shapes] = [:]
    /// Keyed by the word before as written and the word lowercased: "Sở giáo" is written "Sở
    /// Giáo", "cơ sở giáo" is not.
    private var afterWord: [String: Shapes] = [:]
    /// Keyed by the word and the word after, lowercased: "giáo viên" is written "giáo viên".
    private var beforeWord: [String: Shapes] = [:]

    /// `text`: lines of running text (the body's, the unit's name); lines mostly in capitals
    /// (headings, and a heading whose font a copy garbled: "PHỔ CẬP GIÁO DC, XểA M CH") tell
    /// nothing and are skipped. `names`: proper names ("Phong Điền", the unit's district), every
    /// word of them counted.
    init(evidence text: [String], names: [String] = []) {
        for line in text where line.count(where: \.isLowercase) > line.count(where: \.isUppercase) {
            count(Self.letterRuns(line), fromFirstWord: false)
        }
        for name in names { count(Self.letterRuns(name), fromFirstWord: true) }
    }

    private mutating func count(_ runs: [LetterRun], fromFirstWord: Bool) {
        for (position, run) in runs.enumerated() {
            let key = run.text.lowercased()
            // The first word of a sentence or a list item is capitalized whatever it is.
            if run.shape == .capitalized && !run.followsWord && !fromFirstWord { continue }
            let previous = position > 0 && run.afterSpaceOnly ? runs[position - 1].text : nil
            let next =
                position + 1 < runs.count && runs[position + 1].afterSpaceOnly
                ? runs[position + 1].text.lowercased() : nil
            Self.count(run.shape, in: &words[key, default: Shapes()])
            if let previous { Self.count(run.shape, in: &afterWord[previous + " " + key, default: Shapes()]) }
            if let next { Self.count(run.shape, in: &beforeWord[key + " " + next, default: Shapes()]) }
        }
    }

    private static func count(_ shape: Shape, in shapes: inout Shapes) {
        switch shape {
        case .lower: shapes.lower += 1
        case .capitalized: shapes.capitalized += 1
        case .upper: shapes.upper += 1
        case .other: break
        }
    }

    /// Most of the title's letters are capitals: lines in capitals, perhaps with a line of the
    /// period it is for ("TÌNH HÌNH ... XÓA MÙ CHỮ" + "Thời điểm tháng 10 năm 2020").
    static func isShouted(_ title: String) -> Bool {
        let letters = title.filter(\.isLetter)
        return letters.count >= 2 && letters.filter(\.isUppercase).count * 10 >= letters.count * 7
    }

    func sentenceCased(_ title: String) -> String {
        let runs = Self.letterRuns(title)
        func isShouted(_ run: LetterRun) -> Bool {
            run.shape == .upper || (run.text.count == 1 && run.shape == .capitalized)
        }
        var words: [String] = []
        var previousWritten: String?
        for (position, run) in runs.enumerated() {
            let previous = run.afterSpaceOnly ? previousWritten : nil
            let next =
                position + 1 < runs.count && runs[position + 1].afterSpaceOnly
                ? runs[position + 1].text.lowercased() : nil
            // A quotation opens with a capital, as the subject does: “Năm dân vận khéo”.
            let opensQuotation =
                run.range.lowerBound > title.startIndex
                && "“\"«".contains(title[title.index(before: run.range.lowerBound)])
            // Words not in capitals are as their line wrote them.
            let word =
                run.touchesDigit || !isShouted(run)
                ? run.text
                : written(run.text, previous: previous, next: next, first: position == 0 || opensQuotation)
            words.append(word)
            previousWritten = word
        }
        // Names the state format spells one way, which the text may never print in running
        // text: "ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH", "NGÀY NHÀ GIÁO VIỆT NAM".
        for (range, name) in ProperNames.matches(in: runs.map { $0.text.lowercased() }, names: ProperNames.all)
        where runs[range].allSatisfy({ isShouted($0) && !$0.touchesDigit })
            && runs[range].dropFirst().allSatisfy(\.afterSpaceOnly)
        {
            words.replaceSubrange(range, with: name.words)
        }
        if let first = words.first { words[0] = VietnameseText.capitalizingFirst(first) }
        var result = ""
        var cursor = title.startIndex
        for (run, word) in zip(runs, words) {
            result += title[cursor..<run.range.lowerBound]
            result += word
            cursor = run.range.upperBound
        }
        result += title[cursor...]
        return result
    }

    /// As the text writes the word after the same word (as written here), else before the same
    /// word, else anywhere; lowercase when it never writes it.
    private func written(_ word: String, previous: String?, next: String?, first: Bool) -> String {
        let lower = word.lowercased()
        let shapes = words[lower] ?? Shapes()
        if !Self.isSyllable(lower) || (shapes.upper > 0 && shapes.upper > shapes.capitalized + shapes.lower) {
            return word
        }
        // A lone Latin letter is a label ("KHỐI A"), except "y" ("Y TẾ").
        if lower.count == 1, lower != "y", lower.unicodeScalars.allSatisfy(\.isASCII) { return word }
        let capitalized = VietnameseText.capitalizingFirst(lower)
        if first { return capitalized }
        let evidence = [
            previous.flatMap { afterWord[$0 + " " + lower] }, next.flatMap { beforeWord[lower + " " + $0] }, shapes
        ]
        if let decisive = evidence.compactMap({ $0 }).first(where: { $0.capitalized + $0.lower > 0 }) {
            return decisive.capitalized > decisive.lower ? capitalized : lower
        }
        // "PHẦN II": a Roman numeral the text never writes otherwise.
        return word.allSatisfy({ "IVX".contains($0) }) ? word : lower
    }

    // MARK: - Words

    enum Shape { case lower, capitalized, upper, other }

    struct LetterRun {
        var text: String
        var range: Range<String.Index>
        var shape: Shape
        /// Within a sentence: after a letter, digit or comma, not at a line's or sentence's start.
        var followsWord: Bool
        /// Only spaces between it and the run before.
        var afterSpaceOnly: Bool
        /// Part of a code with digits ("A1", "5A"): kept as printed.
        var touchesDigit: Bool
    }

    static func letterRuns(_ text: String) -> [LetterRun] {
        var runs: [LetterRun] = []
        var index = text.startIndex
        var lastNonSpace: Character?
        var onlySpaces = true
        while index < text.endIndex {
            let character = text[index]
            guard character.isLetter else {
                if character != " " {
                    lastNonSpace = character
                    onlySpaces = false
                }
                index = text.index(after: index)
                continue
            }
            var end = index
            while end < text.endIndex, text[end].isLetter { end = text.index(after: end) }
            let word = String(text[index..<end])
            let followsWord = lastNonSpace.map { $0.isLetter || $0.isNumber || $0 == "," } ?? false
            let touchesDigit =
                (index > text.startIndex && text[text.index(before: index)].isNumber)
                || (end < text.endIndex && text[end].isNumber)
            runs.append(
                LetterRun(
                    text: word, range: index..<end, shape: shape(of: word), followsWord: followsWord,
                    afterSpaceOnly: !runs.isEmpty && onlySpaces, touchesDigit: touchesDigit))
            lastNonSpace = text[text.index(before: end)]
            onlySpaces = true
            index = end
        }
        return runs
    }

    static func shape(of word: String) -> Shape {
        if word.allSatisfy(\.isLowercase) { return .lower }
        guard let first = word.first, first.isUppercase else { return .other }
        if word.count == 1 { return .capitalized }
        if word.dropFirst().allSatisfy(\.isLowercase) { return .capitalized }
        return word.allSatisfy(\.isUppercase) ? .upper : .other
    }

    // MARK: - Syllables

    /// Initial consonants, longest first.
    private static let initials = [
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
        "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""
    ]
    private static let finals: Set<String> = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]
    private static let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]

    /// Whether a lowercased word is spelled as a Vietnamese syllable: an initial consonant, one to
    /// three vowels, a final consonant. "ubnd", "stem", "thcs" are not.
    static func isSyllable(_ lower: String) -> Bool {
        let folded = VietnameseText.fold(lower)
        guard folded.count <= 7 else { return false }
        for initial in initials where folded.hasPrefix(initial) {
            let rest = folded.dropFirst(initial.count)
            let nucleus = rest.prefix { vowels.contains($0) }
            // "gi" is both an initial ("giáo") and g + i ("gì").
            guard (1...3).contains(nucleus.count) else { continue }
            if finals.contains(String(rest.dropFirst(nucleus.count))) { return true }
        }
        return false
    }
}
