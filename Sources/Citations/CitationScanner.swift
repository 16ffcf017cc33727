import VietText

/// Finds the numbered citations of other documents in a text: "Chỉ thị số 33/CT-TTg ngày
/// 26/11/2021 của Thủ tướng Chính phủ về ...", with every spelling variant of domain.md.
///
/// It works on a paragraph's text (the Markdown's inline content with emphasis removed and line
/// breaks as spaces), token by token, so a PDF line break or bold text does not hide a citation.
public struct CitationScanner: Sendable {
    /// The document's own number; it is never a citation of itself.
    package var ownSymbolKey: String?
    /// Issuers' usual spellings, shared with the other documents' scanners of a build.
    let spellings: IssuerSpellings

    public init(ownNumber: String? = nil, spellings: IssuerSpellings = IssuerSpellings()) {
        ownSymbolKey = ownNumber.map(DocumentNumber.symbolKey).flatMap { $0.isEmpty ? nil : $0 }
        self.spellings = spellings
    }

    public struct Result: Sendable {
        public var citations: [Citation] = []
        package var blanks: [BlankCitation] = []
    }

    /// `basisRanges`: the byte ranges of `text` under a "Căn cứ" heading (`BasisSection`), where
    /// a citation that opens a line or clause is a basis.
    public func scan(_ text: String, basisRanges: [Range<Int>] = []) -> Result {
        guard Self.mayHoldCitation(text) else { return Result() }
        return scanned(text, basisRanges: basisRanges)
    }

    /// The same for a text held as UTF-8 (a parsed block's), made a String only when its bytes
    /// may hold a citation: most blocks cite nothing.
    package func scan(utf8: [UInt8], text: () -> String, basisRanges: [Range<Int>] = []) -> Result {
        guard Self.mayHoldCitation(utf8) else { return Result() }
        return scanned(text(), basisRanges: basisRanges)
    }

    /// A text that passed `mayHoldCitation`, scanned.
    private func scanned(_ text: String, basisRanges: [Range<Int>]) -> Result {
        TextTokenizer.withTokens(text) { tokens, bytes in
            scan(text, tokens: tokens, bytes: bytes, basisRanges: basisRanges)
        }
    }

    private func scan(
        _ text: String, tokens: [TextToken], bytes: UnsafeBufferPointer<UInt8>, basisRanges: [Range<Int>]
    ) -> Result {
        var result = Result()
        // Where the last citation's words (symbol, date, issuer) end, as a token index.
        var previousEnd = 0
        // Citations whose issuer heads the list they open: "các Quyết định của Thủ tướng Chính phủ: số ...".
        var listHeads: [Int] = []
        var index = 0
        tokens: while index < tokens.count {
            for opening in Opening.allCases {
                guard
                    let (citation, next, headsList) = match(
                        opening, tokens, text: text, at: index, into: &result)
                else { continue }
                if append(
                    citation, at: index, after: previousEnd, tokens: tokens, text: text, bytes: bytes,
                    basisRanges: basisRanges, to: &result)
                {
                    previousEnd = next
                    if headsList { listHeads.append(result.citations.count - 1) }
                }
                index = next
                continue tokens
            }
            index += 1
        }
        shareIssuersAcrossLists(&result.citations, text: text)
        shareListHeadIssuers(&result.citations, heads: listHeads, text: text)
        return result
    }

    /// Every citation has a number and symbol: a digit then "/" or "-" (spaces allowed between),
    /// or "/" then a letter for a blank number. Most paragraphs have neither and are skipped
    /// after one pass over their bytes.
    static func mayHoldCitation(_ text: String) -> Bool {
        text.withUTF8Bytes(mayHoldCitation)
    }

    /// The same test on a text's UTF-8, before any String is made of it.
    package static func mayHoldCitation(_ utf8: [UInt8]) -> Bool {
        utf8.withUnsafeBufferPointer(mayHoldCitation)
    }

    private static func mayHoldCitation(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Both shapes have a "/", "-" or the lead byte of "–" (E2) at their heart: those bytes
        // are found eight at a time, and only there are the bytes around them read.
        func holds(at index: Int) -> Bool {
            let byte = bytes[index]
            // "/KH", "/ĐT".
            if byte == 0x2F, index + 1 < bytes.count,
                (0x41...0x5A).contains(bytes[index + 1]) || bytes[index + 1] == 0xC4
            {
                return true
            }
            // A digit, up to two spaces, then the mark.
            var before = index - 1
            while before >= 0, index - before <= 2, bytes[before] == 0x20 { before -= 1 }
            return before >= 0 && bytes[before] >= 0x30 && bytes[before] <= 0x39
        }
        func isMark(_ byte: UInt8) -> Bool { byte == 0x2F || byte == 0x2D || byte == 0xE2 }
        var index = 0
        while index + 8 <= bytes.count {
            let word = ByteWord.load(bytes, at: index)
            if ByteWord.has(word, 0x2F) || ByteWord.has(word, 0x2D) || ByteWord.has(word, 0xE2) {
                for offset in index..<index + 8 where isMark(bytes[offset]) && holds(at: offset) { return true }
            }
            index += 8
        }
        while index < bytes.count {
            if isMark(bytes[index]) && holds(at: index) { return true }
            index += 1
        }
        return false
    }

    // MARK: - Matching

    /// The ways a citation opens, tried in this order at each word; each is a cheap test of the
    /// word first, then its matcher. The third value of a match: the issuer was printed ahead
    /// of the number, for the whole list the citation opens.
    private enum Opening: CaseIterable {
        /// "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ", "Luật Giáo dục số
        /// 43/2019/QH14": a type's name (`DocumentType`), then its number.
        case typed
        /// "QĐ số 123/QĐ-UBND", "TT 28/2020/TT-BGDĐT": a type's abbreviation in capitals.
        case abbreviated
        /// "…; số 1400/QĐ-TTg ngày …": a further number of a list whose type was named before.
        case listedNumber
        /// "theo 33/CT-TTg": a number and symbol alone, its type from its code.
        case bare
    }

    private func match(
        _ opening: Opening, _ tokens: [TextToken], text: String, at index: Int, into result: inout Result
    ) -> (Citation, Int, Bool)? {
        switch opening {
        case .typed:
            guard DirectiveType.mayStartPhrase(tokens[index]), let typed = DirectiveType.match(tokens, at: index) else {
                return nil
            }
            return matchTyped(tokens, text: text, typeIndex: index, type: typed, into: &result)
        case .abbreviated:
            guard let abbreviated = DirectiveType.abbreviation(tokens, at: index),
                let (citation, next) = matchAbbreviated(
                    tokens, text: text, typeIndex: index, type: abbreviated, into: &result)
            else { return nil }
            return (citation, next, false)
        case .listedNumber:
            guard tokens[index].reads("số"),
                let (citation, next) = matchListedNumber(tokens, text: text, at: index, earlier: result.citations)
            else { return nil }
            return (citation, next, false)
        case .bare:
            guard tokens[index].isDigits, let (citation, next) = matchBare(tokens, text: text, at: index) else {
                return nil
            }
            return (citation, next, false)
        }
    }

    private struct SymbolMatch {
        var symbol: String
        var parts: [String]
        var blank: Bool
        var end: Int  // token index after the symbol
    }

    /// The third value: the issuer was printed ahead of the number, for the whole list the
    /// citation opens.
    private func matchTyped(
        _ tokens: [TextToken], text: String, typeIndex: Int, type: (name: String, count: Int),
        into result: inout Result
    ) -> (Citation, Int, Bool)? {
        var index = typeIndex + type.count
        var subjectBefore: String?
        // "Căn cứ các Quyết định của Thủ tướng Chính phủ: số 1400/QĐ-TTg ...; Quyết định số ...",
        // "Công văn của Sở GDĐT số 1234/SGDĐT-GDTrH".
        var issuerAhead: String?
        var headsList = false
        if index < tokens.count, tokens[index].reads("của"),
            let (issuer, next) = matchIssuer(tokens, text: text, at: index + 1)
        {
            let colon = next < tokens.count && tokens[next].is(":")
            let number = colon ? next + 1 : next
            if number + 1 < tokens.count, tokens[number].reads("số"), tokens[number + 1].isDigits {
                issuerAhead = issuer
                headsList = colon
                index = number
            }
        }
        // "Luật Giáo dục số 43/2019/QH14": a named type's name comes before "số".
        if DirectiveType.namedTypes.contains(type.name) {
            var probe = index
            while probe < tokens.count, probe - index < 8, tokens[probe].isWord, !tokens[probe].reads("số") {
                probe += 1
            }
            if probe < tokens.count, probe > index, tokens[probe].reads("số") {
                subjectBefore = slice(text, tokens[index].start, tokens[probe - 1].end)
                index = probe
            }
        }
        // "Công văn chỉ đạo số 12/PGDĐT-THCS", "Quyết định phê duyệt số 99/QĐ-UBND", "Công văn hỏa
        // tốc số ...": one or two words in lowercase say what the text does or how urgent it is.
        // A type phrase there ("công văn hướng dẫn số ...") is a citation of its own, matched next.
        var probe = index
        while probe < tokens.count, probe - index < 2, tokens[probe].isWord, !tokens[probe].reads("số"),
            tokens[probe].isLowercase, !tokens[probe].isDigits,
            DirectiveType.match(tokens, at: probe) == nil
        { probe += 1 }
        if probe > index, probe + 1 < tokens.count, tokens[probe].reads("số"), tokens[probe + 1].isDigits {
            index = probe
        }
        if index < tokens.count, tokens[index].reads("số") { index += 1 }
        // "Chỉ thị so 27-CT/TW": "số" typed without its accents, a number right after it.
        if index + 1 < tokens.count, tokens[index].reads("so"), tokens[index + 1].isDigits { index += 1 }
        if index < tokens.count, tokens[index].is(":") { index += 1 }
        guard index < tokens.count else { return nil }
        let uppercaseContext = tokens[typeIndex].isAllUppercase
        guard let symbol = matchSymbol(tokens, at: index, allowSpaceJoins: !uppercaseContext) else { return nil }
        if symbol.blank {
            result.blanks.append(BlankCitation(type: type.name, symbol: symbol.symbol, start: tokens[typeIndex].start))
            return nil
        }
        guard
            let (citation, next) = finish(
                tokens, text: text, type: type.name, startIndex: typeIndex, symbol: symbol,
                subjectBefore: subjectBefore, issuerAhead: issuerAhead)
        else { return nil }
        return (citation, next, headsList && citation.issuer == issuerAhead)
    }

    /// "QĐ số 123/QĐ-UBND", "TT 28/2020/TT-BGDĐT": an abbreviated type, taken only when the
    /// symbol's type code, if it has one, names the same type ("KH" before "12/QĐ-UBND" is not).
    private func matchAbbreviated(
        _ tokens: [TextToken], text: String, typeIndex: Int, type: String,
        into result: inout Result
    ) -> (Citation, Int)? {
        var index = typeIndex + 1
        if index < tokens.count, tokens[index].reads("số") { index += 1 }
        if index < tokens.count, tokens[index].is(":") { index += 1 }
        guard index < tokens.count, tokens[index].isDigits,
            let symbol = matchSymbol(tokens, at: index, allowSpaceJoins: false), !symbol.blank
        else { return nil }
        if let code = symbol.parts.dropFirst().first(where: { !isYear($0) }),
            let coded = DirectiveType.codes[DocumentNumber.symbolKey(code)],
            coded != type, type != "Văn bản"
        {
            return nil
        }
        return finish(tokens, text: text, type: type, startIndex: typeIndex, symbol: symbol, subjectBefore: nil)
    }

    /// A number listed after another of the same type without repeating the type: "Thông tư số
    /// 22/2021/TT-BGDĐT, số 26/2020/TT-BGDĐT", "Công văn số 456/PGDĐT-TH và số 457/PGDĐT-TH",
    /// "các Thông tư: số 22/2021/TT-BGDĐT; số 32/2020/TT-BGDĐT". The type is the one printed
    /// right before ":", or the last citation's when only its words and a separator (",", ";",
    /// "và") stand between, in the same clause.
    private func matchListedNumber(_ tokens: [TextToken], text: String, at index: Int, earlier: [Citation]) -> (
        Citation, Int
    )? {
        guard index >= 2, index + 1 < tokens.count else { return nil }
        let separator = tokens[index - 1]
        guard Self.listSeparators.containsAsPrinted(separator) || separator.reads("và") else { return nil }
        var symbolStart = index + 1
        if tokens[symbolStart].is(":") { symbolStart += 1 }
        guard symbolStart < tokens.count, tokens[symbolStart].isDigits else { return nil }
        var type: String?
        if separator.is(":") {
            // "các Thông tư:", "các Quyết định:".
            for start in stride(from: index - 2, through: max(0, index - 5), by: -1) {
                if let typed = DirectiveType.match(tokens, at: start), start + typed.count == index - 1 {
                    type = typed.name
                    break
                }
            }
        } else if let last = earlier.last, last.linkEnd <= separator.start, separator.start - last.linkEnd <= 240 {
            // Bounded before it is cut and tokenized: a long report has many ", số 12".
            let gap = slice(text, last.linkEnd, separator.start)
            let (sameClause, gapCount) = TextTokenizer.withTokens(gap) { gapTokens, _ in
                (
                    !gap.contains("\n") && !gap.contains(";") && !gapTokens.contains { $0.is(".") }
                        && !zip(gapTokens, gapTokens.dropFirst()).contains { Self.openers.contains($0, $1) },
                    gapTokens.count
                )
            }
            if sameClause || (separator.is(";") && gapCount <= 12 && !gap.contains("\n")) { type = last.type }
        }
        guard let type, let symbol = matchSymbol(tokens, at: symbolStart, allowSpaceJoins: true), !symbol.blank else {
            return nil
        }
        // The symbol's type code, if any, must agree: "Quyết định số 12/QĐ-UBND, số 5/KH-UBND" is no list.
        if let code = symbol.parts.dropFirst().first(where: { !isYear($0) }),
            let coded = DirectiveType.codes[DocumentNumber.symbolKey(code)],
            coded != type, type != "Văn bản"
        {
            return nil
        }
        return finish(tokens, text: text, type: type, startIndex: index, symbol: symbol, subjectBefore: nil)
    }

    /// A symbol printed without its type word ("..., 218-QĐ/TW của Bộ Chính trị"): only when its
    /// first code is a known type code, so dates, class names and phone numbers never match.
    private func matchBare(_ tokens: [TextToken], text: String, at index: Int) -> (Citation, Int)? {
        if index > 0, tokens[index - 1].isWord || tokens[index - 1].is("/") || tokens[index - 1].is("-") { return nil }
        // The header's "Số: 08/KH-CĐGD" is the document's own number.
        if index >= 1, tokens[index - 1].is(":"), index >= 2, tokens[index - 2].reads("số") { return nil }
        if index >= 1, tokens[index - 1].reads("số") { return nil }
        guard let symbol = matchSymbol(tokens, at: index, allowSpaceJoins: true), !symbol.blank else { return nil }
        guard let typeCode = symbol.parts.dropFirst().first(where: { !isYear($0) }),
            let type = DirectiveType.codes[DocumentNumber.symbolKey(typeCode)]
        else { return nil }
        return finish(tokens, text: text, type: type, startIndex: index, symbol: symbol, subjectBefore: nil)
    }

    /// number [/-] CODE ([/-.] CODE)*, with stray spaces around separators, a missing hyphen
    /// printed as a space ("379/QĐ-UBND HC"), and a blank number ("/KH-THAP").
    private func matchSymbol(_ tokens: [TextToken], at start: Int, allowSpaceJoins: Bool) -> SymbolMatch? {
        var index = start
        var parts: [String] = []
        var symbol = ""
        var blank = false
        if tokens[index].isDigits ? tokens[index].utf8.count <= 6 : Self.isLetteredNumber(tokens[index]) {
            parts.append(tokens[index].text)
            symbol = tokens[index].text
            index += 1
        } else if tokens[index].is("/") {
            blank = true
        } else {
            return nil
        }
        var codeCount = 0
        while index < tokens.count {
            let token = tokens[index]
            if token.isPunctuation, Self.symbolSeparators.containsAsPrinted(token), index + 1 < tokens.count {
                let next = tokens[index + 1]
                // "660/Bộ GD&ĐT-NGCBQLGD": an older Bộ letter spells its name out.
                if token.printed("/"), codeCount == 0, next.printed("Bộ"), index + 2 < tokens.count,
                    tokens[index + 2].spaceBefore,
                    tokens[index + 2].isCodeShaped, tokens[index + 2].isAllUppercase
                {
                    symbol += "/Bộ " + tokens[index + 2].text
                    parts.append("Bộ " + tokens[index + 2].text)
                    codeCount += 1
                    index += 3
                    continue
                }
                if token.printed(".") && (token.spaceBefore || next.spaceBefore || codeCount == 0) { break }
                // Typists' slips, kept as printed (the key is the printed one; nothing is guessed):
                // "15/2018TT-BGDĐT", the year's slash left out; "03/12019/TT-BNV", a stray digit.
                if token.printed("/"), codeCount == 0, !next.spaceBefore,
                    isYearGluedToCode(next) || hasStrayDigitInYear(tokens, at: index + 1)
                {
                    symbol += "/" + next.text
                    parts.append(next.text)
                    if !next.isDigits { codeCount += 1 }
                    index += 2
                    continue
                }
                guard next.isCodeShaped, next.startsUppercase || next.isDigits else { break }
                // A date after the symbol ("33/CT-TTg-2021") never happens; a year only sits inside.
                if next.isDigits && !(isYear(next.text) || next.utf8.count <= 2 && codeCount > 0) { break }
                if next.isDigits && codeCount > 0 && !isYear(next.text) && next.spaceBefore { break }
                symbol += (token.printed("–") ? "-" : token.text) + next.text
                parts.append(next.text)
                if !next.isDigits { codeCount += 1 }
                index += 2
            } else if allowSpaceJoins, codeCount > 0 || Self.opensSlashedCode(tokens, at: index), token.isWord,
                token.spaceBefore, token.isCodeShaped,
                token.isAllUppercase, token.utf8.count >= 2, !Self.uppercaseWords.containsAsPrinted(token)
            {
                symbol += " " + token.text
                parts.append(token.text)
                codeCount += 1
                index += 1
            } else {
                break
            }
        }
        guard codeCount > 0 else { return nil }
        return SymbolMatch(symbol: symbol, parts: parts, blank: blank, end: index)
    }

    /// "Quyết định số 12a/QĐ-THCS", "Kế hoạch số 01A/KH-UBND": a number with a letter added,
    /// as a text slipped in between two others is numbered.
    private static func isLetteredNumber(_ token: TextToken) -> Bool {
        let bytes = Array(token.utf8)
        guard token.isWord, (2...6).contains(bytes.count), let last = bytes.last,
            (last | 0x20) >= 0x61 && (last | 0x20) <= 0x7A
        else { return false }
        return bytes.dropLast().allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// "Quyết định số 84 QĐ/TWĐTN": the number's dash left out, the type code then a slash and
    /// another code.
    private static func opensSlashedCode(_ tokens: [TextToken], at index: Int) -> Bool {
        index + 2 < tokens.count && tokens[index + 1].is("/") && !tokens[index + 1].spaceBefore
            && tokens[index + 2].isCodeShaped && tokens[index + 2].isAllUppercase && !tokens[index + 2].spaceBefore
    }

    /// What follows a symbol, read phase by phase (`finish`): each phase moves `index` past
    /// what it read, and `lastIndex` to the citation's last word.
    private struct Tail {
        var index: Int
        var lastIndex: Int
        var date: IssuedDate?
        var issuer: String?

        /// Read up to `next`, which the citation's words reach.
        mutating func take(upTo next: Int) {
            index = next
            lastIndex = next - 1
        }
    }

    /// After the symbol, in this order: a verb before the date, the date (perhaps after a
    /// place), a year alone, the issuer, a second chance at the date, and the subject.
    private func finish(
        _ tokens: [TextToken], text: String, type: String, startIndex: Int, symbol: SymbolMatch,
        subjectBefore: String?, issuerAhead: String? = nil
    ) -> (Citation, Int)? {
        var tail = Tail(index: symbol.end, lastIndex: symbol.end - 1)
        skipIssuedOn(tokens, &tail)
        readDate(tokens, &tail, afterPlace: true)
        skipYearAlone(tokens, &tail)
        let parts = symbol.parts
        let codes = parts.dropFirst().filter { !isYear($0) }
        var issuerCodes = codes.map(DocumentNumber.symbolKey)
        if let first = issuerCodes.first, DirectiveType.codes[first] != nil { issuerCodes.removeFirst() }
        readIssuer(tokens, text: text, type: type, codes: codes, issuerCodes: issuerCodes, &tail)
        if tail.date == nil { readDate(tokens, &tail, afterPlace: false) }
        let (index, lastIndex, date, issuer) = (tail.index, tail.lastIndex, tail.date, tail.issuer)
        // "Sở Giáo dục và Đào tạo đã ban hành Công văn số 2062/SGDĐT-KHTC ...": the issuer first.
        let issuerBefore =
            issuer == nil ? issuerAhead ?? issuerBeforeType(tokens, text: text, typeIndex: startIndex) : nil
        let (subject, issuerAfter) = matchSubject(tokens, text: text, at: index, issuerKnown: issuer != nil)
        let symbolText = symbol.symbol
        // "Văn bản" names no type: the symbol's type code does ("văn bản 05-CT/TW" is a Chỉ thị).
        var type = type
        if type == "Văn bản", let code = codes.first, let named = DirectiveType.codes[DocumentNumber.symbolKey(code)] {
            type = named
        }
        var citation = Citation(
            type: type, symbol: symbolText, symbolKey: DocumentNumber.symbolKey(symbolText), date: date,
            symbolYear: parts.dropFirst().first(where: isYear).flatMap { Int($0) },
            issuer: issuer,
            subject: subjectBefore.map { [$0, subject].compactMap { $0 }.joined(separator: " ") } ?? subject,
            relation: .reference, text: slice(text, tokens[startIndex].start, tokens[lastIndex].end), sentence: "",
            linkStart: tokens[startIndex].start, linkEnd: tokens[symbol.end - 1].end, start: tokens[startIndex].start,
            issuerCodes: issuerCodes)
        // An issuer printed before the type or after the subject must agree with the level the
        // symbol's codes give: "Công văn số 15/BGDĐT-GDTH về hướng dẫn ... của Ban Chấp hành
        // Trung ương" is the Bộ's, and the Ban the subject's.
        // A local code (UBND) is every level's, from commune to province.
        func agreesWithCodes(_ issuer: String) -> Bool {
            var named = citation
            named.issuer = issuer
            let national: Set<IssuingLevel> = [.party, .central, .ministry]
            let byCodes = IssuerClassifier.level(of: citation), byName = IssuerClassifier.level(of: named)
            if byCodes == .unit { return true }
            return national.contains(byCodes) ? byName == byCodes : !national.contains(byName)
        }
        if let issuerBefore, agreesWithCodes(issuerBefore) {
            citation.issuer = issuerBefore
        } else if let issuerAfter, agreesWithCodes(issuerAfter.issuer) {
            citation.issuer = issuerAfter.issuer
            citation.subject =
                subjectBefore.map { [$0, issuerAfter.subject].compactMap { $0 }.joined(separator: " ") }
                ?? issuerAfter.subject
        }
        // Scanning goes on inside the subject: subjects often cite ("về tiếp tục thực hiện Chỉ thị ...").
        return (citation, max(symbol.end, index))
    }

    /// "33/CT-TTg (được) ban hành ngày 26/11/2021", "13/QĐ-UBND ký ngày 05/9/2024": the verb
    /// before the date is passed over (not taken into the citation's words).
    private func skipIssuedOn(_ tokens: [TextToken], _ tail: inout Tail) {
        var probe = tail.index
        if probe < tokens.count, tokens[probe].reads("được") { probe += 1 }
        if probe + 2 < tokens.count, tokens[probe].reads("ban"), tokens[probe + 1].reads("hành"),
            tokens[probe + 2].reads("ngày")
        {
            tail.index = probe + 2
        } else if probe + 1 < tokens.count, tokens[probe].reads("ký"), tokens[probe + 1].reads("ngày") {
            tail.index = probe + 1
        }
    }

    /// "… ngày 26/11/2021". `afterPlace`: also "Công văn số 1257/VPUBND-THVX Đồng Tháp, ngày 15
    /// tháng 9 năm 2020", a place of up to three capitalised words printed before the date.
    private func readDate(_ tokens: [TextToken], _ tail: inout Tail, afterPlace: Bool) {
        let index = tail.index
        var place = index
        while afterPlace, place < tokens.count, place - index < 3, tokens[place].isWord, tokens[place].startsUppercase,
            DirectiveType.match(tokens, at: place) == nil
        { place += 1 }
        for start in place > index ? [index, place] : [index] {
            if let (found, next) = matchDate(tokens, at: skipComma(tokens, start)) {
                tail.date = found
                tail.take(upTo: next)
                return
            }
        }
    }

    /// "Kế hoạch số 12/KH-UBND năm 2024 của UBND huyện": the year alone is no date, and the
    /// issuer follows it.
    private func skipYearAlone(_ tokens: [TextToken], _ tail: inout Tail) {
        let index = tail.index
        if tail.date == nil, index + 1 < tokens.count, tokens[index].reads("năm"), isYear(tokens[index + 1].text) {
            tail.take(upTo: index + 2)
        }
    }

    /// The ways an issuer follows a symbol (and its date), tried in this order: once "của" (or
    /// "giữa") is there it decides, whether or not a body follows; the others give way to the
    /// next when they find no body.
    private enum IssuerRule: CaseIterable {
        /// "… của Thủ tướng Chính phủ", "… giữa Bộ GDĐT và Bộ Y tế" (and "củ" for a dropped letter).
        case of
        /// "Quyết định số 12/QĐ-UBND do UBND huyện ban hành ngày 5/9/2024".
        case issuedBy
        /// "Nghị quyết số 29-NQ/TW ngày 04/11/2013 Hội nghị lần thứ tám Ban Chấp hành Trung
        /// ương": a Party or state body named right after the date, without "của".
        case namedAfterDate
    }

    private func readIssuer(
        _ tokens: [TextToken], text: String, type: String, codes: [String], issuerCodes: [String], _ tail: inout Tail
    ) {
        var start = skipComma(tokens, tail.index)
        // "Kế hoạch số 77/KH-UBND ngày 8/5/2017 (gọi tắt là Kế hoạch 77) của UBND tỉnh": an aside
        // in brackets before the issuer.
        if start < tokens.count, tokens[start].is("("),
            let close = tokens[start..<min(tokens.count, start + 24)].firstIndex(where: { $0.is(")") }),
            close + 1 < tokens.count, tokens[close + 1].reads("của")
        {
            start = close + 1
        }
        for rule in IssuerRule.allCases {
            switch rule {
            case .of:
                guard start < tokens.count,
                    Self.issuerOf.contains(tokens[start])
                        || (tokens[start].reads("củ") && start + 1 < tokens.count
                            && tokens[start + 1].startsUppercase)
                else { continue }
                // A joint ("liên tịch", "liên ngành") document: TTLT-BGDĐT-BNV. "SGDĐT-GDTrH" is
                // one body and its division.
                let joint =
                    issuerCodes.count > 1
                    && (["liên tịch", "liên ngành", "phối hợp"].contains(
                        where: VietnameseText.lowercased(type).containsUTF8)
                        || codes.first.map {
                            ["LT", "LN", "PH"].contains(String(DocumentNumber.symbolKey($0).suffix(2)))
                        }
                            == true)
                if let (found, next) = matchIssuer(tokens, text: text, at: start + 1, joint: joint) {
                    tail.issuer = found
                    tail.take(upTo: next)
                }
                return
            case .issuedBy:
                guard start < tokens.count, tokens[start].reads("do"),
                    let (found, next) = matchIssuer(tokens, text: text, at: start + 1),
                    next + 1 < tokens.count, tokens[next].reads("ban"), tokens[next + 1].reads("hành")
                else { continue }
                tail.issuer = found
                tail.take(upTo: next + 2)
                return
            case .namedAfterDate:
                let index = tail.index
                guard tail.date != nil, index < tokens.count, tokens[index].startsUppercase,
                    Self.namedWithoutOf.contains(tokens[index])
                        || (index + 1 < tokens.count && Self.bodyPairs.contains(tokens[index], tokens[index + 1])),
                    Self.namesBody(tokens, from: index, to: min(tokens.count, index + 16)),
                    // "Hội nghị lần thứ tám Ban Chấp hành Trung ương": the body is the Ban.
                    let (found, next) = matchIssuer(tokens, text: text, at: Self.bodyAfterMeeting(tokens, at: index))
                else { continue }
                tail.issuer = found
                tail.take(upTo: next)
                return
            }
        }
    }

    /// "ngày 26/11/2021", "tháng 8 năm 2024": the one reader of dates (`VietnameseDate`).
    private func matchDate(_ tokens: [TextToken], at start: Int) -> (IssuedDate, Int)? {
        VietnameseDate.match(tokens, at: start).map { ($0.date, $0.next) }
    }

    /// The issuing body, up to the words that start what follows it ("về", "ban hành", a
    /// punctuation mark, another citation). `joint`: a joint document (a Thông tư liên tịch,
    /// "TTLT-BGDĐT-BNV"), whose issuers' names are listed with commas.
    private func matchIssuer(_ tokens: [TextToken], text: String, at start: Int, joint: Bool = false) -> (String, Int)?
    {
        var index = start
        var lastWord = -1
        var brackets: [ClosedRange<Int>] = []
        while index < tokens.count, index - start < (joint ? 28 : 16) {
            let token = tokens[index]
            if token.isPunctuation {
                // "của Bộ Giáo dục và Đào tạo, Bộ Nội vụ": the next issuer of a joint document.
                if joint, token.printed(","), lastWord == index - 1, index + 1 < tokens.count,
                    Self.issuerHeads.containsAsPrinted(tokens[index + 1])
                {
                    index += 1
                    continue
                }
                let joins =
                    (token.printed("-") || token.printed("&") || token.printed("/"))
                    && index + 1 < tokens.count && tokens[index + 1].startsUppercase && lastWord >= 0
                let abbreviation =
                    token.printed(".") && lastWord == index - 1
                    && Self.abbreviations.containsAsPrinted(tokens[index - 1])
                if joins || abbreviation {
                    index += 1
                    continue
                }
                // "Ủy ban nhân dân (UBND) huyện Hồng Ngự": the name goes on after its abbreviation.
                // If what follows stops the name, the loop ends it before the brackets.
                if token.printed("("), lastWord >= 0, let close = abbreviationClose(tokens, at: index) {
                    brackets.append(index...close)
                    index = close + 1
                    continue
                }
                break
            }
            if stopsIssuer(tokens, at: index, start: start) { break }
            lastWord = index
            index += 1
        }
        guard lastWord >= start else { return nil }
        // The name without the abbreviation it defines for the rest of the text: "Ủy ban nhân
        // dân tỉnh Quảng Nam", not "Ủy ban nhân dân (UBND) tỉnh Quảng Nam".
        var pieces: [String] = []
        var from = start
        for bracket in brackets where bracket.upperBound < lastWord {
            pieces.append(slice(text, tokens[from].start, tokens[bracket.lowerBound - 1].end))
            from = bracket.upperBound + 1
        }
        pieces.append(slice(text, tokens[from].start, tokens[lastWord].end))
        // A body's name is a proper noun: "của phòng GD&ĐT Phong Điền" names the Phòng.
        return (VietnameseText.capitalizingFirst(pieces.joined(separator: " ")), lastWord + 1)
    }

    /// The ")" closing an abbreviation in brackets opened at `open`: one to three words, the
    /// last in capitals ("(UBND)", "(Sở GDĐT)").
    private func abbreviationClose(_ tokens: [TextToken], at open: Int) -> Int? {
        var index = open + 1
        while index < tokens.count, index - open <= 3, tokens[index].isWord { index += 1 }
        guard index < tokens.count, index > open + 1, tokens[index].is(")"), tokens[index - 1].isAllUppercase else {
            return nil
        }
        return index
    }

    private func stopsIssuer(_ tokens: [TextToken], at index: Int, start: Int) -> Bool {
        let token = tokens[index]
        // "Ban chỉ đạo phổ cập giáo dục": a body's name, not "chỉ đạo" said of the issuer.
        let nameGoesOn = token.printed("chỉ") && index > start && tokens[index - 1].reads("ban")
        if Self.issuerStopWords.containsAsPrinted(token), !nameGoesOn { return true }
        // "... Bộ Giáo dục và Đào tạo Về việc": capitalised after a line break.
        if Self.issuerStopWordsInAnyCase.contains(token) { return true }
        // "... huyện Phú Bình Căn cứ ...": the next line's opening, its full stop lost.
        if index + 1 < tokens.count, Self.issuerStopPairsInAnyCase.contains(token, tokens[index + 1]) { return true }
        // "Bộ trưởng Bộ Giáo dục và Đào tạo Ủy ban nhân dân thị trấn ...": a ministry, department
        // or office is never followed by a People's Committee within one name.
        if Self.committeeWords.contains(token),
            token.reads("ubnd") || (index + 1 < tokens.count && tokens[index + 1].reads("ban")),
            (start..<index).contains(where: { Self.bodyBefore(tokens, at: $0, start: start) })
        {
            return true
        }
        if index + 1 < tokens.count, Self.issuerStopPairs.containsAsPrinted(token, tokens[index + 1]) {
            return true
        }
        if token.reads("khóa") || token.reads("khoá") { return true }
        if token.reads("năm"), index + 1 < tokens.count, tokens[index + 1].isDigits { return true }
        if token.printed("và"), index + 1 < tokens.count, DirectiveType.match(tokens, at: index + 1) != nil {
            return true
        }
        if DirectiveType.match(tokens, at: index) != nil, !token.reads("lệnh") { return true }
        if token.printed("v") || token.printed("V"), index + 2 < tokens.count, tokens[index + 1].is("/") { return true }
        return false
    }

    /// The subject: a quoted phrase, or "về (việc) ...", "ban hành ...", "phê duyệt ..." (the
    /// `subjectOpeners`) up to the end of the clause.
    /// `issuerKnown`: an issuer came before the subject; else one printed at the subject's end
    /// is returned with the subject without it.
    private func matchSubject(_ tokens: [TextToken], text: String, at start: Int, issuerKnown: Bool)
        -> (subject: String?, issuerAfter: (issuer: String, subject: String?)?)
    {
        var index = skipComma(tokens, start)
        // "của Ban Chấp hành Đảng bộ Tỉnh khoá XI về ...", "(Khóa XI)": the term is not the subject.
        if index + 1 < tokens.count, Self.termWords.contains(tokens[index]), tokens[index + 1].isAllUppercase {
            index += 2
        }
        if index + 3 < tokens.count, tokens[index].is("("), Self.termWords.contains(tokens[index + 1]),
            tokens[index + 3].is(")")
        {
            index += 4
        }
        // "của Bộ Giáo dục và Đào tạo (GDĐT) về ...": the issuer's abbreviation is not the subject.
        if index + 2 < tokens.count, tokens[index].is("("), tokens[index + 1].isAllUppercase, tokens[index + 2].is(")")
        {
            index += 3
        }
        guard index < tokens.count else { return (nil, nil) }
        let opener = tokens[index].lower
        var keepOpener = false
        if opener == "về" {
            index += 1
            // "về Về nhiệm vụ ...": the word typed twice.
            if index < tokens.count, tokens[index].reads("về") { index += 1 }
            if index < tokens.count, tokens[index].reads("việc") { index += 1 }
        } else if opener == "v" && index + 2 < tokens.count && tokens[index + 1].is("/") {
            index += 3
        } else if index + 1 < tokens.count, Self.subjectOpeners.contains(tokens[index], tokens[index + 1]) {
            // "..., hướng dẫn số 26-HD/BTCTW": another citation, not this one's subject.
            if startsCitation(tokens, at: index) { return (nil, nil) }
            keepOpener = true
        } else if !(tokens[index].isPunctuation && Self.openQuotes.containsAsPrinted(tokens[index])) {
            return (nil, nil)
        }
        guard index < tokens.count else { return (nil, nil) }
        // A quoted subject ends at its closing quote.
        if tokens[index].isPunctuation, Self.openQuotes.containsAsPrinted(tokens[index]) {
            let open = tokens[index].text
            let close = Self.closeQuote[open] ?? open
            var end = index + 1
            while end < tokens.count, !(tokens[end].is(close)), end - index < 120 { end += 1 }
            // Quoted as printed (“Về đẩy mạnh ...” is a Chỉ thị's own title), with a capital:
            // “về việc đổi mới ...” is a subject of its own.
            if end < tokens.count, end > index + 1 {
                return (
                    VietnameseText.capitalizingFirst(slice(text, tokens[index + 1].start, tokens[end - 1].end)), nil
                )
            }
            return (nil, nil)
        }
        var end = index
        var inQuote = false
        var lastQuoteClose = -10
        // Cut before another citation or at the length limit, not at the end of its clause.
        var cutShort = true
        while end < tokens.count, end - index < 60 {
            let token = tokens[end]
            if token.isPunctuation {
                if Self.openQuotes.containsAsPrinted(token) && !inQuote {
                    inQuote = true
                } else if inQuote && (token.printed("”") || token.printed("\"") || token.printed("»")) {
                    inQuote = false
                    lastQuoteClose = end
                }
                // “Năm dân vận khéo” 2020, Ban Thường vụ ...: a comma soon after a quoted name ends it.
                let endsHere =
                    !inQuote
                    && ((token.printed(",") && end - lastQuoteClose <= 3)
                        // "Thực hiện Kế hoạch số ... về X, trường THPT Toàn Thắng xây dựng ...": the
                        // citing body's own clause starts after the comma.
                        // Not a list inside the subject: "Điều lệ trường THCS, trường THPT và ...".
                        || (token.printed(",") && end + 1 < tokens.count
                            && Self.clauseSubjects.contains(tokens[end + 1])
                            && Self.citingVerbFollows(tokens, from: end + 1))
                        || Self.subjectEnds.containsAsPrinted(token)
                        || (token.printed(".") && (end + 1 == tokens.count || tokens[end + 1].spaceBefore)))
                if endsHere {
                    cutShort = false
                    break
                }
            }
            if !inQuote, token.printed("và") || token.is(","), end + 1 < tokens.count,
                startsCitation(tokens, at: end + 1)
            {
                break
            }
            if !inQuote, token.isWord, end > index, startsCitation(tokens, at: end) { break }
            end += 1
        }
        if end == tokens.count { cutShort = false }
        // "thực hiện Kết luận số 100-KL/TW": the subject is cut at the citation, leaving only
        // the opener, which says nothing.
        guard end > index, !(keepOpener && end - index <= 2) else { return (nil, nil) }
        func words(upTo end: Int) -> String? {
            var subject = slice(text, tokens[index].start, tokens[end - 1].end)
            while let last = subject.last, last == "," || last == " " { subject.removeLast() }
            if subject.hasSuffix(",...") || subject.hasSuffix("...") {
                subject = String(subject.dropLast(subject.hasSuffix(",...") ? 4 : 3))
            }
            // "về sửa đổi, bổ sung một số điều của Nghị định số ...": the subject stops before the
            // citation it leads to, without the word that led to it. At a clause's end, a last
            // word is the subject's own ("chuyển đổi số.").
            while cutShort, let space = subject.lastIndex(of: " "),
                Self.trailingLinks.contains(String(subject[subject.index(after: space)...]).lowercased())
            {
                subject = String(subject[..<space])
                while let last = subject.last, last == "," || last == " " { subject.removeLast() }
            }
            return subject.isEmpty ? nil : VietnameseText.capitalizingFirst(subject)
        }
        // "... năm học 2024 – 2025 của phòng GD&ĐT Phong Điền.": the issuer, printed after the
        // subject at its clause's end.
        if !issuerKnown, !cutShort, let (issuer, of) = issuerAtEnd(tokens, text: text, from: index, to: end) {
            return (words(upTo: end), (issuer, words(upTo: of)))
        }
        return (words(upTo: end), nil)
    }

    /// "UBND tỉnh vừa ban hành Quyết định số ...", "Sở Giáo dục và Đào tạo đã ban hành Công văn
    /// số ...": a body's name opening the clause, right before "(đã, vừa) ban hành" and the type.
    private func issuerBeforeType(_ tokens: [TextToken], text: String, typeIndex: Int) -> String? {
        var verb = typeIndex - 2
        guard verb >= 1, tokens[verb].reads("ban"), tokens[verb + 1].reads("hành") else { return nil }
        if Self.tenseWords.contains(tokens[verb - 1]) { verb -= 1 }
        var start = verb
        while start > 0, verb - start < 14, !Self.endsClause(tokens, at: start - 1), !tokens[start - 1].is(",") {
            start -= 1
        }
        guard start < verb, verb - start < 14, tokens[start].startsUppercase,
            Self.namesBody(tokens, from: start, to: verb)
        else { return nil }
        return slice(text, tokens[start].start, tokens[verb - 1].end)
    }

    /// Past "Hội nghị (lần thứ tám, Trung ương 8 ...)" to the "Ban ..." that held it, if one is
    /// named within a few words.
    private static func bodyAfterMeeting(_ tokens: [TextToken], at index: Int) -> Int {
        guard index + 1 < tokens.count, tokens[index].reads("hội"), tokens[index + 1].reads("nghị") else {
            return index
        }
        return (index + 2..<min(tokens.count, index + 9)).first { tokens[$0].printed("Ban") } ?? index
    }

    /// Whether tokens `start..<end` name a body: a pair that does alone ("Thủ tướng"), or a head
    /// word with a name in capitals after it ("phòng GD&ĐT Phong Điền", not "Bộ" alone, "nhà
    /// trường" or "công tác dân vận"); "UBND" needs none.
    private static func namesBody(_ tokens: [TextToken], from start: Int, to end: Int) -> Bool {
        let head = tokens[start].lower
        if start + 1 < end, bodyPairs.contains(tokens[start], tokens[start + 1]) { return true }
        guard bodyHeads.contains(tokens[start]) else { return false }
        return head == "ubnd" || (start + 1..<end).contains { tokens[$0].isWord && tokens[$0].startsUppercase }
    }

    /// A body's name after the subject's last "của", running to the subject's end: "của phòng
    /// GD&ĐT Phong Điền", "của Trường TH Tây Bắc Sơn"; not "của nhà trường", "của ngành Giáo
    /// dục" or "của Bộ" alone. Returns the issuer and the index of "của".
    private func issuerAtEnd(_ tokens: [TextToken], text: String, from start: Int, to end: Int) -> (String, Int)? {
        guard let of = (start..<end).last(where: { tokens[$0].reads("của") }), of > start + 1, end - of <= 14,
            of + 1 < end,
            Self.namesBody(tokens, from: of + 1, to: end)
        else { return nil }
        guard let (issuer, next) = matchIssuer(tokens, text: text, at: of + 1), next == end else { return nil }
        return (issuer, of)
    }

    // MARK: - After matching

    /// Whether it was appended: never the document's own number.
    private func append(
        _ citation: Citation, at startIndex: Int, after previousEnd: Int, tokens: [TextToken], text: String,
        bytes: UnsafeBufferPointer<UInt8>,
        basisRanges: [Range<Int>], to result: inout Result
    ) -> Bool {
        if let own = ownSymbolKey, citation.symbolKey == own { return false }
        var citation = citation
        citation.issuer = citation.issuer.map(spellings.normalised)
        let underBasisHeading = basisRanges.contains { $0.contains(citation.start) }
        citation.relation =
            underBasisHeading && Self.opensLine(at: citation.start, in: bytes)
            ? .basis
            : relation(
                of: citation, at: startIndex, after: previousEnd, tokens: tokens, bytes: bytes,
                earlier: result.citations,
                underBasisHeading: underBasisHeading)
        citation.sentence = sentence(around: citation, in: bytes)
        result.citations.append(citation)
        return true
    }

    /// The words that tie a named text to the citation after them: "ban hành kèm theo".
    private static let issuedWithEndings: [[String]] = [
        ["kèm", "theo"], ["ban", "hành", "theo"], ["ban", "hành", "tại"], ["quy", "định", "tại"]
    ]

    /// What opens a clause that rests on the citation after it ("theo" is a word of its own).
    private static let openers = WordPairs(["căn cứ", "thực hiện"])

    /// Whether lowercased words open with one of the `openers`.
    private static func opensWithOpener(_ words: [Int], _ tokens: [TextToken]) -> Bool {
        words.count >= 2 && openers.contains(tokens[words[0]], tokens[words[1]])
    }

    /// Whether only a list marker ("-", "1.", "a)") stands between the line's start and `offset`.
    private static func opensLine(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var lineStart = offset
        while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        guard offset - lineStart <= 16 else { return false }
        let before = String(decoding: bytes[lineStart..<offset], as: UTF8.self)
        return BasisSection.strippingMarker(before).rest.allSatisfy(\.isWhitespace)
    }

    /// Basis when the clause opens with "Căn cứ", "Thực hiện" or "Theo" right before the
    /// citation, or when it continues a list whose first item is a basis. `previousEnd` is
    /// where the previous citation's words end.
    private func relation(
        of citation: Citation, at startIndex: Int, after previousEnd: Int, tokens: [TextToken],
        bytes: UnsafeBufferPointer<UInt8>,
        earlier: [Citation], underBasisHeading: Bool
    ) -> Citation.Relation {
        let previous = earlier.last
        var index = startIndex - 1
        // The clause's words before the citation, as token indices, in order: read in place,
        // not made into Strings.
        var words: [Int] = []
        /// Whether the clause's word at `position` reads `word`.
        func reads(_ position: Int, _ word: String) -> Bool {
            position < words.count && tokens[words[position]].reads(word)
        }
        var boundary: String?
        while index >= 0, startIndex - index < 80 {
            let token = tokens[index]
            if Self.endsClause(tokens, at: index) {
                boundary = token.text
                break
            }
            if let previous, token.end <= previous.linkEnd { break }
            // Items run together on one line ("... TỈNH THÁI BÌNH - Thực hiện theo Thông tư ..."):
            // a dash right before an opener starts the item.
            if Self.itemMarks.containsAsPrinted(token), Self.opensWithOpener(words, tokens) || reads(0, "theo") {
                boundary = token.text
                break
            }
            // A line that opens with "Căn cứ" under one without a full stop (a decision's
            // "HIỆU TRƯỞNG TRƯỜNG ..." over its bases, in plain text) starts a clause too.
            if index + 1 < startIndex, tokens[index + 1].startsUppercase,
                bytes[token.end..<tokens[index + 1].start].contains(0x0A),
                Self.opensWithOpener(words, tokens) || reads(0, "theo")
            {
                boundary = "\n"
                break
            }
            if token.isWord { words.insert(index, at: 0) }
            index -= 1
        }
        // Drop list markers ("1.", "a)", "-") left at the clause start.
        while let first = words.first.map({ tokens[$0].lower }),
            first.allSatisfy({ $0.isNumber }) || (first.count == 1 && words.count > 1 && first != "theo")
        {
            words.removeFirst()
        }
        // "I. CĂN CỨ ...\nQuyết định số A ...; Công văn số B ...": items of the heading's list.
        if underBasisHeading, words.isEmpty, boundary == ";" || boundary == "." { return .basis }
        let opensWithBasis = reads(0, "căn") && reads(1, "cứ")
        if words.count <= 4, opensWithBasis || (reads(0, "thực") && reads(1, "hiện")) || reads(0, "theo") {
            return .basis
        }
        // "Căn cứ kết quả thực hiện Kế hoạch số ...": what follows "Căn cứ" at a clause's start
        // is what the document rests on, a few words on.
        if words.count <= 8, opensWithBasis { return .basis }
        // "Căn cứ Điều lệ trường Mầm non, ban hành kèm theo Thông tư số 52/2020/TT-BGDĐT": the
        // charter rests on the document it was issued with, however long its name.
        if words.count <= 40, opensWithBasis,
            Self.issuedWithEndings.contains(where: { ending in
                words.count >= ending.count
                    && zip(words.suffix(ending.count), ending).allSatisfy { tokens[$0].reads($1) }
            })
        {
            return .basis
        }
        if let previous, previous.relation == .basis {
            // Only connectors after the previous citation's words (its symbol, date, issuer):
            // "Chỉ thị số 35-CT/TW ngày 30/5/2019, hướng dẫn số 26-HD/BTCTW". The next citation is
            // looked for after those words, so they end before this one starts.
            let connectorsOnly = tokens[min(previousEnd, startIndex)..<startIndex].allSatisfy { token in
                token.isPunctuation || Self.connectors.contains(token)
            }
            // Right after it (a list's ";" is the list's to judge, below).
            if connectorsOnly || (words.isEmpty && boundary == nil) || (words.count == 1 && reads(0, "và")) {
                return .basis
            }
            // The previous citation's date, issuer and subject lie between; what matters is the
            // last words before this one.
            if let last = words.last, tokens[last].reads("và"), words.count <= 60 { return .basis }
        }
        if words.isEmpty, boundary == ";" || boundary == ":",
            let listed = listRelation(endingAt: index, tokens: tokens, earlier: earlier)
        {
            return listed
        }
        return .reference
    }

    /// The relation of a list's items, for the item after the ";" or ":" at `separator`: the
    /// clauses before it are walked back while each is an item (it opens with a type word),
    /// until one opens with "Căn cứ", "Thực hiện" or "Theo", or with a citation whose relation
    /// is known. "Căn cứ Luật Giáo dục ngày 14/6/2019; Nghị định số 105/2020/NĐ-CP ...": the
    /// Nghị định is a basis though the list's head has no number. "... sửa đổi một số điều
    /// của Nghị định B; Nghị định C": C takes the relation of the item citing B, not B's.
    /// "Căn cứ các văn bản sau: Nghị định A; ...": the clause before ":" heads the list.
    private func listRelation(endingAt separator: Int, tokens: [TextToken], earlier: [Citation]) -> Citation.Relation? {
        var end = separator
        for _ in 0..<Self.maxListItems {
            var start = end - 1
            while start >= 0, !Self.endsClause(tokens, at: start) { start -= 1 }
            var first = start + 1
            // List markers: "-", "+", "a)", "1.".
            while first < end, tokens[first].isPunctuation { first += 1 }
            guard first < end else { return nil }
            // The item opens with a citation, or inside one whose issuer heads the list ("các
            // Quyết định của Thủ tướng Chính phủ: số 1400/QĐ-TTg ...").
            if let head = earlier.last(where: { $0.start <= tokens[first].start && tokens[first].start < $0.linkEnd }) {
                return head.relation
            }
            let opening = tokens[first..<min(end, first + 2)].filter(\.isWord).map(\.lower)
            if opening == ["căn", "cứ"] || opening == ["thực", "hiện"] || opening.first == "theo" { return .basis }
            // Only an item goes on to the clause before it, and only across a list's separator.
            guard !tokens[end].is(":"), DirectiveType.match(tokens, at: first) != nil || tokens[first].reads("số"),
                start >= 0,
                tokens[start].is(";") || tokens[start].is(":")
            else { return nil }
            end = start
        }
        return nil
    }

    /// Punctuation that ends a clause; ")" only when it closes a list marker ("a)", "2)"),
    /// not an abbreviation in brackets ("(GDĐT)").
    private static func endsClause(_ tokens: [TextToken], at index: Int) -> Bool {
        let token = tokens[index]
        guard token.isPunctuation else { return false }
        if Self.clauseEnds.containsAsPrinted(token) { return true }
        guard token.printed(")"), index >= 1, tokens[index - 1].isWord, tokens[index - 1].utf8.count <= 3 else {
            return false
        }
        return index == 1 || tokens[index - 2].isPunctuation
    }

    private static let maxListItems = 12

    /// Punctuation ending a clause (`endsClause`), a subject (`matchSubject`), joining a
    /// symbol's parts, separating a list's numbers, marking a list's items.
    private static let clauseEnds = WordSet([".", ";", ":", "!", "?"])
    private static let subjectEnds = WordSet([";", ":", "(", ")"])
    private static let symbolSeparators = WordSet(["/", "-", "–", "."])
    private static let listSeparators = WordSet([",", ";", ":"])
    private static let itemMarks = WordSet(["-", "–", "+", "•"])
    /// "của", "giữa" before an issuer; "ủy", "UBND" opening a People's Committee; "khóa" before a
    /// Party committee's term; "đã", "vừa", "mới" before "ban hành"; the words joining a list.
    private static let issuerOf = WordSet(["của", "giữa"])
    private static let committeeWords = WordSet(["ủy", "uỷ", "ubnd"])
    private static let termWords = WordSet(["khóa", "khoá"])
    private static let tenseWords = WordSet(["đã", "vừa", "mới"])
    private static let connectors = WordSet(["và", "các", "cùng"])

    private func sentence(around citation: Citation, in utf8: UnsafeBufferPointer<UInt8>) -> String {
        var start = citation.start
        while start > 0, citation.start - start < 400 {
            let byte = utf8[start - 1]
            if (byte == 0x2E || byte == 0x3B || byte == 0x0A) && start < utf8.count
                && (utf8[start] == 0x20 || utf8[start] == 0x0A || byte == 0x0A)
            {
                break
            }
            start -= 1
        }
        var end = citation.linkEnd
        while end < utf8.count, end - citation.linkEnd < 600 {
            let byte = utf8[end]
            if byte == 0x0A { break }
            if (byte == 0x2E || byte == 0x3B)
                && (end + 1 == utf8.count || utf8[end + 1] == 0x20 || utf8[end + 1] == 0x0A)
            {
                end += 1
                break
            }
            end += 1
        }
        // Never cut inside a UTF-8 sequence.
        while start < citation.start, utf8[start] & 0xC0 == 0x80 { start += 1 }
        while end < utf8.count, end > citation.linkEnd, utf8[end] & 0xC0 == 0x80 { end -= 1 }
        return VietnameseText.collapseWhitespace(utf8: UnsafeBufferPointer(rebasing: utf8[start..<end]))
    }

    /// "Quyết định 217-QĐ/TW, Quyết định số 218-QĐ/TW của Bộ Chính trị": the items of a list
    /// share the issuer printed after the last one, when their symbols name the same issuer code.
    private func shareIssuersAcrossLists(_ citations: inout [Citation], text: String) {
        guard citations.count > 1 else { return }
        for index in stride(from: citations.count - 2, through: 0, by: -1) where citations[index].issuer == nil {
            let next = citations[index + 1]
            guard let issuer = next.issuer, next.issuerCodes == citations[index].issuerCodes, !next.issuerCodes.isEmpty,
                citations[index].linkEnd <= next.start
            else { continue }
            let gap = slice(text, citations[index].linkEnd, next.start)
            let shares = TextTokenizer.withTokens(gap) { gapTokens, _ in
                sharesIssuer(gapTokens, gap: gap, dated: citations[index].date != nil)
            }
            if shares { citations[index].issuer = issuer }
        }
    }

    /// Whether the words between two citations let the first take the second's issuer.
    private func sharesIssuer(_ gapTokens: [TextToken], gap: String, dated: Bool) -> Bool {
        let onlyConnectors =
            gapTokens.allSatisfy { $0.is(",") || $0.reads("và") }
            || (dated && gapTokens.count <= 8 && !gap.contains(";") && !gap.contains("của"))
        // "Thông tư số 15/2020/TT-BGDĐT ngày 26/5/2020 được sửa đổi, bổ sung tại Thông tư số
        // 05/2021/TT-BGDĐT ..., ... của Bộ trưởng ...": amended by texts of the same issuer code.
        let afterDate =
            gapTokens.first?.reads("ngày") == true
            ? gapTokens.drop {
                $0.reads("ngày") || $0.isDigits || ["/", "-", ".", "tháng", "năm"].contains($0.lower)
            } : gapTokens[...]
        let amended =
            afterDate.contains { $0.reads("sửa") }
            && afterDate.allSatisfy { $0.is(",") || Self.amendmentWords.contains($0) }
        return onlyConnectors || amended
    }

    /// "Căn cứ các Quyết định của Thủ tướng Chính phủ: số 1400/QĐ-TTg ...; Quyết định số
    /// 2080/QĐ-TTg ...": the issuer printed ahead is every item's whose symbol has the same
    /// issuer code, until the clause ends (a line break, a full stop, another "Căn cứ").
    private func shareListHeadIssuers(_ citations: inout [Citation], heads: [Int], text: String) {
        for head in heads {
            guard let issuer = citations[head].issuer, !citations[head].issuerCodes.isEmpty else { continue }
            var previousEnd = citations[head].linkEnd
            for index in citations.indices.dropFirst(head + 1) {
                let item = citations[index]
                guard item.start >= previousEnd, item.start - previousEnd <= 400 else { break }
                let gap = slice(text, previousEnd, item.start)
                let clauseEnds =
                    gap.contains("\n")
                    || TextTokenizer.withTokens(gap) { gapTokens, _ in
                        zip(gapTokens, gapTokens.dropFirst()).contains { pair in
                            (pair.0.is(".") && pair.1.spaceBefore && pair.1.startsUppercase)
                                || Self.openers.contains(pair.0, pair.1)
                        }
                    }
                if clauseEnds || item.issuerCodes != citations[head].issuerCodes { break }
                if item.issuer == nil { citations[index].issuer = issuer } else { break }
                previousEnd = item.linkEnd
            }
        }
    }

    /// "được sửa đổi, bổ sung tại", "đã được sửa đổi bởi": what ties a text to its amendments.
    private static let amendmentWords = WordSet([
        "được", "đã", "sửa", "đổi", "bổ", "sung", "tại", "bởi", "theo", "và"
    ])

    // MARK: - Helpers

    /// A type phrase followed by "số" or a number, or a named type ("Luật Giáo dục số ..."), the
    /// start of another citation: "chi tiết và hướng dẫn thi hành" is not one.
    private func startsCitation(_ tokens: [TextToken], at index: Int) -> Bool {
        guard let typed = DirectiveType.match(tokens, at: index), index + typed.count < tokens.count else {
            return false
        }
        let next = tokens[index + typed.count]
        if next.reads("số") || next.isDigits { return true }
        guard DirectiveType.namedTypes.contains(typed.name) else { return false }
        var probe = index + typed.count
        while probe < tokens.count, probe - index < 10, tokens[probe].isWord {
            if tokens[probe].reads("số") { return true }
            probe += 1
        }
        return false
    }

    private func skipComma(_ tokens: [TextToken], _ index: Int) -> Int {
        index < tokens.count && tokens[index].is(",") ? index + 1 : index
    }

    /// "2018TT": a year with a type code glued to it.
    private func isYearGluedToCode(_ token: TextToken) -> Bool {
        guard token.isCodeShaped, token.utf8.count >= 6 else { return false }
        let year = String(token.text.prefix(4))
        let code = token.text.dropFirst(4)
        return isYear(year) && code.allSatisfy { $0.isUppercase } && DocumentType.byCode[String(code)] != nil
    }

    /// "12019" between slashes, a type code after it: a year with a digit too many.
    private func hasStrayDigitInYear(_ tokens: [TextToken], at index: Int) -> Bool {
        let token = tokens[index]
        guard token.isDigits, token.utf8.count == 5, index + 2 < tokens.count, tokens[index + 1].is("/"),
            !tokens[index + 1].spaceBefore, tokens[index + 2].isCodeShaped, tokens[index + 2].isAllUppercase,
            DocumentType.byCode[tokens[index + 2].text] != nil
        else { return false }
        return isYear(String(token.text.prefix(4))) || isYear(String(token.text.suffix(4)))
    }

    private func isYear(_ text: String) -> Bool {
        text.utf8.count == 4 && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            && (1945...2100).contains(Int(text) ?? 0)
    }

    private func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: start)
        let to = utf8.index(utf8.startIndex, offsetBy: max(start, end))
        return VietnameseText.collapseWhitespace(String(text[from..<to]))
    }

    /// What a subject may open with besides "về (việc)", kept in it: "... của Thủ tướng Chính phủ
    /// phê duyệt Đề án ...".
    static let subjectOpeners = WordPairs([
        "ban hành", "thực hiện", "quy định", "hướng dẫn", "phê duyệt", "triển khai"
    ])
    /// Words that cannot end a subject: they lead on to what was cut off.
    static let trailingLinks: Set<String> = ["của", "và", "tại", "theo", "về", "với", "cho", "các", "những", "số"]
    static let openQuotes = WordSet(["“", "\"", "«", "‘"])
    static let closeQuote: [String: String] = ["“": "”", "\"": "\"", "«": "»", "‘": "’"]
    /// Uppercase words that follow a symbol in headings and are never part of it.
    static let uppercaseWords = WordSet([
        "VE", "VA", "CUA", "NAM", "THANG", "NGAY", "SO", "TAI", "TRONG", "THEO", "DE", "CHO", "BAN", "HANH"
    ])
    /// The verbs of a citing body's own clause ("trường THPT Toàn Thắng xây dựng kế hoạch ..."),
    /// looked for up to the clause's end.
    static let citingVerbs = WordPairs([
        "xây dựng", "báo cáo", "ban hành", "triển khai", "tổ chức", "hướng dẫn", "đề ra", "thực hiện",
        "tiến hành", "thông báo", "kiện toàn", "quyết định", "chỉ đạo", "yêu cầu", "đề nghị", "lập kế",
        "công khai", "phát động", "tổng kết", "sơ kết"
    ])

    private static func citingVerbFollows(_ tokens: [TextToken], from start: Int) -> Bool {
        var index = start
        while index + 1 < tokens.count, index - start < 16, !endsClause(tokens, at: index) {
            if citingVerbs.contains(tokens[index], tokens[index + 1]) { return true }
            index += 1
        }
        return false
    }

    /// Words that open the citing document's own clause after a comma.
    static let clauseSubjects = WordSet([
        "trường", "nhà", "phòng", "ban", "bộ", "công", "ủy", "uỷ", "ubnd", "sở", "chi", "đơn", "các", "chúng", "liên",
        "hội", "đảng", "bch"
    ])
    static let abbreviations = WordSet(["TP", "Tp", "TX", "Q", "H", "P", "X", "TT"])
    /// Lowercase words that end an issuer's name: what follows it in a citing sentence.
    static let issuerStopWords = WordSet([
        "về", "của", "ngày", "số", "đã", "nhằm", "trong", "tại", "theo", "để", "cho", "với", "là", "được", "thì", "mà",
        "nay", "đến", "từ", "vào", "giao", "gửi", "lần", "nhiệm", "giai", "tiếp", "triển", "thực", "phê", "sửa",
        "bổ", "kèm", "chỉ", "yêu", "quy", "hướng", "trên", "tổ", "tham", "thống", "như", "cụ", "đối", "sau", "khi",
        "này", "đó", "các", "những", "đề", "có", "năm", "việc", "tháng"
    ])
    static let issuerStopWordsInAnyCase = WordSet(["về", "ngày", "số"])
    static let issuerHeads = WordSet(ProperNames.bodyHeads)
    /// `ProperNames.bodyHeadsInAnyCase`, and the pairs that name a body alone: for an issuer
    /// outside its usual place ("của phòng GD&ĐT ...").
    static let bodyHeads = WordSet(ProperNames.bodyHeadsInAnyCase)
    static let bodyPairs = WordPairs([
        "thủ tướng", "chính phủ", "quốc hội", "tỉnh ủy", "tỉnh uỷ", "huyện ủy", "huyện uỷ", "thành ủy",
        "thành uỷ", "đảng ủy", "đảng uỷ", "chi bộ"
    ])
    /// Head words of a body that may follow a date without "của" (a school's or an office's
    /// name there starts the citing clause instead).
    static let namedWithoutOf = WordSet(["hội", "ban", "bộ"])
    static let issuerStopPairsInAnyCase = WordPairs(["căn cứ", "thực hiện", "kính gửi", "ban hành"])

    /// A Bộ (not "Bộ trưởng"), Sở or Phòng (not "Văn phòng") at `index` of an issuer's words.
    private static func bodyBefore(_ tokens: [TextToken], at index: Int, start: Int) -> Bool {
        let token = tokens[index]
        if token.reads("bộ") { return index + 1 >= tokens.count || !tokens[index + 1].reads("trưởng") }
        if token.reads("sở") { return true }
        if token.reads("phòng") { return index == start || !tokens[index - 1].reads("văn") }
        return false
    }
    static let issuerStopPairs = WordPairs([
        "ban hành", "thực hiện", "quy định", "hướng dẫn", "triển khai", "tiếp tục"
    ])
}
