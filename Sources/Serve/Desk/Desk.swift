import CongKhai
import Foundation
import Hummingbird
import Import
import MultipartKit
import NIOCore
import VietText

/// The publishing desk, at `<base>_soan-thao/` under `serve` only: a clerk chooses the unit,
/// gives a file (or pastes its text), checks the fields import read in a form beside a preview
/// of the text, corrects them and saves; the document and its original are written into the
/// unit's school-year folder as `congkhai import` writes them, the preview rebuilds, and the
/// browser opens the new page. Nothing is published: that is `congkhai build`.
struct Desk: Sendable {
    static let path = "_soan-thao/"

    let source: URL
    /// The preview's folder, where a saved document's page appears.
    let output: URL
    let base: String
    let state: PreviewState
    /// Today in Vietnam, asked of the command line (the library never reads the clock): the
    /// default day of publication.
    let today: @Sendable () -> IssuedDate?
    let guardian: DeskGuard
    /// Who sent the request being answered: set on a copy of the desk for each request.
    var access: DeskAccess
    /// The portal's settings and units, read once for the request being answered (a walk of the
    /// units' folders: a tenth of a second on a large portal).
    var loaded: Portal?
    var portal: Portal { loaded ?? Portal(source) }
    /// The files given, in a folder for each account (`tai-len/<account>/`).
    let uploadsFolder: URL
    /// The signed-in account's files given: another's cannot be saved or pushed out by it.
    var uploads: DeskUploads { DeskUploads(root: uploadsFolder, owner: access.account?.name) }
    let log: DeskLog
    /// The drafts read from the uploads, kept so a save does not read a PDF again.
    let drafts = DeskDrafts()
    /// One save at a time (its check, its writing, its log), and one publication.
    let writing = NSLock()
    let publishing = NSLock()

    init(options: PreviewOptions, state: PreviewState, accounts: DeskAccounts) {
        guardian = DeskGuard(accounts: accounts, address: SiteAddress(options: options), base: options.base)
        access = .everything(formToken: guardian.token)
        source = options.source
        output = options.output
        base = options.base
        self.state = state
        today = options.today
        let folder = options.output.deletingLastPathComponent()
        uploadsFolder = folder.appendingPathComponent("tai-len")
        log = DeskLog(file: folder.appendingPathComponent("nhat-ky.jsonl"))
    }

    /// `rest`: the path after the desk's own.
    func respond(to request: Request, rest: Substring) async -> Response {
        var request = request
        switch (request.method, rest) {
        case (.get, "dang-nhap"), (.head, "dang-nhap"):
            return signInPage(next: request.uri.queryParameters["tiep"].map(String.init))
        case (.post, "dang-nhap"): return await signIn(&request)
        default: break
        }
        guard var access = guardian.access(request) else { return signInFirst(request) }
        let portal = Portal(source)
        if let account = access.account {
            access.scope = AccountScope(account: account, portalUnits: portal.units)
        }
        var visit = self
        visit.access = access
        visit.loaded = portal
        return await visit.route(&request, rest: rest)
    }

    private func route(_ request: inout Request, rest: Substring) async -> Response {
        switch (request.method, rest) {
        case (.get, ""), (.head, ""): return home()
        case (.post, "nhap"): return await read(&request)
        case (.post, "luu"): return await save(&request)
        case (.post, "xuat-ban"): return await publish(&request)
        case (.get, "van-ban"), (.head, "van-ban"): return documents(request)
        case (.get, "sua"), (.head, "sua"): return editForm(request)
        case (.post, "sua"): return await edit(&request)
        case (.post, "dang-xuat"): return await signOut(&request)
        case (_, "nhap"), (_, "luu"), (_, "xuat-ban"), (_, "dang-xuat"):
            return Self.page(.methodNotAllowed, "Gửi biểu mẫu từ bàn soạn thảo.", extra: [.allow: "POST"])
        default: return Self.page(.notFound, "Không có trang này trên bàn soạn thảo.")
        }
    }

    // MARK: - Pages

    /// The desk's first page: the unit, the file or the pasted text; the last saves.
    func home(
        problems: [String] = [], unit chosen: String? = nil, published: [String] = [],
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let portal = self.portal
        let mine = access.units(of: portal)
        // A school's own portal (or account) has one unit: chosen already.
        let units = mine.map { unit -> [String: Any] in
            ["id": unit.id, "name": unit.name, "selected": unit.id == chosen || mine.count == 1]
        }
        // An account sees the saves into its own units' folders only, and the publications.
        let saves = log.recent(10, where: { $0.action == "xuat-ban" || access.allows(path: $0.file) }).map {
            entry -> [String: Any] in
            [
                "time": DeskLog.shown(entry.time), "title": entry.title, "file": entry.file, "url": base + entry.url,
                "what": entry.what, "linked": !["rut", "xuat-ban"].contains(entry.action ?? ""), "who": entry.who ?? ""
            ]
        }
        return respond(
            "home",
            [
                "title": "Bàn soạn thảo", "isHome": true, "units": units, "hasNoUnits": units.isEmpty,
                "problems": problems,
                "hasProblems": !problems.isEmpty,
                "saves": saves, "hasSaves": !saves.isEmpty, "published": published,
                "hasPublished": !published.isEmpty,
                "output": portal.relative(BuildOptions(source: source).output),
                "maxMegabytes": DeskUploads.maxBytes >> 20
            ], status: status)
    }

    /// The form of a draft, with the problems found in what was sent.
    func form(
        _ draft: Importer.Draft, upload: String, unit: PortalUnit, portal: Portal, values: [String: String],
        problems: [String: String] = [:], overwrite: String? = nil, editing: (file: String, withdrawn: Bool)? = nil,
        notices: [String] = [], status: HTTPResponse.Status = .ok
    ) -> Response {
        var warningsByField = DeskForm.hints(of: draft)
        var general = notices
        for warning in draft.warnings {
            let text = (warning.line.map { "Dòng \($0): " } ?? "") + warning.message.vi
            if let field = DeskForm.field(of: warning) {
                warningsByField[field, default: []].append(text)
            } else {
                general.append(text)
            }
        }
        // A document in the portal stays in its school year's folder.
        let shown = DeskForm.fields.filter { editing == nil || $0.key != "school_year" }
        let fields = shown.map { field -> [String: Any] in
            var context: [String: Any] = [
                "key": field.key, "label": field.label, "value": values[field.key] ?? "", "lines": field.lines,
                "warnings": warningsByField[field.key] ?? []
            ]
            if let placeholder = field.placeholder { context["placeholder"] = placeholder }
            if let error = problems[field.key] { context["error"] = error }
            if field.key == "kind" {
                context["hasOptions"] = true
                context["options"] = portal.catalogue.documentKinds.map { kind -> [String: Any] in
                    ["slug": kind.slug, "name": kind.name, "selected": kind.slug == values["kind"]]
                }
            }
            return context
        }
        let chosen = Set(draft.categories)
        func boxes(_ entries: [CatalogueEntry]) -> [[String: Any]] {
            entries.map { ["slug": $0.slug, "name": $0.name, "checked": chosen.contains($0.slug)] }
        }
        let (items, others) = portal.categoryGroups(of: unit)
        // The body and its appendices as the page shows them (the page adds links to cited texts).
        let rendered = MarkdownRenderer().render(draft.document.body, firstLine: 1, scanner: nil)
        let preview = ([rendered.html] + rendered.appendices).joined()
        var context: [String: Any] = [
            "title": "Kiểm tra văn bản", "unitName": unit.name, "unit": unit.id, "upload": upload,
            "sourceName": draft.source.lastPathComponent.hasPrefix("van-ban-dan.")
                ? "văn bản dán vào" : draft.source.lastPathComponent,
            "fields": fields, "items": boxes(items), "otherCategories": boxes(others), "hasOthers": !others.isEmpty,
            "general": general, "hasGeneral": !general.isEmpty, "preview": preview,
            "problems": (problems.isEmpty ? [] : ["Còn \(problems.count) ô cần sửa (ghi ngay dưới ô)."])
                + (overwrite == nil
                    ? []
                    : ["Đã có văn bản này trên cổng; chưa lưu. Xem câu hỏi ở cuối biểu mẫu, cạnh nút “Lưu văn bản”."]),
            "hasProblems": !problems.isEmpty || overwrite != nil
        ]
        if let overwrite { context["overwrite"] = overwrite }
        if let editing {
            context["title"] = "Sửa văn bản"
            context["heading"] = "Sửa văn bản đã có"
            context["sourceName"] = editing.file
            context["action"] = "sua"
            context["hidden"] = [["name": "tep", "value": editing.file]]
            context["editing"] = true
            context["withdrawn"] = editing.withdrawn
        } else {
            context["heading"] = "Kiểm tra văn bản trước khi lưu"
            context["action"] = "luu"
            context["hidden"] = [["name": "upload", "value": upload], ["name": "unit", "value": unit.id]]
        }
        return respond("form", context, status: status)
    }

    func respond(_ template: String, _ context: [String: Any], status: HTTPResponse.Status) -> Response {
        var context = context
        context["base"] = base
        context["csrf"] = access.formToken
        if let account = access.account { context["account"] = account.name }
        let html = DeskTemplates.render(template, context)
        var response = Response(
            status: status,
            headers: [
                .contentType: PreviewResponder.htmlType, .cacheControl: "no-store",
                .contentSecurityPolicy: Self.policy
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
        // A session makes its own token; without one, the token is also in a cookie.
        if access.session == nil { response.setCookie(guardian.tokenCookie) }
        return response
    }

    /// The desk's pages run no script and load nothing from elsewhere (not even a picture the
    /// previewed text names), and no other site may frame them.
    static let policy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    static func page(_ status: HTTPResponse.Status, _ text: String, extra: HTTPFields = [:]) -> Response {
        PreviewResponder.plain(status, text + "\n", extra: extra)
    }

    // MARK: - Reading a file

    /// What the first form sends.
    struct Given: Decodable {
        var csrf: String?
        var unit: String?
        var text: String?
        var file: GivenFile?
    }

    /// The file part as multipart-kit read it, headers and all (its name is in them).
    struct GivenFile: Decodable, MultipartPartConvertible {
        var multipart: MultipartPart?
        init?(multipart: MultipartPart) { self.multipart = multipart }
        /// Only multipart-kit makes one, through `init?(multipart:)`.
        init(from decoder: any Decoder) throws {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a file part"))
        }
    }

    private func read(_ request: inout Request) async -> Response {
        let given: Given
        do {
            guard let type = request.headers[.contentType], let boundary = Self.boundary(of: type) else {
                return Self.page(.badRequest, "Biểu mẫu gửi lên không đúng dạng.")
            }
            let body = try await request.collectBody(upTo: DeskUploads.maxBytes + (64 << 10))
            given = try FormDataDecoder().decode(Given.self, from: body, boundary: boundary)
        } catch is NIOTooManyBytesError {
            return home(
                problems: [
                    "Tệp lớn quá \(DeskUploads.maxBytes >> 20) MB. Hãy gửi bản Word hoặc PDF không kèm ảnh lớn."
                ],
                status: .contentTooLarge)
        } catch {
            return Self.page(.badRequest, "Biểu mẫu gửi lên không đọc được.")
        }
        guard guardian.allows(request, formToken: given.csrf, access: access, port: state.port) else {
            return Self.refused()
        }
        let portal = self.portal
        guard let unit = portal.units.first(where: { $0.id == given.unit }) else {
            return home(problems: ["Hãy chọn đơn vị của văn bản."], status: .unprocessableContent)
        }
        guard access.allows(unit: unit.id) else { return notYours(unit.id) }
        var bytes: [UInt8] = []
        var name = "van-ban-dan"
        if let file = given.file?.multipart, file.body.readableBytes > 0 {
            bytes = Array(buffer: file.body)
            name = Self.fileName(of: file) ?? name
        } else if let text = given.text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            bytes = Array(text.utf8)
        } else {
            return home(
                problems: ["Hãy chọn một tệp hoặc dán nội dung văn bản."], unit: unit.id, status: .unprocessableContent)
        }
        let kind: String
        switch DeskFileKind.of(bytes) {
        case .success(let found): kind = found
        case .failure(let refusal):
            return home(problems: [refusal.message], unit: unit.id, status: .unprocessableContent)
        }
        let stored: (id: String, file: URL)
        do { stored = try uploads.store(bytes, name: DeskUploads.safeName(name, kind: kind)) } catch {
            return home(
                problems: ["Không lưu được tệp tạm (\(error.localizedDescription))."], unit: unit.id,
                status: .internalServerError)
        }
        let day = today()
        let importer = portal.importer(unit: unit.id, published: day, today: day)
        let outcome = await offThePool { () -> Result<Importer.Draft, Importer.Failure> in
            Result { () throws(Importer.Failure) in try importer.draft(stored.file) }
        }
        switch outcome {
        case .success(var draft)?:
            let target = importer.target(of: draft)
            var published = day
            // A document already there keeps its filing unless the clerk changes it.
            if let earlier = portal.earlierFiling(of: target) {
                draft.categories = earlier.categories
                draft.period = earlier.period
                published = earlier.published ?? day
            }
            drafts.keep(draft, for: stored.id)
            let exists = FileManager.default.fileExists(atPath: target.path)
            // The same document under another name: said, not refused (two plans may share a title).
            let like =
                exists
                ? []
                : portal.likeDocuments(
                    unit: unit.id, number: draft.document.number, title: draft.document.title, target: target)
            return form(
                draft, upload: stored.id, unit: unit, portal: portal,
                values: DeskForm.values(of: draft, published: published),
                overwrite: exists ? portal.relative(target) : nil,
                notices: like.map {
                    "Đơn vị đã có văn bản cùng \($0.same): \($0.file). Nếu là cùng một văn bản, đừng lưu bản này: mở văn bản kia bằng “Sửa văn bản đã có”."
                })
        case .failure(let error)?:
            uploads.remove(stored.id)
            return home(problems: error.diagnostics.map { $0.message.vi }, unit: unit.id, status: .unprocessableContent)
        case nil:
            uploads.remove(stored.id)
            return Self.page(.serviceUnavailable, "Bản xem trước đang dừng.")
        }
    }

    /// The multipart boundary of a Content-Type, as multipart-kit wants it.
    static func boundary(of contentType: String) -> String? {
        guard let type = MediaType(from: contentType), type.isType(.multipartForm) else { return nil }
        return type.parameter?.value
    }

    /// The name the browser gave the file, read by multipart-kit's own header reading: the
    /// part's `filename` asked for as its `name`.
    static func fileName(of part: MultipartPart) -> String? {
        guard let disposition = part.headers.first(name: "Content-Disposition") else { return nil }
        var renamed = part
        renamed.headers.replaceOrAdd(
            name: "Content-Disposition",
            value: disposition.replacingOccurrences(of: "; name=", with: "; field=")
                .replacingOccurrences(of: "; filename=", with: "; name="))
        return renamed.name.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A unit outside the signed-in account's: said, nothing shown of it (not even whether a
    /// file named is there).
    func notYours(_ unit: String) -> Response {
        Self.page(
            .forbidden,
            "Tài khoản “\(access.account?.name ?? "")” không soạn văn bản cho đơn vị “\(unit)”. Hỏi người quản trị cổng nếu cần thêm đơn vị."
        )
    }

    static func refused() -> Response {
        page(.forbidden, "Biểu mẫu này đã cũ hoặc không gửi từ bàn soạn thảo. Mở lại bàn soạn thảo và gửi lại.")
    }

    // MARK: - Saving

    private func save(_ request: inout Request) async -> Response {
        let sent: DeskForm.Sent
        switch await sentForm(&request) {
        case .success(let form): sent = form
        case .failure(let refusal): return refusal.response
        }
        let portal = self.portal
        guard let unit = portal.units.first(where: { $0.id == sent.unit }) else {
            return home(problems: ["Không còn đơn vị “\(sent.unit ?? "")”."], status: .unprocessableContent)
        }
        guard access.allows(unit: unit.id) else { return notYours(unit.id) }
        guard let upload = sent.upload, let file = uploads.file(upload) else {
            // Sent twice (a double click): the first save's page.
            if let upload = sent.upload, let saved = log.recent(50).first(where: { $0.upload == upload }) {
                return .redirect(to: base + saved.url, type: .normal)
            }
            return home(problems: ["Không còn tệp đã gửi; hãy gửi lại văn bản."], status: .unprocessableContent)
        }
        let day = today()
        let reader = portal.importer(unit: unit.id, published: day, today: day)
        var draft: Importer.Draft
        if let kept = drafts.draft(for: upload) {
            draft = kept
        } else {
            let outcome = await offThePool { () -> Result<Importer.Draft, Importer.Failure> in
                Result { () throws(Importer.Failure) in try reader.draft(file) }
            }
            switch outcome {
            case .success(let read)?: draft = read
            case .failure(let error)?:
                return home(
                    problems: error.diagnostics.map { $0.message.vi }, unit: unit.id, status: .unprocessableContent)
            case nil: return Self.page(.serviceUnavailable, "Bản xem trước đang dừng.")
            }
        }
        let offered = Set(portal.categories(of: unit).map(\.slug))
        let (published, problems) = DeskForm.apply(sent, to: &draft, catalogue: portal.catalogue, categories: offered)
        var values = DeskForm.values(of: draft, published: published)
        // What was sent, shown as sent: a wrong value stays in its box to be corrected.
        for (key, value) in [
            ("title", sent.title), ("issued", sent.issued), ("school_year", sent.school_year),
            ("published", sent.published), ("period", sent.period)
        ] { values[key] = value ?? "" }
        guard problems.isEmpty else {
            return form(
                draft, upload: upload, unit: unit, portal: portal, values: values, problems: problems,
                status: .unprocessableContent)
        }
        let importer = portal.importer(unit: unit.id, published: published, today: day)
        let target = importer.target(of: draft)
        let generation = state.snapshot.generation
        let who = access.account?.name
        let saved = await offThePool { [writing, log, uploads, drafts, draft] () -> Saved in
            // One save at a time: the question asked and the file written are about the same file.
            writing.withLock { () -> Saved in
                let earlier = try? String(contentsOf: target, encoding: .utf8)
                guard earlier == nil || sent.ghi_de == portal.relative(target) else { return .ask }
                do { try log.ensureWritable() } catch { return .failed(DeskLog.unwritable(error)) }
                // The document replaced is kept, body and all: nothing the clerk wrote is lost.
                var keptCopy: String?
                if let earlier {
                    do { keptCopy = try log.keep(earlier, of: portal.relative(target)) } catch {
                        return .failed("Không giữ được bản cũ trước khi ghi đè (\(error.localizedDescription)).")
                    }
                }
                let written: Importer.Result
                do { written = try importer.write(draft, overwrite: earlier != nil) } catch {
                    return .failed((error as? Importer.Failure)?.message.vi ?? "\(error)")
                }
                let page =
                    "don-vi/\(unit.id)/\(draft.schoolYear)/\(written.written.deletingPathExtension().lastPathComponent)/"
                let after = (try? String(contentsOf: written.written, encoding: .utf8)) ?? ""
                do {
                    try log.append(
                        DeskLog.Entry(
                            time: ISO8601DateFormatter().string(from: Date()), file: portal.relative(written.written),
                            title: draft.document.title ?? "", url: page, replaced: earlier != nil,
                            before: earlier.map(Self.frontMatter), after: Self.frontMatter(after), upload: upload,
                            kept: keptCopy, action: earlier == nil ? "luu" : "ghi-de", who: who))
                } catch {
                    return .failed(
                        "Đã lưu vào \(portal.relative(written.written)) nhưng nhật ký không ghi được (\(error.localizedDescription)). Báo người quản trị cổng."
                    )
                }
                uploads.remove(upload)
                drafts.forget(upload)
                return .written(page: page, at: Date())
            }
        }
        switch saved {
        case .ask?:
            return form(
                draft, upload: upload, unit: unit, portal: portal, values: values,
                overwrite: portal.relative(target), status: .conflict)
        case .failed(let message)?:
            return form(
                draft, upload: upload, unit: unit, portal: portal, values: values, problems: ["title": message],
                status: .internalServerError)
        case .written(let page, let time)?:
            await waitForPage(page, builtAfter: time, generation: generation)
            return .redirect(to: base + page, type: .normal)
        case nil:
            return Self.page(.serviceUnavailable, "Bản xem trước đang dừng.")
        }
    }

    /// A refused form, and what to answer.
    struct Refused: Error {
        var response: Response
    }

    /// A form of the desk as sent (URL-encoded, a megabyte at most), once its token is checked.
    func sentForm(_ request: inout Request) async -> Result<DeskForm.Sent, Refused> {
        let sent: DeskForm.Sent
        do {
            let body = try await request.collectBody(upTo: 1 << 20)
            sent = try URLEncodedFormDecoder().decode(DeskForm.Sent.self, from: String(buffer: body))
        } catch {
            return .failure(Refused(response: Self.page(.badRequest, "Biểu mẫu gửi lên không đọc được.")))
        }
        guard guardian.allows(request, formToken: sent.csrf, access: access, port: state.port) else {
            return .failure(Refused(response: Self.refused()))
        }
        return .success(sent)
    }

    enum Saved: Sendable {
        case ask
        case failed(String)
        case written(page: String, at: Date)
    }

    /// Waits for the preview to be built with the saved document: its page made after the save
    /// (or a build that failed, whose errors the page then shows). A minute at most; an open
    /// page reloads by itself when a later build changes it.
    func waitForPage(_ page: String, builtAfter time: Date, generation: String) async {
        let built = output.appendingPathComponent(page + "index.html").path
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            let now = state.snapshot
            if now.generation != generation {
                if now.failure != nil { return }
                let made = (try? FileManager.default.attributesOfItem(atPath: built)[.modificationDate]) as? Date
                if let made, made >= time.addingTimeInterval(-1) { return }
            }
            try? await Task.sleep(for: .milliseconds(100))
        }
    }

    // MARK: - Publishing

    /// "Xuất bản": the build `congkhai build` runs, into the portal's output folder (staged and
    /// swapped in as it does); until then the published site is as it was.
    private func publish(_ request: inout Request) async -> Response {
        if case .failure(let refusal) = await sentForm(&request) { return refusal.response }
        let options = BuildOptions(source: source)
        let who = access.account?.name
        let output = portal.relative(options.output)
        do { try log.ensureWritable() } catch {
            return home(problems: [DeskLog.unwritable(error)], status: .internalServerError)
        }
        let outcome = await offThePool { [publishing] () -> Result<BuildReport, BuildFailure>? in
            // One at a time: a second click waits for nothing and is told so.
            guard publishing.try() else { return nil }
            defer { publishing.unlock() }
            return Result { () throws(BuildFailure) in try Builder(options: options).build() }
        }
        switch outcome ?? nil {
        case nil:
            return home(problems: ["Đang xuất bản; chờ một lát rồi tải lại trang này."], status: .conflict)
        case .success(let report):
            // Who published, and when, for whoever asks later what went public.
            let logged = Result {
                try log.append(
                    DeskLog.Entry(
                        time: ISO8601DateFormatter().string(from: Date()), file: output, title: "Toàn cổng", url: "",
                        replaced: false, before: nil, after: "", action: "xuat-ban", who: who))
            }
            if case .failure(let error) = logged {
                return home(
                    problems: [
                        "Đã xuất bản nhưng nhật ký không ghi được (\(error.localizedDescription)). Báo người quản trị cổng."
                    ],
                    status: .internalServerError)
            }
            return home(published: [
                "Đã tạo bản để đăng: " + report.summary.vi
                    + " Trang trên mạng đổi khi người quản trị chép thư mục \(output) của cổng lên máy chủ web."
            ])
        case .failure(let failure):
            return home(
                problems: ["Chưa xuất bản được; trang đã đăng vẫn giữ nguyên."]
                    + failure.diagnostics.filter { $0.severity == .error }.map { $0.formatted(.vi) },
                status: .unprocessableContent)
        }
    }

    /// A document's front matter, for the log.
    static func frontMatter(_ text: String) -> String {
        FrontMatterSplitter.split(text).yaml ?? ""
    }
}
