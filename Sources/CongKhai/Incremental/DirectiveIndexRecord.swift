import Citations
import VietText

/// How a build's directive index is kept in the build cache (BinaryRecord), for the next build
/// to take whole when its citations are unchanged. Each directive's address is not kept: its
/// key gives it.
extension DirectiveIndex.Built {
    func write(to record: inout RecordWriter) {
        record.uint64(inputKey)
        record.array(directives) { $1.write(to: &$0) }
        record.array(directiveOfCitation) { record, numbers in record.array(numbers) { $0.int(Int($1)) } }
        record.array(notes) { record, note in
            record.int(note.document)
            record.int(note.position)
            switch note.reason {
            case .noLocality: record.optional([Int]?.none) { $0.array($1) { $0.int($1) } }
            case .ambiguousYear(let years): record.optional(years) { $0.array($1) { $0.int($1) } }
            }
        }
    }

    init(record: inout RecordReader) throws(RecordReader.Corrupt) {
        let inputKey = try record.uint64()
        let directives = try record.array { reader throws(RecordReader.Corrupt) in try Directive(record: &reader) }
        let numbers = try record.array { reader throws(RecordReader.Corrupt) in
            try reader.array { reader throws(RecordReader.Corrupt) in Int32(clamping: try reader.int()) }
        }
        let notes = try record.array { reader throws(RecordReader.Corrupt) -> DirectiveIndex.Note in
            let document = try reader.int(), position = try reader.int()
            let years = try reader.optional { reader throws(RecordReader.Corrupt) in
                try reader.array { reader throws(RecordReader.Corrupt) in try reader.int() }
            }
            return DirectiveIndex.Note(
                document: document, position: position, reason: years.map { .ambiguousYear($0) } ?? .noLocality)
        }
        self.init(inputKey: inputKey, directives: directives, directiveOfCitation: numbers, notes: notes)
    }
}

extension Directive {
    func write(to record: inout RecordWriter) {
        record.strings([key, identity.symbolKey, type, symbol, level.rawValue])
        record.optional(identity.year) { $0.int($1) }
        record.optional(identity.locality) { $0.string($1) }
        record.strings(variants)
        record.optional(date) { $1.write(to: &$0) }
        record.optional(issuer) { $0.string($1) }
        record.optional(subject) { $0.string($1) }
        record.array(citedBy) { record, entry in
            record.int(entry.document)
            record.int(entry.position)
            record.string(entry.relation.rawValue)
        }
    }

    init(record: inout RecordReader) throws(RecordReader.Corrupt) {
        let texts = try record.strings()
        guard texts.count == 5, let level = IssuingLevel(rawValue: texts[4]) else { throw RecordReader.Corrupt() }
        let identity = DirectiveKey(
            symbolKey: texts[1], year: try record.optionalInt(), locality: try record.optionalString())
        let variants = try record.strings()
        let date = try record.optional { reader throws(RecordReader.Corrupt) in try IssuedDate(record: &reader) }
        let issuer = try record.optionalString()
        let subject = try record.optionalString()
        let citedBy = try record.array { reader throws(RecordReader.Corrupt) -> CitedBy in
            let document = try reader.int(), position = try reader.int()
            guard let relation = Citation.Relation(rawValue: try reader.string()) else { throw RecordReader.Corrupt() }
            return CitedBy(document: document, position: position, relation: relation)
        }
        self.init(
            key: texts[0], identity: identity, type: texts[2], symbol: texts[3], variants: variants, date: date,
            issuer: issuer,
            subject: subject, level: level, url: URLScheme.directive(texts[0]), citedBy: citedBy)
    }
}
