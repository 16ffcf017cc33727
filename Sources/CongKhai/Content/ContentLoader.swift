import CAtomicSwap
import Foundation
import VietText

/// Everything read from a portal folder: settings, units, documents and free pages, plus every
/// problem found while reading them.
package struct LoadedPortal: Sendable {
    package var root: URL
    package var settings: PortalSettings
    package var units: [PortalUnit]
    package var documents: [SourceDocument]
    package var pages: [SourcePage]
    /// Yearly archives kept in the portal's archives/ folder, published with the site.
    package var archives: [PublishedArchive] = []
    package var diagnostics: [Diagnostic]
    /// Every document file read, loaded or reused, for the next build's cache.
    package var documentLoads: [DocumentLoad] = []

    package var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// Empties every document's Markdown once it is parsed: nothing after the parse reads it,
    /// and a document taken from the cache is parsed again from its file.
    package mutating func releaseBodies() {
        // Only those with a body: the documents taken from the cache have none, and setting
        // it again would copy their fields, shared with their loads.
        var released = 0
        for index in documents.indices where !documents[index].body.isEmpty {
            released += documents[index].body.utf8.count
            documents[index].body = ""
        }
        for index in documentLoads.indices where documentLoads[index].document?.body.isEmpty == false {
            documentLoads[index].document?.body = ""
        }
        // Freed memory stays the process's until malloc is asked to give it back; worth asking
        // after a full build's parse (144 MB at 10,000 documents), not after an edit's, whose
        // memory would only be faulted in again.
        if released >= Self.memoryWorthReleasing { congkhai_release_free_memory() }
    }

    /// Bytes let go below which malloc is not asked to give memory back to the system.
    static let memoryWorthReleasing = 16 << 20
}

/// Stage 1: walks content/, reads and decodes every file, and checks what can be checked file by
/// file. Reports all problems of the run together.
package struct ContentLoader: Sendable {
    package var root: URL
    package var includeDrafts: Bool
    /// What an earlier build loaded and parsed; files with the same bytes are not read again.
    package var reuse: ReusableLoads?
    /// content/ as the build's fingerprint listed it; nil walks it.
    var listing: ContentListing?

    package init(root: URL, includeDrafts: Bool = false) {
        self.root = root.standardizedFileURL
        self.includeDrafts = includeDrafts
    }

    static let documentKeys: Set<String> = [
        "title", "kind", "number", "issued", "place", "signer", "signer_title", "recipients", "categories",
        "attachments", "status", "replaces", "draft", "school_year", "summary", "letterhead", "period", "published",
        "source_url"
    ]
    static let unitKeys: Set<String> = [
        "name", "kind", "governing_body", "district", "province", "parent", "address", "phone", "email", "website",
        "not_applicable"
    ]
    static let settingsKeys: Set<String> = [
        "title", "description", "governing_body", "base_url", "categories", "kinds", "page_size", "locale",
        "obligations", "notice"
    ]

    /// The settings, the listing of content/ and the units, without reading any document.
    private func settingsFilesAndUnits() -> (PortalSettings, ContentWalker.Result, [PortalUnit], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let settings = loadSettings(&diagnostics)
        let files = ContentWalker(root: root, listing: listing).walk(&diagnostics)
        var units: [PortalUnit] = []
        for unitFile in files.unitFiles {
            if let unit = loadUnit(unitFile, settings: settings, &diagnostics) { units.append(unit) }
        }
        return (settings, files, units, diagnostics)
    }

    /// The settings and the units alone: what the publishing desk offers, read for each of its
    /// requests without reading a portal's thousands of documents.
    package func settingsAndUnits() -> (settings: PortalSettings, units: [PortalUnit]) {
        let (settings, _, units, _) = settingsFilesAndUnits()
        return (settings, units)
    }

    package func load() -> LoadedPortal {
        load(reusing: { [reuse] in reuse }).portal
    }

    /// The same, with what an earlier build loaded read by `earlier` on another core while the
    /// folder is walked (reading the cache of a large portal takes as long as the walk); returns
    /// what `earlier` read too.
    func load(reusing earlier: @Sendable () -> ReusableLoads?) -> (portal: LoadedPortal, reused: ReusableLoads?) {
        let ((settings, files, units, walked), reuse) = ParallelMap.both(settingsFilesAndUnits, earlier)
        var diagnostics = walked
        let unitIDs = Set(units.map(\.id))
        for (unitID, path) in files.unitsWithoutFile where !unitIDs.contains(unitID) {
            diagnostics.append(
                Diagnostic(
                    .error, "unit.missing-file", file: path,
                    message: .init(
                        vi: "đơn vị “\(unitID)” có văn bản nhưng chưa có tệp unit.yaml.",
                        en: "unit “\(unitID)” has documents but no unit.yaml."),
                    fix: .init(
                        vi: "tạo tệp content/units/\(unitID)/unit.yaml với ít nhất dòng `name: <tên đơn vị>`.",
                        en: "create content/units/\(unitID)/unit.yaml with at least `name: <unit name>`.")))
        }

        // Documents are independent: decode them on all cores. A file whose bytes an earlier
        // build loaded, in the same environment, is taken from its cache (with its parse);
        // one with attachments is always loaded, as their presence is checked.
        let itemGroups = settings.obligations.groupOfItem
        let reusable = reuse.flatMap {
            $0.environment == ReusableLoads.environment(settings: settings) ? $0.loads : nil
        }
        let loads = ParallelMap.map(files.documentFiles) { file -> DocumentLoad in
            var local: [Diagnostic] = []
            // Taken as it was: `earlier` loaded the same file of the same unit and year.
            let earlier = reusable?[file.path].flatMap { earlier -> DocumentLoad? in
                guard earlier.rendered != nil, let document = earlier.document, document.attachments.isEmpty,
                    document.unitID == file.unitID,
                    document.schoolYear == file.schoolYear, document.slug == file.slug
                else { return nil }
                return earlier
            }
            // Stamped before reading, so a change while reading shows at the next build.
            let stamp = (file.listedStamp ?? FileIdentity.stamp(root.path + "/" + file.path)) ?? 0
            if let earlier, stamp != 0, earlier.stamp == stamp { return earlier }
            guard let bytes = readBytes(file.path, &local) else {
                return DocumentLoad(path: file.path, contentHash: 0, document: nil, diagnostics: local)
            }
            let hash = Hasher64.of(bytes: bytes)
            if var earlier, earlier.contentHash == hash {
                earlier.stamp = stamp
                return earlier
            }
            let document = decodeText(bytes, path: file.path, &local).flatMap {
                loadDocument(file, text: $0, catalogue: settings.catalogue, itemGroups: itemGroups, &local)
            }
            return DocumentLoad(
                path: file.path, contentHash: hash, stamp: stamp, document: document, diagnostics: local)
        }
        var documents: [SourceDocument] = []
        for load in loads {
            diagnostics += load.diagnostics
            if let document = load.document, includeDrafts || !document.draft { documents.append(document) }
        }
        documents = documents.filter { unitIDs.contains($0.unitID) }
        diagnostics += DocumentChecks.crossDocument(documents)

        var pages: [SourcePage] = []
        for file in files.pageFiles {
            if let page = loadPage(file, &diagnostics) { pages.append(page) }
        }
        var portal = LoadedPortal(
            root: root, settings: settings, units: units, documents: documents, pages: pages,
            diagnostics: diagnostics.sorted())
        portal.documentLoads = loads
        portal.archives = PublishedArchive.list(in: root.appendingPathComponent("archives"))
        return (portal, reuse)
    }

    // MARK: - Settings

    private func loadSettings(_ diagnostics: inout [Diagnostic]) -> PortalSettings {
        let path = "congkhai.yaml"
        let fallback = PortalSettings(title: "Cổng công khai")
        guard let text = readText(path, &diagnostics) else { return fallback }
        let (parsed, problems) = YAMLFields.parse(text, file: path, firstLine: 1)
        diagnostics += problems
        guard var fields = parsed else { return fallback }
        let title = fields.string("title", required: true) ?? fallback.title
        var settings = PortalSettings(
            title: title,
            description: fields.string("description"),
            governingBody: fields.string("governing_body"),
            baseURL: fields.string("base_url").map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 },
            catalogue: Catalogue(
                extraKinds: fields.catalogueEntries("kinds"), extraCategories: fields.catalogueEntries("categories")),
            pageSize: fields.int("page_size", in: 5...1000) ?? 50
        )
        settings.inputKey = Hasher64.of(text)
        settings.notice = fields.string("notice")
        // A category named like an item would make `categories:` ambiguous.
        let builtInItems = ObligationCatalogue.builtIn.groupOfItem
        for entry in settings.catalogue.categories where builtInItems[entry.slug] != nil {
            fields.report(
                "categories", "settings.category-is-item",
                message: .init(
                    vi: "danh mục “\(entry.slug)” trùng mã một mục phải công khai theo Thông tư 09/2024.",
                    en: "category “\(entry.slug)” has the slug of a TT 09/2024 item."),
                fix: .init(vi: "đặt cho danh mục một mã khác (`slug:`).", en: "give the category another `slug:`."))
        }
        if let node = fields.node("obligations") {
            let catalogue = settings.catalogue
            var reader = ObligationCatalogueReader(
                file: path, lineOffset: 0, categories: Set(catalogue.categories.map(\.slug)),
                documentKinds: Set(catalogue.documentKinds.map(\.slug)))
            settings.obligations = reader.apply(node, to: .builtIn)
            diagnostics += reader.diagnostics
        }
        if let base = settings.baseURL, !(base.hasPrefix("https://") || base.hasPrefix("http://")) {
            fields.report(
                "base_url", "settings.bad-base-url",
                message: .init(
                    vi: "địa chỉ “\(base)” không bắt đầu bằng https:// hoặc http://.",
                    en: "“\(base)” does not start with https:// or http://."),
                fix: .init(
                    vi: "viết đầy đủ, ví dụ `base_url: https://thpt-toanthang.edu.vn`.",
                    en: "write the full address, e.g. `base_url: https://example.edu.vn`."))
        }
        fields.warnUnknownKeys(known: Self.settingsKeys)
        diagnostics += fields.diagnostics
        return settings
    }

    // MARK: - Units

    private func loadUnit(_ file: ContentWalker.UnitFile, settings: PortalSettings, _ diagnostics: inout [Diagnostic])
        -> PortalUnit?
    {
        guard let text = readText(file.path, &diagnostics) else { return nil }
        let (parsed, problems) = YAMLFields.parse(text, file: file.path, firstLine: 1)
        diagnostics += problems
        guard var fields = parsed else { return nil }
        let name = fields.string("name", required: true)
        let kind = fields.string("kind") ?? "khac"
        if settings.catalogue.unitKind(kind) == nil {
            let known = settings.catalogue.unitKinds.map(\.slug).joined(separator: ", ")
            fields.report(
                "kind", "unit.unknown-kind",
                message: .init(
                    vi: "loại đơn vị “\(kind)” không có trong danh sách.", en: "unknown unit kind “\(kind)”."),
                fix: .init(vi: "dùng một trong: \(known).", en: "use one of: \(known)."))
        }
        var unit = PortalUnit(
            id: file.id, name: name ?? file.id, kind: kind, governingBody: fields.string("governing_body"),
            district: fields.string("district"), province: fields.string("province"), parent: fields.string("parent"),
            address: fields.string("address"), phone: fields.string("phone"), email: fields.string("email"),
            website: fields.string("website"), sourcePath: file.path)
        unit.inputKey = Hasher64.of(text)
        let items = Set(settings.obligations.items(forUnitKind: kind).map(\.slug))
        for (slug, reason, _) in fields.stringMap("not_applicable") {
            if !items.contains(slug) {
                let known = settings.obligations.items(forUnitKind: kind).map(\.slug).joined(separator: ", ")
                fields.report(
                    "not_applicable", "unit.unknown-item",
                    message: .init(
                        vi: "“\(slug)” không phải là mục phải công khai của loại đơn vị “\(kind)”.",
                        en: "“\(slug)” is not an item a unit of kind “\(kind)” must disclose."),
                    fix: .init(
                        vi: known.isEmpty
                            ? "loại đơn vị này không có mục phải công khai; xóa `not_applicable:`."
                            : "dùng một trong: \(known).",
                        en: known.isEmpty
                            ? "this kind of unit has no items; remove `not_applicable:`." : "use one of: \(known)."))
            } else if reason.isEmpty {
                fields.report(
                    "not_applicable", "unit.missing-reason",
                    message: .init(
                        vi: "mục “\(slug)” không áp dụng nhưng chưa ghi lý do.",
                        en: "item “\(slug)” does not apply but no reason is given."),
                    fix: .init(
                        vi: "viết lý do sau dấu hai chấm, ví dụ `\(slug): Trường không tổ chức ăn bán trú.`",
                        en: "give the reason after the colon, e.g. `\(slug): the school serves no meals.`"))
            } else {
                unit.notApplicable[slug] = reason
            }
        }
        fields.warnUnknownKeys(known: Self.unitKeys)
        diagnostics += fields.diagnostics
        return name == nil ? nil : unit
    }

    // MARK: - Documents

    private func loadDocument(
        _ file: ContentWalker.DocumentFile, text: String, catalogue: Catalogue, itemGroups: [String: String],
        _ diagnostics: inout [Diagnostic]
    ) -> SourceDocument? {
        let split = FrontMatterSplitter.split(text)
        guard let yaml = split.yaml else {
            diagnostics.append(
                Diagnostic(
                    .error, split.unterminated ? "front-matter.unterminated" : "front-matter.missing",
                    file: file.path, line: 1,
                    message: split.unterminated
                        ? .init(
                            vi: "phần đầu mở bằng `---` nhưng không có dòng `---` đóng lại.",
                            en: "the header opens with `---` but is never closed by another `---` line.")
                        : .init(
                            vi: "tệp không có phần đầu (front matter) giữa hai dòng `---`.",
                            en: "the file has no front matter between two `---` lines."),
                    fix: .init(
                        vi: "đầu tệp phải là `---`, các dòng `title: ...`, `kind: ...`, rồi `---`.",
                        en: "start the file with `---`, lines such as `title: ...` and `kind: ...`, then `---`.")))
            return nil
        }
        let (parsed, problems) = YAMLFields.parse(yaml, file: file.path, firstLine: split.yamlLine)
        diagnostics += problems
        guard var fields = parsed else { return nil }

        let title = fields.string("title", required: true)
        let kind = fields.string("kind", required: true)
        if let kind, catalogue.documentKind(kind) == nil {
            let known = catalogue.documentKinds.map(\.slug).joined(separator: ", ")
            fields.report(
                "kind", "front-matter.unknown-kind",
                message: .init(
                    vi: "loại văn bản “\(kind)” không có trong danh sách.", en: "unknown document kind “\(kind)”."),
                fix: .init(
                    vi: "dùng một trong: \(known); hoặc thêm loại mới vào `kinds:` trong congkhai.yaml.",
                    en: "use one of: \(known); or add it under `kinds:` in congkhai.yaml."))
        }
        let categories = fields.strings("categories")
        for category in categories where catalogue.category(category) == nil && itemGroups[category] == nil {
            let known = catalogue.categories.map(\.slug).joined(separator: ", ")
            fields.report(
                "categories", "front-matter.unknown-category",
                message: .init(
                    vi: "danh mục “\(category)” không có trong danh sách.", en: "unknown category “\(category)”."),
                fix: .init(
                    vi:
                        "dùng một trong: \(known), hoặc mã một mục phải công khai (docs/compliance.md); hoặc thêm danh mục vào `categories:` trong congkhai.yaml.",
                    en:
                        "use one of: \(known), or an item's slug (docs/compliance.md); or add it under `categories:` in congkhai.yaml."
                ))
        }
        let period = fields.string("period")
        if let period, !SchoolYear.isPeriod(period) {
            fields.report(
                "period", "front-matter.bad-period",
                message: .init(
                    vi: "kỳ “\(period)” không phải là năm học (2025-2026) hay năm (2025).",
                    en: "period “\(period)” is neither a school year (2025-2026) nor a year (2025)."),
                fix: .init(
                    vi:
                        "viết `period: 2025-2026` cho một năm học, `period: \"2025\"` cho năm tài chính hoặc năm dương lịch.",
                    en: "write `period: 2025-2026` for a school year, `period: \"2025\"` for a fiscal or calendar year."
                ))
        }
        let published = fields.date("published")
        if let published, published.day == nil {
            fields.report(
                "published", "front-matter.published-without-day",
                message: .init(
                    vi: "ngày công khai phải có đủ ngày, tháng, năm.", en: "the publication date needs its day."),
                fix: .init(vi: "viết dạng 2025-06-20.", en: "write it as 2025-06-20."))
        }
        if let declared = fields.string("school_year"), declared != file.schoolYear {
            fields.report(
                "school_year", "front-matter.school-year-mismatch",
                message: .init(
                    vi: "năm học “\(declared)” khác với thư mục “\(file.schoolYear)” chứa tệp.",
                    en: "school year “\(declared)” differs from the folder “\(file.schoolYear)”."),
                fix: .init(
                    vi: "chuyển tệp vào thư mục \(declared)/ hoặc sửa `school_year: \(file.schoolYear)`.",
                    en: "move the file into \(declared)/ or write `school_year: \(file.schoolYear)`."))
        }
        let issued = fields.date("issued")
        // A mistyped year would open decades of rounds: a publication before the document exists,
        // or years after its school year, is likely a typing slip.
        if let published, published.day != nil {
            let yearEnd = Int(file.schoolYear.suffix(4)) ?? published.year
            if let issued, published < issued {
                fields.report(
                    "published", "front-matter.published-before-issued",
                    message: .init(
                        vi:
                            "ngày công khai \(published.vietnameseShort) trước ngày ban hành \(issued.vietnameseShort).",
                        en: "published on \(published.iso), before it was issued (\(issued.iso))."),
                    fix: .init(
                        vi: "sửa `published:` (ngày đăng lên trang) hoặc `issued:` cho đúng.",
                        en: "correct `published:` or `issued:`."),
                    severity: .warning)
            } else if published.year > yearEnd + 2 {
                fields.report(
                    "published", "front-matter.published-far",
                    message: .init(
                        vi:
                            "ngày công khai \(published.vietnameseShort) cách năm học \(file.schoolYear) của thư mục hơn hai năm.",
                        en:
                            "published on \(published.iso), more than two years after the folder's school year \(file.schoolYear)."
                    ),
                    fix: .init(
                        vi: "kiểm tra năm của `published:`, hoặc chuyển văn bản vào thư mục năm học đúng.",
                        en: "check the year of `published:`, or move the document into the right school year's folder."),
                    severity: .warning)
            }
        }
        var number = fields.string("number")
        if let raw = number { number = DocumentNumber.tidy(raw) }
        let attachments = fields.strings("attachments")
        for attachment in attachments {
            checkAttachment(attachment, of: file, &fields)
        }
        let draft = fields.bool("draft") ?? false
        var sourceURL = fields.string("source_url")
        if let url = sourceURL, !WebAddress.isValid(url) {
            fields.report(
                "source_url", "front-matter.bad-source-url",
                message: .init(
                    vi: "“\(url)” không phải địa chỉ trang web (http:// hoặc https://); đã bỏ qua.",
                    en: "“\(url)” is no web address (http:// or https://); it is ignored."),
                fix: .init(
                    vi:
                        "ghi địa chỉ đầy đủ của trang đã chép văn bản, ví dụ `source_url: https://…`, hoặc xóa dòng này.",
                    en: "write the full address of the page the text was copied from, or remove the line."),
                severity: .warning)
            sourceURL = nil
        }
        var document = SourceDocument(
            unitID: file.unitID, schoolYear: file.schoolYear, slug: file.slug, sourcePath: file.path,
            title: title ?? "", kind: kind ?? "khac", number: number, issued: issued, place: fields.string("place"),
            signer: fields.string("signer"), signerTitle: fields.string("signer_title"),
            recipients: fields.strings("recipients"), letterhead: fields.strings("letterhead"), categories: categories,
            attachments: attachments,
            status: fields.string("status"), replaces: fields.string("replaces"), draft: draft,
            period: period, published: published?.day == nil ? nil : published, sourceURL: sourceURL,
            body: split.body,
            bodyLine: split.bodyLine)
        document.inputKey = Hasher64.of(text)
        fields.warnUnknownKeys(known: Self.documentKeys)
        if !draft {
            diagnostics += DocumentChecks.single(
                document, numberLine: fields.line(of: "number"), issuedLine: fields.line(of: "issued"))
        }
        let failed = fields.diagnostics.contains { $0.severity == .error } || title == nil || kind == nil
        diagnostics += fields.diagnostics
        return failed ? nil : document
    }

    /// An attachment is a file name beside the document: no folders, nothing outside content/.
    private func checkAttachment(_ name: String, of file: ContentWalker.DocumentFile, _ fields: inout YAMLFields) {
        let folder = root.appendingPathComponent(file.path).deletingLastPathComponent()
        let target = folder.appendingPathComponent(name).standardizedFileURL
        let content = root.appendingPathComponent("content").standardizedFileURL.path + "/"
        if name.contains("/") || name.contains("\\") || name.hasPrefix(".") || !target.path.hasPrefix(content) {
            fields.report(
                "attachments", "front-matter.attachment-outside",
                message: .init(
                    vi: "tệp đính kèm “\(name)” phải nằm ngay cạnh văn bản.",
                    en: "attachment “\(name)” must sit right beside the document."),
                fix: .init(
                    vi: "chép tệp vào thư mục của văn bản và chỉ ghi tên tệp.",
                    en: "copy the file into the document's folder and give only its name."))
            return
        }
        let resolved = target.resolvingSymlinksInPath().path
        if !FileManager.default.fileExists(atPath: target.path)
            || !resolved.hasPrefix(root.resolvingSymlinksInPath().path + "/content/")
        {
            fields.report(
                "attachments", "front-matter.attachment-missing",
                message: .init(
                    vi: "không tìm thấy tệp đính kèm “\(name)” cạnh văn bản.",
                    en: "attachment “\(name)” was not found beside the document."),
                fix: .init(
                    vi:
                        "chép tệp vào thư mục \(URL(fileURLWithPath: file.path).deletingLastPathComponent().path)/ hoặc sửa tên cho đúng.",
                    en: "copy the file into the document's folder or correct its name."))
        }
    }

    // MARK: - Pages

    private func loadPage(_ file: ContentWalker.PageFile, _ diagnostics: inout [Diagnostic]) -> SourcePage? {
        guard let text = readText(file.path, &diagnostics) else { return nil }
        let split = FrontMatterSplitter.split(text)
        var title: String?
        var order = 100
        if let yaml = split.yaml {
            let (parsed, problems) = YAMLFields.parse(yaml, file: file.path, firstLine: split.yamlLine)
            diagnostics += problems
            guard var fields = parsed else { return nil }
            title = fields.string("title", required: true)
            order = fields.int("order", in: 0...10_000) ?? 100
            fields.warnUnknownKeys(known: ["title", "order"])
            diagnostics += fields.diagnostics
        } else {
            diagnostics.append(
                Diagnostic(
                    .error, "front-matter.missing-key", file: file.path, line: 1, key: "title",
                    message: .init(vi: "trang chưa có tiêu đề.", en: "the page has no title."),
                    fix: .init(
                        vi: "thêm ở đầu tệp: `---`, `title: ...`, `---`.",
                        en: "add `---`, `title: ...`, `---` at the top.")))
        }
        guard let title else { return nil }
        return SourcePage(
            slug: file.slug, sourcePath: file.path, title: title, order: order, body: split.body,
            bodyLine: split.bodyLine)
    }

    // MARK: - Reading

    private func readText(_ path: String, _ diagnostics: inout [Diagnostic]) -> String? {
        guard let bytes = readBytes(path, &diagnostics) else { return nil }
        return decodeText(bytes, path: path, &diagnostics)
    }

    /// A document's body (with the line it starts on) read again from its file as `load` read
    /// it: a document taken from the build cache comes without it. Nil when the file can no
    /// longer be read.
    func body(of path: String) -> (text: String, line: Int)? {
        var ignored: [Diagnostic] = []
        guard let bytes = readBytes(path, &ignored), let text = decodeText(bytes, path: path, &ignored) else {
            return nil
        }
        let split = FrontMatterSplitter.split(text)
        return (split.body, split.bodyLine)
    }

    private func readBytes(_ path: String, _ diagnostics: inout [Diagnostic]) -> Data? {
        do {
            return try SourceText.readBytes(root.appendingPathComponent(path))
        } catch {
            diagnostics.append(error.diagnostic(file: path))
            return nil
        }
    }

    private func decodeText(_ bytes: Data, path: String, _ diagnostics: inout [Diagnostic]) -> String? {
        do {
            let (text, removed) = SourceText.removingControls(try SourceText.decode(bytes))
            if let first = removed.first {
                diagnostics.append(
                    Diagnostic(
                        .warning, "file.control-characters", file: path, line: first.line, column: first.column,
                        message: .init(
                            vi:
                                "tệp có \(removed.count) ký tự điều khiển ẩn (như ký tự đảo chiều chữ); congkhai đã bỏ chúng.",
                            en:
                                "the file has \(removed.count) hidden control characters (such as text-direction overrides); congkhai removed them."
                        ),
                        fix: .init(
                            vi: "xóa các ký tự đó trong tệp (thường do chép từ nơi khác).",
                            en: "delete them from the file (usually pasted from elsewhere).")))
            }
            return text
        } catch {
            diagnostics.append(error.diagnostic(file: path))
            return nil
        }
    }
}

/// A .zip in the portal's archives/ folder (made by `congkhai archive`), published under
/// luu-tru/ and listed on the công khai page.
package struct PublishedArchive: Sendable, Hashable {
    package var name: String
    package var source: URL
    package var bytes: Int
    /// The school year its name ends with ("...-2023-2024.zip"), if any.
    package var schoolYear: String?

    static func list(in folder: URL) -> [PublishedArchive] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { $0.lowercased().hasSuffix(".zip") && !$0.hasPrefix(".") }.sorted(by: >).map { name in
            let url = folder.appendingPathComponent(name)
            let size = ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int) ?? 0
            let stem = String(name.dropLast(4))
            let year = String(stem.suffix(9))
            return PublishedArchive(
                name: VietnameseText.fileSlug(name), source: url, bytes: size,
                schoolYear: SchoolYear.isValid(year) ? year : nil)
        }
    }
}
