import VietText

/// One numbered citation of another document, as printed in a text.
public struct Citation: Sendable, Hashable {
    package enum Relation: String, Sendable, Hashable {
        /// "Căn cứ ...", "Thực hiện ...", "Theo ...": the document rests on it (văn bản căn cứ).
        case basis = "can-cu"
        /// Any other mention (văn bản dẫn chiếu).
        case reference = "dan-chieu"
    }

    /// The spelled-out type ("Chỉ thị"), or the type its code stands for when none is printed.
    package var type: String
    /// Number and symbol as printed, stray spaces removed: "33/CTTTg", "01-NQ/TU".
    package var symbol: String
    /// Uppercase ASCII letters and digits of the symbol: the identity shared by its spellings.
    package var symbolKey: String
    package var date: IssuedDate?
    /// The year printed inside a normative symbol ("30/2020/NĐ-CP").
    package var symbolYear: Int?
    /// The issuing body from the "của ..." (or "giữa ...") phrase.
    package var issuer: String?
    /// The quoted or "về ..." phrase.
    package var subject: String?
    package var relation: Relation
    /// The matched words, from the type through the issuer.
    package var text: String
    /// The sentence that holds the citation.
    package var sentence: String
    /// UTF-8 offsets, in the scanned text, of the words to link: the type through the symbol.
    public var linkStart: Int
    public var linkEnd: Int
    /// UTF-8 offset of the whole match's start, for line numbers.
    package var start: Int
    /// The codes of the symbol other than the number, a year and the type code: the issuer's
    /// code ("TTg", "UBND HC"), folded: ["TTG"], ["UBND", "HC"].
    package var issuerCodes: [String]
    /// 1-based line in the source file, set by whoever knows where the text came from.
    package var line: Int = 0

    /// The year the directive was issued: from its date, else from its symbol.
    package var year: Int? { date?.year ?? symbolYear }

    package init(
        type: String, symbol: String, symbolKey: String, date: IssuedDate?, symbolYear: Int?, issuer: String?,
        subject: String?, relation: Relation, text: String, sentence: String, linkStart: Int, linkEnd: Int,
        start: Int, issuerCodes: [String], line: Int = 0
    ) {
        self.type = type
        self.symbol = symbol
        self.symbolKey = symbolKey
        self.date = date
        self.symbolYear = symbolYear
        self.issuer = issuer
        self.subject = subject
        self.relation = relation
        self.text = text
        self.sentence = sentence
        self.linkStart = linkStart
        self.linkEnd = linkEnd
        self.start = start
        self.issuerCodes = issuerCodes
        self.line = line
    }
}

/// A mention whose number is left blank ("Kế hoạch số /KH-THAP"): not a citation of another
/// document, but worth listing apart.
package struct BlankCitation: Sendable, Hashable {
    package var type: String
    package var symbol: String
    package var start: Int

    package init(type: String, symbol: String, start: Int) {
        self.type = type
        self.symbol = symbol
        self.start = start
    }
}
