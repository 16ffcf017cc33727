import Citations
import VietText

/// How a loaded and parsed document is kept in the build cache (BinaryRecord): every field, in
/// declaration order, except the Markdown body, which nothing after the parse reads. A round-trip test over the seeds checks each type comes back equal.
extension SourceDocument {
    func write(to record: inout RecordWriter) {
        record.strings([self.unitID, self.schoolYear, self.slug, self.sourcePath, self.title, self.kind])
        for field in [
            self.number, self.place, self.signer, self.signerTitle, self.status, self.replaces, self.period,
            self.sourceURL
        ] {
            record.optional(field) { $0.string($1) }
        }
        record.optional(self.issued) { $1.write(to: &$0) }
        record.optional(self.published) { $1.write(to: &$0) }
        for list in [self.recipients, self.letterhead, self.categories, self.attachments] { record.strings(list) }
        record.bool(self.draft)
        record.string(self.body)
        record.int(self.bodyLine)
        record.optional(self.inputKey) { $0.uint64($1) }
    }

    init(record: inout RecordReader) throws(RecordReader.Corrupt) {
        let names = try record.strings()
        guard names.count == 6 else { throw RecordReader.Corrupt() }
        var optionals: [String?] = []
        for _ in 0..<8 { optionals.append(try record.optionalString()) }
        let issued = try record.optional { reader throws(RecordReader.Corrupt) in try IssuedDate(record: &reader) }
        let published = try record.optional { reader throws(RecordReader.Corrupt) in try IssuedDate(record: &reader) }
        var lists: [[String]] = []
        for _ in 0..<4 { lists.append(try record.strings()) }
        self.init(
            unitID: names[0], schoolYear: names[1], slug: names[2], sourcePath: names[3], title: names[4],
            kind: names[5],
            number: optionals[0], issued: issued, place: optionals[1], signer: optionals[2], signerTitle: optionals[3],
            recipients: lists[0], letterhead: lists[1], categories: lists[2], attachments: lists[3],
            status: optionals[4], replaces: optionals[5], draft: try record.bool(), period: optionals[6],
            published: published, sourceURL: optionals[7],
            body: try record.string(), bodyLine: try record.int())
        self.inputKey = try record.optional { reader throws(RecordReader.Corrupt) in try reader.uint64() }
    }
}

extension IssuedDate {
    func write(to record: inout RecordWriter) {
        record.int(year)
        record.int(month)
        record.optional(day) { $0.int($1) }
    }

    init(record: inout RecordReader) throws(RecordReader.Corrupt) {
        let year = try record.int(), month = try record.int()
        let day = try record.optionalInt()
        guard let date = IssuedDate(year: year, month: month, day: day) else { throw RecordReader.Corrupt() }
        self = date
    }
}

extension Diagnostic {
    func write(to record: inout RecordWriter) {
        record.strings([severity.rawValue, code, file, message.vi, message.en])
        record.optional(line) { $0.int($1) }
        record.optional(column) { $0.int($1) }
        record.optional(key) { $0.string($1) }
        record.optional(fix) { $0.strings([$1.vi, $1.en]) }
    }

    init(record: inout RecordReader) throws(RecordReader.Corrupt) {
        let texts = try record.strings()
        guard texts.count == 5, let severity = Severity(rawValue: texts[0]) else { throw RecordReader.Corrupt() }
        let line = try record.optionalInt()
        let column = try record.optionalInt()
        let key = try record.optionalString()
        let fix = try record.optional { reader throws(RecordReader.Corrupt) in try reader.strings() }
        if let fix, fix.count != 2 { throw RecordReader.Corrupt() }
        self.init(
            severity, texts[1], file: texts[2], line: line, column: column, key: key,
            message: LocalizedText(vi: texts[3], en: texts[4]), fix: fix.map { LocalizedText(vi: $0[0], en: $0[1]) })
    }
}

extension Citation {
    func write(to record: inout RecordWriter) {
        record.strings([type, symbol, symbolKey, relation.rawValue, text, sentence])
        record.optional(date) { $1.write(to: &$0) }
        record.optional(symbolYear) { $0.int($1) }
        record.optional(issuer) { $0.string($1) }
        record.optional(subject) { $0.string($1) }
        for number in [linkStart, linkEnd, start, line] { record.int(number) }
        record.strings(issuerCodes)
    }

    init(record: inout RecordReader) throws(RecordReader.Corrupt) {
        let texts = try record.strings()
        guard texts.count == 6, let relation = Relation(rawValue: texts[3]) else { throw RecordReader.Corrupt() }
        let date = try record.optional { reader throws(RecordReader.Corrupt) in try IssuedDate(record: &reader) }
        let symbolYear = try record.optionalInt()
        let issuer = try record.optionalString()
        let subject = try record.optionalString()
        let linkStart = try record.int(), linkEnd = try record.int(), start = try record.int(), line = try record.int()
        self.init(
            type: texts[0], symbol: texts[1], symbolKey: texts[2], date: date, symbolYear: symbolYear, issuer: issuer,
            subject: subject, relation: relation, text: texts[4], sentence: texts[5], linkStart: linkStart,
            linkEnd: linkEnd,
            start: start, issuerCodes: try record.strings(), line: line)
    }
}

extension RenderedMarkdown {
    /// Not its HTML nor its words: `init(record:again:)` leaves them to a parse made again. The
    /// citations are a nested record, after their summary, so that a reader can leave them
    /// undecoded; citations read from the cache and not decoded are written back as they are.
    func write(to record: inout RecordWriter) {
        record.array(citationSummary.relations) { $0.bool($1 == .basis) }
        record.uint64(citationSummary.indexKey)
        record.uint64(citationSummary.sentencesKey)
        if let recordedCitations {
            record.int(recordedCitations.count)
            record.append(recorded: recordedCitations)
        } else {
            let citations = citations
            record.nested { $0.array(citations) { $1.write(to: &$0) } }
        }
        record.array(blanks) { record, blank in
            record.strings([blank.type, blank.symbol])
            record.int(blank.start)
        }
        record.array(links) { record, link in
            record.string(link.url)
            record.int(link.line)
        }
        record.optional(recipientsLine) { $0.int($1) }
        record.string(excerpt)
    }

    /// `again` parses the same body again, when the HTML or the words are first read. The
    /// citations are decoded when first read; should their record not read back as its summary
    /// says (damage the summary cannot show), they are those of the parse made again.
    init(record: inout RecordReader, again: @escaping @Sendable () -> RenderedMarkdown) throws(RecordReader.Corrupt) {
        let relations = try record.array { reader throws(RecordReader.Corrupt) in
            try reader.bool() ? Citation.Relation.basis : .reference
        }
        let summary = CitationSummary(
            relations: relations, indexKey: try record.uint64(), sentencesKey: try record.uint64())
        let recorded = try record.nested()
        let blanks = try record.array { reader throws(RecordReader.Corrupt) -> BlankCitation in
            let texts = try reader.strings()
            guard texts.count == 2 else { throw RecordReader.Corrupt() }
            return BlankCitation(type: texts[0], symbol: texts[1], start: try reader.int())
        }
        let links = try record.array { reader throws(RecordReader.Corrupt) in
            BodyLink(url: try reader.string(), line: try reader.int())
        }
        let recipientsLine = try record.optionalInt()
        let excerpt = try record.string()
        let parsedAgain = Later(again)
        let citations = Later { () -> [Citation] in
            var reader = recorded
            if let decoded = try? reader.array({ reader throws(RecordReader.Corrupt) in try Citation(record: &reader) }
            ),
                reader.isAtEnd, decoded.map(\.relation) == relations
            {
                return decoded
            }
            return parsedAgain.value.citations
        }
        self.init(
            citations: citations, recorded: recorded.remaining, summary: summary, blanks: blanks, links: links,
            recipientsLine: recipientsLine, excerpt: excerpt, again: parsedAgain)
    }
}
