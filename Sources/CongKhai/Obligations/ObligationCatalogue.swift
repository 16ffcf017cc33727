import VietText
import Yams

/// A list of items and the unit kinds it applies to ("pho-thong": tiểu học, THCS, THPT, liên cấp).
package struct ObligationList: Sendable, Hashable {
    package var list: String
    package var name: String
    package var unitKinds: [String]
    package var items: [ObligationItem]
}

/// What Thông tư 09/2024/TT-BGDĐT requires of each kind of unit, and how its rounds run: the
/// built-in catalogue (Obligations/tt09-2024.yaml, compiled in), changed by a portal under
/// `obligations:` in congkhai.yaml. Offices, unions and `khac` units have no list by default.
package struct ObligationCatalogue: Sendable, Hashable {
    package var circular: String
    /// Round Y is the disclosure of year Y; there is none before this one.
    package var firstRound: Int
    /// Month and day of a round's deadline in its year (30 June): the items' own unless they
    /// say otherwise, and where a round starts and ends for the reader's date and `--as-of`.
    package var deadlineMonth: Int
    package var deadlineDay: Int
    package var changeWorkingDays: Int
    package var holidays: Set<CalendarDay>
    /// Display names of the period kinds.
    package var periodNames: [PeriodKind: String]
    package var lists: [ObligationList]

    /// Round `year`'s deadline.
    package func deadline(ofRound year: Int) -> CalendarDay {
        CalendarDay(
            year: year, month: deadlineMonth, day: min(deadlineDay, IssuedDate.daysIn(month: deadlineMonth, year: year))
        )
    }

    /// The round a day falls in: up to its year's deadline that year's, after it the next.
    package func round(containing day: CalendarDay) -> Int {
        let year = day.date.year
        return day <= deadline(ofRound: year) ? year : year + 1
    }

    /// The last round whose deadline is before `day`.
    package func lastRoundDue(before day: CalendarDay) -> Int { round(containing: day) - 1 }

    /// The items a unit of `kind` must disclose, in the catalogue's order.
    package func items(forUnitKind kind: String) -> [ObligationItem] {
        lists.first { $0.unitKinds.contains(kind) }?.items ?? []
    }

    /// Every item slug of every list, with the group it counts under; the built-in items too,
    /// so that a document naming one a portal removed from its lists still loads.
    package var groupOfItem: [String: String] {
        var groups: [String: String] = [:]
        for list in lists + Self.builtIn.lists {
            for item in list.items where groups[item.slug] == nil { groups[item.slug] = item.group }
        }
        return groups
    }

    /// The first item of that slug in any list.
    package func item(_ slug: String) -> ObligationItem? {
        for list in lists { if let item = list.items.first(where: { $0.slug == slug }) { return item } }
        return nil
    }

    /// The catalogue compiled into congkhai.
    package static let builtIn: ObligationCatalogue = {
        let text = String(decoding: PackageResources.tt09_2024_yaml, as: UTF8.self)
        var reader = ObligationCatalogueReader(
            file: "tt09-2024.yaml", lineOffset: 0, categories: Set(Catalogue.builtInCategories.map(\.slug)),
            documentKinds: Set(Catalogue.builtInDocumentKinds.map(\.slug)))
        // A fault here is congkhai's own, caught by its tests.
        let node = (try? Yams.compose(yaml: text, .basic, .default, .utf8)) ?? nil
        let base = ObligationCatalogue(
            circular: "", firstRound: 2025, deadlineMonth: 6, deadlineDay: 30, changeWorkingDays: 10,
            holidays: [], periodNames: [:], lists: [])
        return node.map { reader.apply($0, to: base) } ?? base
    }()

    /// What reading the built-in catalogue reported: nothing, as a test checks.
    static var builtInDiagnostics: [Diagnostic] {
        let text = String(decoding: PackageResources.tt09_2024_yaml, as: UTF8.self)
        var reader = ObligationCatalogueReader(
            file: "tt09-2024.yaml", lineOffset: 0, categories: Set(Catalogue.builtInCategories.map(\.slug)),
            documentKinds: Set(Catalogue.builtInDocumentKinds.map(\.slug)))
        do {
            guard let node = try Yams.compose(yaml: text, .basic, .default, .utf8) else {
                return [
                    Diagnostic(
                        .error, "obligations.empty", file: "tt09-2024.yaml",
                        message: .init(vi: "tệp rỗng", en: "empty file"))
                ]
            }
            _ = reader.apply(node, to: builtIn)
            return reader.diagnostics
        } catch {
            return [
                Diagnostic(
                    .error, "obligations.yaml", file: "tt09-2024.yaml", message: .init(vi: "\(error)", en: "\(error)"))
            ]
        }
    }
}

/// Reads the catalogue's YAML (the built-in file, or the `obligations:` key of congkhai.yaml)
/// onto a catalogue: a list named again changes that list, an item named again changes the
/// fields it gives (`remove: true` drops it), `from: LIST` copies an item of another list.
/// Every problem is a diagnostic with its line.
struct ObligationCatalogueReader {
    let file: String
    /// Added to a node's line: the lines before the YAML in its file.
    let lineOffset: Int
    let categories: Set<String>
    let documentKinds: Set<String>
    var diagnostics: [Diagnostic] = []

    init(file: String, lineOffset: Int, categories: Set<String>, documentKinds: Set<String>) {
        self.file = file
        self.lineOffset = lineOffset
        self.categories = categories
        self.documentKinds = documentKinds
    }

    static let catalogueKeys: Set<String> = [
        "circular", "in_force", "first_round", "deadline", "change_working_days", "holidays", "periods", "lists"
    ]
    static let listKeys: Set<String> = ["list", "name", "unit_kinds", "items"]
    static let itemKeys: Set<String> = [
        "slug", "name", "article", "verified", "group", "kind", "period", "offset", "deadline", "deadline_text",
        "reference", "form", "asks", "columns", "from", "remove", "title"
    ]

    mutating func apply(_ node: Node, to base: ObligationCatalogue) -> ObligationCatalogue {
        var catalogue = base
        guard let mapping = mapping(node, "obligations") else { return catalogue }
        unknownKeys(mapping, Self.catalogueKeys)
        if let text = string(mapping["circular"]) { catalogue.circular = text }
        if let year = int(mapping["first_round"], "first_round", 2000...2200) { catalogue.firstRound = year }
        if let days = int(mapping["change_working_days"], "change_working_days", 0...60) {
            catalogue.changeWorkingDays = days
        }
        if let given = monthDay(mapping["deadline"]) {
            // The items that kept the old deadline take the new one: a round has one deadline.
            let old = (catalogue.deadlineMonth, catalogue.deadlineDay)
            for list in catalogue.lists.indices {
                for item in catalogue.lists[list].items.indices
                where (catalogue.lists[list].items[item].deadlineMonth, catalogue.lists[list].items[item].deadlineDay)
                    == old
                {
                    (catalogue.lists[list].items[item].deadlineMonth, catalogue.lists[list].items[item].deadlineDay) =
                        given
                }
            }
            (catalogue.deadlineMonth, catalogue.deadlineDay) = given
        }
        let defaultDeadline = (catalogue.deadlineMonth, catalogue.deadlineDay)
        if let holidays = mapping["holidays"] {
            catalogue.holidays = Set(
                strings(holidays, "holidays").compactMap { text in
                    guard let date = IssuedDate(iso: text), let day = CalendarDay(date) else {
                        report(
                            holidays, "obligations.bad-holiday",
                            vi: "“\(text)” không phải là ngày dạng năm-tháng-ngày.",
                            en: "“\(text)” is not a YYYY-MM-DD date.")
                        return nil
                    }
                    return day
                })
        }
        for period in sequence(mapping["periods"], "periods") {
            guard let entry = self.mapping(period, "periods"), let kind = periodKind(entry["period"]),
                let name = string(entry["name"])
            else { continue }
            catalogue.periodNames[kind] = name
        }
        for listNode in sequence(mapping["lists"], "lists") {
            guard let entry = self.mapping(listNode, "lists") else { continue }
            unknownKeys(entry, Self.listKeys)
            guard let name = string(entry["list"]) else {
                report(
                    listNode, "obligations.missing-key", vi: "mỗi danh sách cần `list:` (tên danh sách).",
                    en: "each list needs `list:` (its name).")
                continue
            }
            let index =
                catalogue.lists.firstIndex { $0.list == name }
                ?? {
                    catalogue.lists.append(ObligationList(list: name, name: name, unitKinds: [], items: []))
                    return catalogue.lists.count - 1
                }()
            if let title = string(entry["name"]) { catalogue.lists[index].name = title }
            if let kinds = entry["unit_kinds"] {
                let given = strings(kinds, "unit_kinds")
                // A unit kind follows one list: the one naming it last.
                for other in catalogue.lists.indices where other != index {
                    catalogue.lists[other].unitKinds.removeAll { given.contains($0) }
                }
                catalogue.lists[index].unitKinds = given
            }
            for itemNode in sequence(entry["items"], "items") {
                guard let item = self.mapping(itemNode, "items") else { continue }
                unknownKeys(item, Self.itemKeys)
                guard let slug = string(item["slug"]) else {
                    report(
                        itemNode, "obligations.missing-key", vi: "mỗi mục cần `slug:`.", en: "each item needs `slug:`.")
                    continue
                }
                if bool(item["remove"]) == true {
                    catalogue.lists[index].items.removeAll { $0.slug == slug }
                    continue
                }
                var current = catalogue.lists[index].items.first { $0.slug == slug }
                if current == nil, let from = string(item["from"]) {
                    current = catalogue.lists.first { $0.list == from }?.items.first { $0.slug == slug }
                    if current == nil {
                        report(
                            itemNode, "obligations.unknown-item", vi: "danh sách “\(from)” không có mục “\(slug)”.",
                            en: "list “\(from)” has no item “\(slug)”.")
                        continue
                    }
                }
                guard
                    let updated = self.item(item, node: itemNode, slug: slug, over: current, deadline: defaultDeadline)
                else { continue }
                if let position = catalogue.lists[index].items.firstIndex(where: { $0.slug == slug }) {
                    catalogue.lists[index].items[position] = updated
                } else {
                    catalogue.lists[index].items.append(updated)
                }
            }
        }
        return catalogue
    }

    /// An item from its YAML, over the item it changes (if any).
    private mutating func item(
        _ fields: Node.Mapping, node: Node, slug: String, over current: ObligationItem?, deadline: (Int, Int)
    ) -> ObligationItem? {
        if slug != VietnameseText.slug(slug) {
            report(
                node, "obligations.bad-slug",
                vi:
                    "mã mục “\(slug)” phải là chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ `ke-hoach-nam-hoc`.",
                en: "item slug “\(slug)” must be lowercase ASCII letters, digits and hyphens, e.g. `ke-hoach-nam-hoc`.")
            return nil
        }
        if categories.contains(slug) {
            report(
                node, "obligations.slug-is-category", vi: "mã mục “\(slug)” trùng với một danh mục; đặt mã khác.",
                en: "item slug “\(slug)” is also a category; choose another.")
            return nil
        }
        let name = string(fields["name"]) ?? current?.name
        let article = string(fields["article"]) ?? current?.article
        let group = string(fields["group"]) ?? current?.group
        let kind = string(fields["kind"]) ?? current?.documentKind
        let period = fields["period"].map { periodKind($0) } ?? current?.period
        guard let name, let article, let group, let kind, let period else {
            let missing = [
                ("name", name == nil), ("article", article == nil), ("group", group == nil), ("kind", kind == nil),
                ("period", period == nil)
            ]
            .filter(\.1).map { "`\($0.0):`" }.joined(separator: ", ")
            report(
                node, "obligations.missing-key", vi: "mục “\(slug)” thiếu \(missing).",
                en: "item “\(slug)” lacks \(missing).")
            return nil
        }
        if !categories.contains(group) {
            report(
                fields["group"] ?? node, "obligations.unknown-group",
                vi: "nhóm “\(group)” của mục “\(slug)” không phải là danh mục đã có.",
                en: "group “\(group)” of item “\(slug)” is not a known category.")
        }
        if !documentKinds.contains(kind) {
            report(
                fields["kind"] ?? node, "obligations.unknown-kind",
                vi: "loại văn bản “\(kind)” của mục “\(slug)” không có trong danh sách.",
                en: "document kind “\(kind)” of item “\(slug)” is unknown.")
        }
        let monthDay = monthDay(fields["deadline"]) ?? current.map { ($0.deadlineMonth, $0.deadlineDay) } ?? deadline
        return ObligationItem(
            slug: slug, name: name, article: article, verified: bool(fields["verified"]) ?? current?.verified ?? false,
            group: group,
            documentKind: kind, period: period, offset: int(fields["offset"], "offset", -5...5) ?? current?.offset ?? 0,
            deadlineMonth: monthDay.0, deadlineDay: monthDay.1,
            deadlineText: string(fields["deadline_text"]) ?? current?.deadlineText,
            reference: string(fields["reference"]) ?? current?.reference, form: string(fields["form"]) ?? current?.form,
            draftTitle: string(fields["title"]) ?? current?.draftTitle,
            asks: fields["asks"].map { strings($0, "asks") } ?? current?.asks ?? [],
            columns: fields["columns"].map { strings($0, "columns") } ?? current?.columns ?? [])
    }

    // MARK: - Reading nodes

    private mutating func mapping(_ node: Node?, _ key: String) -> Node.Mapping? {
        guard let node else { return nil }
        guard case .mapping(let mapping) = node else {
            report(
                node, "obligations.wrong-type", vi: "`\(key)` phải là các dòng `khóa: giá trị`.",
                en: "`\(key)` must be `key: value` lines.")
            return nil
        }
        return mapping
    }

    private mutating func sequence(_ node: Node?, _ key: String) -> [Node] {
        guard let node else { return [] }
        guard case .sequence(let sequence) = node else {
            report(
                node, "obligations.wrong-type", vi: "`\(key)` phải là một danh sách (mỗi mục bắt đầu bằng `- `).",
                en: "`\(key)` must be a list.")
            return []
        }
        return Array(sequence)
    }

    private func string(_ node: Node?) -> String? {
        guard let text = node?.scalar?.string else { return nil }
        let collapsed = VietnameseText.collapseWhitespace(VietnameseText.nfc(text))
        return collapsed.isEmpty ? nil : collapsed
    }

    private mutating func strings(_ node: Node, _ key: String) -> [String] {
        if let single = string(node) { return [single] }
        return sequence(node, key).compactMap { string($0) }
    }

    private mutating func int(_ node: Node?, _ key: String, _ range: ClosedRange<Int>) -> Int? {
        guard let node, let text = string(node) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            report(
                node, "obligations.wrong-type",
                vi: "`\(key)` phải là một số từ \(range.lowerBound) đến \(range.upperBound).",
                en: "`\(key)` must be a number from \(range.lowerBound) to \(range.upperBound).")
            return nil
        }
        return value
    }

    private func bool(_ node: Node?) -> Bool? {
        switch string(node)?.lowercased() {
        case "true", "yes", "có": return true
        case "false", "no", "không": return false
        default: return nil
        }
    }

    /// "06-30": the 30th of June.
    private mutating func monthDay(_ node: Node?) -> (Int, Int)? {
        guard let node, let text = string(node) else { return nil }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, (1...12).contains(parts[0]), (1...31).contains(parts[1]) else {
            report(
                node, "obligations.bad-deadline", vi: "hạn “\(text)” phải viết dạng tháng-ngày, ví dụ `06-30`.",
                en: "deadline “\(text)” must be month-day, e.g. `06-30`.")
            return nil
        }
        return (parts[0], parts[1])
    }

    private mutating func periodKind(_ node: Node?) -> PeriodKind? {
        guard let node, let text = string(node) else { return nil }
        guard let kind = PeriodKind(rawValue: text) else {
            let known = PeriodKind.allCases.map(\.rawValue).joined(separator: ", ")
            report(
                node, "obligations.unknown-period", vi: "kỳ “\(text)” không có; dùng một trong: \(known).",
                en: "unknown period “\(text)”; use one of: \(known).")
            return nil
        }
        return kind
    }

    private mutating func unknownKeys(_ mapping: Node.Mapping, _ known: Set<String>) {
        for (key, _) in mapping {
            guard let name = key.scalar?.string, !known.contains(name) else { continue }
            diagnostics.append(
                Diagnostic(
                    .warning, "obligations.unknown-key", file: file, line: key.mark.map { $0.line + lineOffset },
                    column: key.mark?.column, key: name,
                    message: .init(
                        vi: "congkhai không dùng khóa “\(name)” ở đây nên giá trị của nó bị bỏ qua.",
                        en: "congkhai does not use “\(name)” here; its value is ignored."),
                    fix: .init(
                        vi: "kiểm tra chính tả; các khóa được dùng: \(known.sorted().joined(separator: ", ")).",
                        en: "check the spelling; known keys: \(known.sorted().joined(separator: ", ")).")))
        }
    }

    private mutating func report(_ node: Node, _ code: String, vi: String, en: String) {
        diagnostics.append(
            Diagnostic(
                .error, code, file: file, line: node.mark.map { $0.line + lineOffset }, column: node.mark?.column,
                key: "obligations",
                message: .init(vi: vi, en: en),
                fix: .init(
                    vi: "sửa mục `obligations:` trong congkhai.yaml (xem docs/compliance.md).",
                    en: "correct `obligations:` in congkhai.yaml (see docs/compliance.md).")))
    }
}
