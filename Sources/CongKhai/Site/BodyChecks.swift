import VietText

/// Warnings about what a document's body says, found once it is parsed and its citations
/// resolved: they never stop a build, but a publisher should see them.
enum BodyChecks {
    static func diagnostics(documents: [SiteDocument], notes: [DirectiveIndex.Note]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for note in notes {
            let document = documents[note.document].source
            let citations = documents[note.document].rendered.citations
            guard citations.indices.contains(note.position) else { continue }
            let citation = citations[note.position]
            switch note.reason {
            case .ambiguousYear(let years):
                let list = years.map(String.init).joined(separator: ", ")
                found.append(
                    Diagnostic(
                        .warning, "citation.ambiguous", file: document.sourcePath, line: citation.line,
                        message: .init(
                            vi:
                                "trích dẫn “\(citation.text)” không ghi ngày, mà có nhiều văn bản số \(citation.symbol) (năm \(list)); không biết là văn bản nào.",
                            en:
                                "citation “\(citation.text)” has no date, and several documents numbered \(citation.symbol) exist (\(list)); it cannot be resolved."
                        ),
                        fix: .init(
                            vi: "thêm ngày ban hành vào câu trích dẫn, ví dụ “ngày 26/11/2021”.",
                            en: "add the date to the citation, e.g. “ngày 26/11/2021”.")))
            case .noLocality:
                found.append(
                    Diagnostic(
                        .warning, "citation.no-locality", file: document.sourcePath, line: citation.line,
                        message: .init(
                            vi:
                                "trích dẫn “\(citation.text)” của cơ quan địa phương nhưng không biết huyện, tỉnh nào, nên có thể bị gộp nhầm với văn bản cùng số của nơi khác.",
                            en:
                                "citation “\(citation.text)” is of a local issuer but its district or province is unknown, so it may be merged with another place's document."
                        ),
                        fix: .init(
                            vi:
                                "điền `district` và `province` trong unit.yaml của đơn vị, hoặc ghi rõ “của UBND huyện ...” trong câu.",
                            en:
                                "fill in `district` and `province` in the unit's unit.yaml, or name the place in the citation."
                        )))
            }
        }
        // By index: a SiteDocument copied per iteration retains its forty-odd fields.
        for index in documents.indices {
            let rendered = documents[index].rendered
            guard !rendered.blanks.isEmpty || rendered.recipientsLine != nil || !rendered.links.isEmpty else {
                continue
            }
            let source = documents[index].source
            for blank in rendered.blanks
            where DocumentNumber.symbolKey(blank.symbol) != DocumentNumber.symbolKey(source.number ?? "-") {
                found.append(
                    Diagnostic(
                        .warning, "citation.blank-number", file: source.sourcePath, line: source.bodyLine,
                        message: .init(
                            vi: "có nhắc “\(blank.type) số \(blank.symbol)” còn để trống số nên không liên kết được.",
                            en:
                                "“\(blank.type) số \(blank.symbol)” is mentioned with a blank number, so it cannot be linked."
                        ),
                        fix: .init(vi: "điền số văn bản nếu đã có.", en: "fill in the number if it is known.")))
            }
            if let line = rendered.recipientsLine {
                found.append(
                    Diagnostic(
                        .warning, "document.recipients-in-body", file: source.sourcePath, line: line, key: "recipients",
                        message: .init(
                            vi: "phần “Nơi nhận” đang nằm trong nội dung văn bản.",
                            en: "a “Nơi nhận” block is left in the body."),
                        fix: .init(
                            vi: "chuyển các dòng nơi nhận vào khóa `recipients:` ở phần đầu và xóa khỏi nội dung.",
                            en: "move the recipients to the `recipients:` key and delete them from the body.")))
            }
            let attachments = Set(source.attachments + source.attachments.map(URLScheme.attachmentName))
            for link in rendered.links where isRelative(link.url) {
                let target = link.url.split(separator: "#").first.map(String.init) ?? link.url
                if attachments.contains(target) { continue }
                found.append(
                    Diagnostic(
                        .warning, "document.broken-link", file: source.sourcePath, line: link.line,
                        message: .init(
                            vi: "liên kết “\(link.url)” không dẫn tới trang hay tệp nào của cổng.",
                            en: "link “\(link.url)” leads to no page or file of the portal."),
                        fix: .init(
                            vi:
                                "dùng địa chỉ đầy đủ (https://...), hoặc đặt tệp cạnh văn bản và ghi tên nó vào `attachments`.",
                            en:
                                "use a full address (https://...), or put the file beside the document and list it in `attachments`."
                        )))
            }
        }
        return found
    }

    /// Relative: not an address with a scheme, not a fragment, not an e-mail.
    private static func isRelative(_ url: String) -> Bool {
        guard !url.isEmpty, !url.hasPrefix("#"), !url.hasPrefix("//") else { return false }
        if let colon = url.firstIndex(of: ":"),
            url[..<colon].allSatisfy({ $0.isLetter || $0 == "+" || $0 == "-" || $0 == "." })
        {
            return false
        }
        return true
    }
}
