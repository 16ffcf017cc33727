import CongKhai
import Foundation
import Hummingbird
import Import
import NIOCore
import VietText

/// The desk's second use: a document already in the portal opened in the same form, its fields
/// changed, or withdrawn (`draft: true`); never a file deleted. Only the lines of the keys
/// changed are rewritten (`FrontMatterEditor`): the body and every other line, comments too,
/// stay as they were.
extension Desk {
    /// A document of a unit, named by its path from the portal's folder: checked to be one
    /// (`content/units/<unit>/<school year>/<slug>.md`, the unit and year real, the file there).
    struct DocumentPath: Sendable {
        var unit: PortalUnit
        var schoolYear: String
        var file: URL
        var relative: String

        /// The unit a path names (`content/units/<unit>/…`), before anything is read.
        static func unit(in given: String?) -> String? {
            let parts = (given ?? "").split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count > 2, parts[0] == "content", parts[1] == "units" else { return nil }
            return String(parts[2])
        }

        init?(_ given: String?, in portal: Portal) {
            guard let given else { return nil }
            let parts = given.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 5, parts[0] == "content", parts[1] == "units",
                let unit = portal.units.first(where: { $0.id == parts[2] }), SchoolYear.isValid(parts[3]),
                parts[4].hasSuffix(".md"), VietnameseText.slug(String(parts[4].dropLast(3))) == parts[4].dropLast(3)
            else { return nil }
            let file = portal.root.appendingPathComponent(given)
            guard FileManager.default.fileExists(atPath: file.path) else { return nil }
            self.unit = unit
            schoolYear = parts[3]
            self.file = file
            relative = given
        }
    }

    /// The documents of a unit, newest school year first, to open one.
    func documents(_ request: Request) -> Response {
        let portal = self.portal
        let id = request.uri.queryParameters["don-vi"].map(String.init)
        if let id, !access.allows(unit: id) { return notYours(id) }
        guard let id, let unit = portal.units.first(where: { $0.id == id }) else {
            return home(problems: ["Hãy chọn đơn vị."], status: .unprocessableContent)
        }
        let folder = source.appendingPathComponent("content/units/\(unit.id)")
        var rows: [[String: Any]] = []
        let years = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter(SchoolYear.isValid).sorted(by: >)
        for year in years {
            let names =
                ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(year).path))
                ?? []).filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()
            for name in names {
                let relative = "content/units/\(unit.id)/\(year)/\(name)"
                let fields = Self.fields(of: portal.root.appendingPathComponent(relative))
                rows.append([
                    "year": year, "file": relative, "title": fields?.title ?? name,
                    "draft": fields?.draft ?? false,
                    "edit": base + Desk.path + "sua?tep="
                        + (relative.addingPercentEncoding(
                            withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~/")))
                            ?? relative)
                ])
            }
        }
        return respond(
            "documents",
            ["title": "Văn bản của \(unit.name)", "unitName": unit.name, "rows": rows, "hasRows": !rows.isEmpty],
            status: .ok)
    }

    /// What the form shows of a document in the portal.
    struct Current {
        var title: String?
        var draft: Bool
        var values: [String: String]
        var categories: [String]
        var body: String
    }

    static func fields(of file: URL) -> Current? {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        let split = FrontMatterSplitter.split(text)
        guard let yaml = split.yaml, var fields = YAMLFields.parse(yaml, file: file.path, firstLine: 2).fields else {
            return nil
        }
        var values: [String: String] = [:]
        for key in ["title", "kind", "number", "issued", "place", "signer", "signer_title", "published", "period"] {
            values[key] = fields.string(key) ?? ""
        }
        for key in ["recipients", "letterhead"] { values[key] = fields.strings(key).joined(separator: "\n") }
        return Current(
            title: fields.string("title"), draft: fields.bool("draft") ?? false, values: values,
            categories: fields.strings("categories"), body: split.body)
    }

    /// A document opened in the form.
    func editForm(_ request: Request) -> Response {
        let portal = self.portal
        let given = request.uri.queryParameters["tep"].map(String.init)
        if let unit = DocumentPath.unit(in: given), !access.allows(unit: unit) { return notYours(unit) }
        guard let path = DocumentPath(given, in: portal), access.allows(unit: path.unit.id),
            let current = Self.fields(of: path.file)
        else { return home(problems: ["Không mở được văn bản này."], status: .notFound) }
        let document = ImportedDocument(body: current.body)
        var draft = Importer.Draft(
            source: path.file, document: document, encoding: "utf-8", schoolYear: path.schoolYear)
        draft.categories = current.categories
        var values = current.values
        values["school_year"] = path.schoolYear
        // Dates as a person writes them: 05/09/2025.
        for key in ["issued", "published"] {
            values[key] = values[key].flatMap(IssuedDate.init(iso:))?.vietnameseShort ?? values[key]
        }
        return form(
            draft, upload: "", unit: path.unit, portal: portal, values: values,
            editing: (path.relative, current.draft))
    }

    /// The fields sent for a document in the portal: only the keys whose values changed are
    /// rewritten.
    func edit(_ request: inout Request) async -> Response {
        let sent: DeskForm.Sent
        switch await sentForm(&request) {
        case .success(let form): sent = form
        case .failure(let refusal): return refusal.response
        }
        let portal = self.portal
        if let unit = DocumentPath.unit(in: sent.tep), !access.allows(unit: unit) { return notYours(unit) }
        guard let path = DocumentPath(sent.tep, in: portal), access.allows(unit: path.unit.id),
            let current = Self.fields(of: path.file)
        else { return home(problems: ["Không còn văn bản này."], status: .notFound) }
        let document = ImportedDocument(body: current.body)
        var draft = Importer.Draft(
            source: path.file, document: document, encoding: "utf-8", schoolYear: path.schoolYear)
        var asSent = sent
        asSent.school_year = path.schoolYear
        let offered = Set(portal.categories(of: path.unit).map(\.slug)).union(current.categories)
        let (published, problems) = DeskForm.apply(asSent, to: &draft, catalogue: portal.catalogue, categories: offered)
        var values = DeskForm.values(of: draft, published: published)
        for (key, value) in [
            ("title", sent.title), ("issued", sent.issued), ("published", sent.published), ("period", sent.period)
        ] {
            values[key] = value ?? ""
        }
        let withdrawn = sent.rut == "1"
        guard problems.isEmpty else {
            return form(
                draft, upload: "", unit: path.unit, portal: portal, values: values, problems: problems,
                editing: (path.relative, withdrawn), status: .unprocessableContent)
        }
        // The changes: each key whose value is not what the file says.
        let document_ = draft.document
        var changes: [(key: String, value: FrontMatterWriter.Value?)] = []
        func text(_ key: String, _ value: String?) {
            if (value ?? "") != (current.values[key] ?? "") { changes.append((key, value.map { .text($0) })) }
        }
        func list(_ key: String, _ value: [String]) {
            if value.joined(separator: "\n") != (current.values[key] ?? "") {
                changes.append((key, value.isEmpty ? nil : .list(value)))
            }
        }
        text("title", document_.title)
        text("kind", document_.kind)
        text("number", document_.number)
        text("issued", document_.issued?.iso)
        text("place", document_.place)
        text("signer", document_.signer)
        text("signer_title", document_.signerTitle)
        list("recipients", document_.recipients)
        list("letterhead", document_.letterhead)
        text("published", published?.iso)
        text("period", draft.period)
        if draft.categories != current.categories {
            changes.append(("categories", draft.categories.isEmpty ? nil : .list(draft.categories)))
        }
        if withdrawn != current.draft { changes.append(("draft", withdrawn ? .flag(true) : nil)) }
        let generation = state.snapshot.generation
        let savedAt = Date()
        let who = access.account?.name
        let outcome = await offThePool { [writing, log, changes] () -> Result<String, DeskRefusal> in
            writing.withLock { () -> Result<String, DeskRefusal> in
                guard let text = try? String(contentsOf: path.file, encoding: .utf8),
                    let yaml = FrontMatterSplitter.split(text).yaml
                else { return .failure(DeskRefusal("Không đọc được văn bản.")) }
                let opening = text.prefix { $0 != "\n" }
                let rest = text.utf8.dropFirst(opening.utf8.count + 1 + yaml.utf8.count)
                let edited: String
                do { edited = try FrontMatterEditor.edit(yaml, changes: changes) } catch {
                    return .failure(
                        DeskRefusal(
                            "Phần đầu của văn bản viết theo kiểu bàn soạn thảo không sửa được; hãy sửa trong tệp."))
                }
                let after = opening + "\n" + edited + String(decoding: Array(rest), as: UTF8.self)
                do { try log.ensureWritable() } catch { return .failure(DeskRefusal(DeskLog.unwritable(error))) }
                do { try Data(after.utf8).write(to: path.file, options: .atomic) } catch {
                    return .failure(DeskRefusal("Không ghi được văn bản (\(error.localizedDescription))."))
                }
                do {
                    try log.append(
                        DeskLog.Entry(
                            time: ISO8601DateFormatter().string(from: Date()), file: path.relative,
                            title: document_.title ?? "", url: Self.page(of: path), replaced: true,
                            before: yaml, after: edited, upload: nil, kept: nil,
                            action: withdrawn != current.draft ? (withdrawn ? "rut" : "hien-lai") : "sua", who: who))
                } catch {
                    return .failure(
                        DeskRefusal(
                            "Đã sửa \(path.relative) nhưng nhật ký không ghi được (\(error.localizedDescription)). Báo người quản trị cổng."
                        ))
                }
                return .success(Self.page(of: path))
            }
        }
        switch outcome {
        case .success(let page)?:
            if withdrawn {
                return home(published: [
                    "Đã rút văn bản “\(document_.title ?? "")” xuống: nó không còn hiện trên cổng; tệp vẫn còn ở \(path.relative)."
                ])
            }
            await waitForPage(page, builtAfter: savedAt, generation: generation)
            return .redirect(to: base + page, type: .normal)
        case .failure(let refusal)?:
            return form(
                draft, upload: "", unit: path.unit, portal: portal, values: values,
                problems: ["title": refusal.message], editing: (path.relative, withdrawn), status: .unprocessableContent
            )
        case nil:
            return Self.page(.serviceUnavailable, "Bản xem trước đang dừng.")
        }
    }

    static func page(of path: DocumentPath) -> String {
        "don-vi/\(path.unit.id)/\(path.schoolYear)/\(path.file.deletingPathExtension().lastPathComponent)/"
    }
}
