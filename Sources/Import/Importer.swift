import Foundation
import VietText

/// `congkhai import`: turns the Word, PDF and text files schools already have into portal
/// documents: front matter recognised from the layout, the body as Markdown, the original kept
/// beside it as an attachment.
package struct Importer: Sendable {
    package struct Options: Sendable {
        package var portal: URL
        package var unitID: String
        package var output: URL?
        package var force: Bool
        package var attach: Bool
        package var schoolYear: String?
        /// The day the document is made public, written as `published:` (the command line
        /// gives today; tests give a fixed day). Nil writes none.
        package var published: IssuedDate?
        /// Today, whose school year a document that names none is filed under, when there is
        /// no `schoolYear`: the command line gives it (the library never reads the clock).
        package var today: IssuedDate?

        package init(
            portal: URL, unitID: String, output: URL? = nil, force: Bool = false, attach: Bool = true,
            schoolYear: String? = nil,
            published: IssuedDate? = nil, today: IssuedDate? = nil
        ) {
            self.published = published
            self.today = today
            self.portal = portal.standardizedFileURL
            self.unitID = unitID
            self.output = output
            self.force = force
            self.attach = attach
            self.schoolYear = schoolYear
        }
    }

    package struct Result: Sendable {
        package var written: URL
        package var attachment: URL?
        package var document: ImportedDocument
        package var encoding: String
        package var warnings: [ImportWarning]
    }

    package struct Failure: DiagnosticError, Sendable, CustomStringConvertible {
        package var file: String
        package var message: LocalizedText
        package var description: String { "\(file): lỗi: \(message.vi)" }
        package var diagnostics: [Diagnostic] { [Diagnostic(.error, "import.failed", file: file, message: message)] }
    }

    package var options: Options
    /// The portal's units, one of which `options.unitID` names.
    package var units: [ImportUnit]
    package init(options: Options, units: [ImportUnit]) {
        self.options = options
        self.units = units
    }

    /// The unit the documents belong to, among the portal's.
    package func unit() throws(Failure) -> ImportUnit {
        if let unit = units.first(where: { $0.id == options.unitID }) { return unit }
        let known = units.map(\.id).joined(separator: ", ")
        throw Failure(
            file: "content/units/\(options.unitID)/unit.yaml",
            message: .init(
                vi:
                    "không có đơn vị “\(options.unitID)”. Các đơn vị hiện có: \(known.isEmpty ? "(chưa có)" : known). Tạo tệp unit.yaml của đơn vị trước.",
                en:
                    "there is no unit “\(options.unitID)”. Units: \(known.isEmpty ? "(none)" : known). Create its unit.yaml first."
            ))
    }

    /// Reads and recognises a file without writing anything.
    func recognise(_ url: URL, unit: ImportUnit? = nil) throws(Failure) -> (
        document: ImportedDocument, encoding: String, lines: [SourceLine]
    ) {
        let (text, encoding, splitCells, sourceURL) = try read(url)
        // Words a PDF copy broke with spaces are joined before anything is read, and the word
        // check compares the written file with the joined text.
        let broken = BrokenWords.repair(text)
        let lines = SourceLine.lines(of: broken.text, splitCells: splitCells)
        let recognizer = LayoutRecognizer(
            unitName: unit?.name, places: [unit?.district, unit?.province].compactMap { $0 })
        var document = recognizer.recognise(lines)
        document.sourceURL = sourceURL
        if broken.joins > 0 {
            let examples = broken.examples.map { "“\($0.printed)” → “\($0.joined)”" }.joined(separator: ", ")
            document.warnings.append(
                ImportWarning(
                    "import.words-joined",
                    line: nil,
                    message: .init(
                        vi:
                            "đã nối lại \(broken.joins) chữ bị tách bởi dấu cách khi chép từ PDF (\(examples)); hãy đọc lại văn bản đã tạo.",
                        en:
                            "joined \(broken.joins) words a copy from a PDF had broken with spaces (\(examples)); read the written text through."
                    )))
        }
        if let unit { document.warnings += Self.checkLetterhead(document.letterhead, against: unit) }
        return (document, encoding, lines)
    }

    /// Imports one file: writes `<slug>.md` (and the original beside it) and returns where.
    /// `written`: the documents this run wrote before; one of theirs is never overwritten, even
    /// with --force, as two files of one run with the same subject are two documents.
    package func importFile(_ url: URL, written: Set<URL> = []) throws(Failure) -> Result {
        try write(draft(url), written: written, overwrite: options.force)
    }

    /// A file read and recognised, nothing written yet: what the publishing desk shows in its
    /// form, the fields corrected there, then written by `write`.
    package struct Draft: Sendable {
        package var source: URL
        /// The fields recognised (title, kind, number, …) and the body.
        package var document: ImportedDocument
        package var encoding: String
        /// The school year whose folder the document goes into.
        package var schoolYear: String
        /// Front-matter keys the import itself never fills: the desk's.
        package var categories: [String] = []
        package var period: String?
        /// Everything the import noticed: the recognition's, then the file's as a whole.
        package var warnings: [ImportWarning]

        package init(
            source: URL, document: ImportedDocument, encoding: String, schoolYear: String,
            warnings: [ImportWarning] = []
        ) {
            self.source = source
            self.document = document
            self.encoding = encoding
            self.schoolYear = schoolYear
            self.warnings = warnings
        }
    }

    /// Reads and recognises a file and decides its school year; writes nothing.
    package func draft(_ url: URL) throws(Failure) -> Draft {
        let unit = try unit()
        let (document, encoding, lines) = try recognise(url, unit: unit)
        var warnings = document.warnings
        // The year the subject names first: a plan for 2024-2025 is often issued in August 2024.
        // --school-year is for documents that say neither (its help and docs/import.md).
        let named =
            document.title.flatMap { SchoolYear.mentioned(in: [$0]) } ?? document.issued?.schoolYear
            ?? document.schoolYearHint ?? options.schoolYear
        guard let schoolYear = named ?? (options.today ?? options.published)?.schoolYear else {
            throw Failure(
                file: url.lastPathComponent,
                message: .init(
                    vi: "văn bản không ghi ngày và không nêu năm học; dùng --school-year để chọn năm học.",
                    en: "the document has no date and names no school year; choose one with --school-year."))
        }
        if document.title == nil {
            warnings.append(
                ImportWarning(
                    "import.no-title",
                    line: nil,
                    message: .init(
                        vi: "không tìm thấy trích yếu; đã dùng tên tệp làm `title`.",
                        en: "no subject line found; the file name is used as `title`.")))
        }
        if document.issued == nil && options.schoolYear == nil && document.schoolYearHint == nil {
            warnings.append(
                ImportWarning(
                    "import.no-school-year",
                    line: nil,
                    message: .init(
                        vi:
                            "văn bản không ghi ngày và không nêu năm học; đã xếp vào năm học \(schoolYear). Dùng --school-year để chọn.",
                        en:
                            "no date and no school year in the document; filed under \(schoolYear). Use --school-year to choose."
                    )))
        }
        var draft = Draft(
            source: url, document: document, encoding: encoding, schoolYear: schoolYear, warnings: warnings)
        // Every word of the source is looked for in the file as it would be written.
        let content = try self.content(of: draft, attachment: attachment(of: draft, at: target(of: draft)))
        for (word, line) in WordCheck.missing(source: lines, output: content, droppedLines: document.droppedLines) {
            draft.warnings.append(
                ImportWarning(
                    "import.word-lost",
                    line: line,
                    message: .init(
                        vi: "từ “\(word)” của bản gốc không có trong tệp đã tạo.",
                        en: "the word “\(word)” of the source is not in the written file.")))
        }
        return draft
    }

    /// Where a draft is written: `<kind> <title>` as a slug in the unit's school-year folder;
    /// `-2`, `-3` … after one of `written`.
    package func target(of draft: Draft, written: Set<URL> = []) -> URL {
        let folder =
            options.output
            ?? options.portal.appendingPathComponent("content/units/\(options.unitID)/\(draft.schoolYear)")
        let kindName = Catalogue().documentKind(draft.document.kind ?? "khac")?.name ?? ""
        var slug = VietnameseText.slug(
            "\(kindName) \(draft.document.title ?? draft.source.deletingPathExtension().lastPathComponent)",
            maxLength: 70)
        if slug.isEmpty { slug = "van-ban" }
        var target = folder.appendingPathComponent("\(slug).md")
        var suffix = 2
        let writtenPaths = Set(written.map(\.standardizedFileURL.path))
        while writtenPaths.contains(target.standardizedFileURL.path) {
            target = folder.appendingPathComponent("\(slug)-\(suffix).md")
            suffix += 1
        }
        return target
    }

    /// The original's copy beside the document (.docx, .pdf, .doc), when originals are kept.
    private func attachment(of draft: Draft, at target: URL) -> URL? {
        let isOriginal = ["docx", "pdf", "doc"].contains(draft.source.pathExtension.lowercased())
        guard options.attach && isOriginal else { return nil }
        return target.deletingLastPathComponent().appendingPathComponent(
            "\(target.deletingPathExtension().lastPathComponent).\(draft.source.pathExtension.lowercased())")
    }

    /// The document's file: its front matter, then its body.
    private func content(of draft: Draft, attachment: URL?) throws(Failure) -> String {
        let document = draft.document
        var pairs: [(String, FrontMatterWriter.Value)] = []
        pairs.append(("title", .text(document.title ?? draft.source.deletingPathExtension().lastPathComponent)))
        pairs.append(("kind", .text(document.kind ?? "khac")))
        if let number = document.number { pairs.append(("number", .text(number))) }
        if let issued = document.issued { pairs.append(("issued", .text(issued.iso))) }
        if let place = document.place { pairs.append(("place", .text(place))) }
        if let signer = document.signer { pairs.append(("signer", .text(signer))) }
        if let title = document.signerTitle { pairs.append(("signer_title", .text(title))) }
        if !document.recipients.isEmpty { pairs.append(("recipients", .list(document.recipients))) }
        if !document.letterhead.isEmpty { pairs.append(("letterhead", .list(document.letterhead))) }
        if !draft.categories.isEmpty { pairs.append(("categories", .list(draft.categories))) }
        if let period = draft.period { pairs.append(("period", .text(period))) }
        if let attachment { pairs.append(("attachments", .list([attachment.lastPathComponent]))) }
        if let sourceURL = document.sourceURL { pairs.append(("source_url", .text(sourceURL))) }
        if let published = options.published { pairs.append(("published", .text(published.iso))) }
        let frontMatter: String
        do { frontMatter = try FrontMatterWriter.yaml(pairs) } catch {
            throw Failure(
                file: draft.source.path,
                message: .init(
                    vi: "không ghi được phần đầu (\(error)).", en: "cannot write the front matter (\(error))."))
        }
        return "---\n\(frontMatter)---\n\n\(document.body)"
    }

    /// Writes a draft as `importFile` does: the document, and the original beside it. An
    /// existing file is replaced only with `overwrite`, never one of `written`.
    package func write(_ draft: Draft, written: Set<URL> = [], overwrite: Bool) throws(Failure) -> Result {
        let target = target(of: draft, written: written)
        let folder = target.deletingLastPathComponent()
        let manager = FileManager.default
        if manager.fileExists(atPath: target.path) && !overwrite {
            throw Failure(
                file: target.path,
                message: .init(
                    vi: "tệp đã có; congkhai không ghi đè. Thêm --force nếu muốn thay nó.",
                    en: "the file exists; congkhai does not overwrite it. Add --force to replace it."))
        }
        let attachment = attachment(of: draft, at: target)
        let content = try content(of: draft, attachment: attachment)
        // The original first, then the document, each whole in one step: a build that runs in
        // between (`congkhai serve` watches the folder) never finds the document without the
        // attachment it names, nor half a file.
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            if let attachment {
                let copy = folder.appendingPathComponent(".\(attachment.lastPathComponent).congkhai-partial")
                try? manager.removeItem(at: copy)
                try manager.copyItem(at: draft.source, to: copy)
                if rename(copy.path, attachment.path) != 0 { throw CocoaError(.fileWriteUnknown) }
            }
            try Data(content.utf8).write(to: target, options: .atomic)
        } catch {
            throw Failure(
                file: target.path,
                message: .init(
                    vi: "không ghi được tệp (\(error.localizedDescription)).",
                    en: "cannot write the file (\(error.localizedDescription))."))
        }
        var result = Result(
            written: target, attachment: attachment, document: draft.document, encoding: draft.encoding,
            warnings: draft.warnings)
        result.document.warnings = draft.warnings
        return result
    }

    // MARK: - Reading

    private func read(_ url: URL) throws(Failure) -> (
        text: String, encoding: String, splitCells: Bool, sourceURL: String?
    ) {
        let name = url.lastPathComponent
        switch url.pathExtension.lowercased() {
        case "docx":
            do {
                let lines = try DocxReader.lines(of: url)
                let repaired = LegacyEncoding.repair(SourceText.removingZeroWidth(lines.joined(separator: "\n")))
                return (VietnameseText.nfc(repaired.text), "docx", false, nil)
            } catch DocxReader.Failure.tooLarge {
                throw Failure(
                    file: name,
                    message: .init(
                        vi:
                            "tệp Word có phần chữ lớn hơn \(DocxReader.maxTextBytes >> 20) MB khi giải nén (tệp hỏng hoặc cố ý làm hại); congkhai không mở nó.",
                        en:
                            "the Word file's text unpacks to over \(DocxReader.maxTextBytes >> 20) MB (damaged or hostile); congkhai does not open it."
                    ))
            } catch {
                // The reader's own words (a zip's, an XML parser's) say nothing to a clerk.
                throw Failure(
                    file: name,
                    message: .init(
                        vi:
                            "tệp này không phải tệp Word .docx đọc được (hỏng, hoặc chỉ được đổi tên thành .docx). Hãy mở bằng Word rồi lưu lại thành Word Document (.docx); tệp .doc cũ cũng cần lưu lại như vậy.",
                        en:
                            "this is no readable Word .docx file (damaged, or only renamed to .docx). Open it in Word and save it as a Word Document (.docx); old .doc files need the same."
                    ))
            }
        case "pdf":
            do {
                let text = try PDFTextReader.text(of: url)
                let repaired = LegacyEncoding.repair(SourceText.removingZeroWidth(text))
                return (
                    VietnameseText.nfc(repaired.text), repaired.converted.isEmpty ? "pdf" : "pdf + tcvn3/vni", true, nil
                )
            } catch PDFTextReader.Failure.noText {
                throw Failure(
                    file: name,
                    message: .init(
                        vi:
                            "tệp PDF không có lớp chữ (có thể là bản scan); congkhai không nhận dạng chữ từ ảnh. Hãy dùng tệp Word gốc hoặc PDF xuất từ Word.",
                        en:
                            "the PDF has no text layer (a scan?); congkhai does no OCR. Use the original Word file or a PDF exported from Word."
                    ))
            } catch PDFTextReader.Failure.tookTooLong {
                throw Failure(
                    file: name,
                    message: .init(
                        vi:
                            "đọc tệp PDF quá \(Int(PDFTextReader.timeLimit)) giây nên đã dừng (tệp hỏng hoặc quá phức tạp). Hãy dùng tệp Word gốc hoặc xuất lại PDF từ Word.",
                        en:
                            "reading the PDF took over \(Int(PDFTextReader.timeLimit)) s and was stopped (damaged or too complex). Use the original Word file or export the PDF again."
                    ))
            } catch PDFTextReader.Failure.toolMissing {
                throw Failure(
                    file: name,
                    message: .init(
                        vi:
                            "cần chương trình pdftotext (gói poppler-utils): chạy `make deps` hoặc `apt-get install poppler-utils`.",
                        en:
                            "pdftotext is needed (package poppler-utils): run `make deps` or `apt-get install poppler-utils`."
                    ))
            } catch {
                throw Failure(
                    file: name,
                    message: .init(vi: "không đọc được tệp PDF (\(error)).", en: "cannot read the PDF (\(error))."))
            }
        case "txt", "md", "text", "":
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw Failure(file: name, message: .init(vi: "không đọc được tệp.", en: "cannot read the file."))
            }
            let decoded = ImportTextDecoder.decode(data)
            return (decoded.text, decoded.encoding, false, nil)
        case "html", "htm":
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw Failure(file: name, message: .init(vi: "không đọc được tệp.", en: "cannot read the file."))
            }
            do {
                let page = try HTMLTextReader.read(data)
                let repaired = LegacyEncoding.repair(SourceText.removingZeroWidth(page.lines.joined(separator: "\n")))
                return (VietnameseText.nfc(repaired.text), "html", false, page.sourceURL)
            } catch {
                throw Failure(
                    file: name,
                    message: .init(
                        vi: "không đọc được trang web đã lưu (tệp .html hỏng hoặc trống).",
                        en: "cannot read the saved web page (a damaged or empty .html file)."))
            }
        default:
            throw Failure(
                file: name,
                message: .init(
                    vi:
                        "congkhai nhập được tệp .docx, .pdf, .txt và trang web đã lưu (.html); không nhập được “.\(url.pathExtension)”.",
                    en:
                        "congkhai imports .docx, .pdf, .txt files and saved web pages (.html), not “.\(url.pathExtension)”."
                ))
        }
    }

    /// The letterhead's last line names the issuer; it should be this unit.
    static func checkLetterhead(_ letterhead: [String], against unit: ImportUnit) -> [ImportWarning] {
        guard let issuer = letterhead.last else { return [] }
        let generic: Set<String> = [
            "truong", "tieu", "hoc", "trung", "co", "so", "pho", "thong", "mam", "non", "phong", "giao", "duc",
            "va", "dao", "tao", "huyen", "cong", "doan", "thpt", "thcs", "th", "mn", "pgd", "gd", "dt", "ubnd", "tinh",
            "thanh", "pho"
        ]
        let issuerWords = Set(
            VietnameseText.fold(letterhead.joined(separator: " ")).split { !$0.isLetter && !$0.isNumber }.map(
                String.init))
        let unitWords = VietnameseText.fold(unit.name).split { !$0.isLetter && !$0.isNumber }.map(String.init).filter {
            !generic.contains($0)
        }
        guard !unitWords.isEmpty, !unitWords.allSatisfy(issuerWords.contains) else { return [] }
        return [
            ImportWarning(
                "import.letterhead-differs",
                line: nil,
                message: .init(
                    vi:
                        "phần đầu văn bản ghi “\(issuer)”, khác với đơn vị “\(unit.name)”; kiểm tra đã chọn đúng --unit.",
                    en: "the letterhead says “\(issuer)”, not unit “\(unit.name)”; check --unit."))
        ]
    }
}
