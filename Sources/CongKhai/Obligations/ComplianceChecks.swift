import VietText

/// What `congkhai check --as-of DAY` reports of TT 09: per unit, each item missing after its
/// round's deadline, each item published late, each disclosing document without `published:`.
/// Warnings (a portal's state, not a broken build); `--strict` makes them errors.
package enum ComplianceChecks {
    package static func diagnostics(_ site: SiteModel, asOf day: CalendarDay) -> [Diagnostic] {
        let state = ComplianceResolver.resolve(
            units: site.units, documents: site.documents, catalogue: site.settings.obligations, asOf: day)
        var diagnostics: [Diagnostic] = []
        var undated = Set<Int>()
        for compliance in state.units {
            let unit = site.units[compliance.unit].unit
            for round in compliance.rounds {
                for disclosure in round.items where disclosure.status != .notApplicable {
                    let item = disclosure.item
                    let named = "“\(item.name)” (\(item.article), mã `\(item.slug)`)"
                    let namedEn = "“\(item.name)” (\(item.article), slug `\(item.slug)`)"
                    switch disclosure.status {
                    case .notPublished:
                        guard let deadline = disclosure.deadline, deadline < day else { continue }
                        let period = disclosure.period.map { " cho \($0)" } ?? ""
                        let periodEn = disclosure.period.map { " for \($0)" } ?? ""
                        diagnostics.append(
                            Diagnostic(
                                .warning, "compliance.not-published", file: unit.sourcePath,
                                message: .init(
                                    vi:
                                        "\(unit.name): mục \(named)\(period) của đợt công khai năm \(round.year) chưa có trên cổng; hạn là \(deadline.date.vietnameseShort).",
                                    en:
                                        "\(unit.name): item \(namedEn)\(periodEn) of the \(round.year) round is not on the portal; its deadline was \(deadline.date.iso)."
                                ),
                                fix: .init(
                                    vi:
                                        "đăng văn bản công khai mục này với `categories: [\(item.slug)]` và `published:`; nếu mục không áp dụng cho đơn vị, ghi lý do dưới `not_applicable:` trong unit.yaml.",
                                    en:
                                        "publish a document for it with `categories: [\(item.slug)]` and `published:`; if it does not apply, give the reason under `not_applicable:` in unit.yaml."
                                )))
                    case .late:
                        guard let index = disclosure.deciding, let days = disclosure.daysLate else { continue }
                        let source = site.documents[index].source
                        let published = source.published?.vietnameseShort ?? ""
                        let rule =
                            disclosure.lateChange
                            ? (
                                vi:
                                    "\(site.settings.obligations.changeWorkingDays) ngày làm việc kể từ ngày ban hành văn bản thay đổi",
                                en:
                                    "\(site.settings.obligations.changeWorkingDays) working days after the change was issued"
                            )
                            : (
                                vi: "hạn \(disclosure.deadline?.date.vietnameseShort ?? "")",
                                en: "the deadline \(disclosure.deadline?.date.iso ?? "")"
                            )
                        diagnostics.append(
                            Diagnostic(
                                .warning, "compliance.late", file: source.sourcePath, key: "published",
                                message: .init(
                                    vi:
                                        "mục \(named) của đợt năm \(round.year) công khai ngày \(published), muộn \(days) ngày so với \(rule.vi).",
                                    en:
                                        "item \(namedEn) of the \(round.year) round was published on \(source.published?.iso ?? ""), \(days) days after \(rule.en)."
                                ),
                                fix: .init(
                                    vi:
                                        "không cần sửa nếu ngày công khai đúng; nếu văn bản đã đăng sớm hơn, sửa `published:` cho đúng ngày đăng.",
                                    en:
                                        "nothing to correct if the date is right; if it was published earlier, correct `published:`."
                                )))
                    case .undated:
                        for index in disclosure.documents where site.documents[index].source.published == nil {
                            undated.insert(index)
                        }
                    case .onTime, .notApplicable:
                        continue
                    }
                }
            }
        }
        diagnostics += originals(site)
        for index in undated.sorted() {
            let source = site.documents[index].source
            diagnostics.append(
                Diagnostic(
                    .warning, "compliance.undated", file: source.sourcePath, key: "published",
                    message: .init(
                        vi:
                            "văn bản công khai một mục theo \(site.settings.obligations.circular) nhưng chưa ghi ngày công khai; cổng hiện “chưa ghi ngày công khai”.",
                        en:
                            "the document discloses a \(site.settings.obligations.circular) item but has no publication date; the portal shows it as undated."
                    ),
                    fix: .init(
                        vi: "thêm dòng `published: YYYY-MM-DD` (ngày văn bản được đăng lên trang web) vào phần đầu.",
                        en: "add `published: YYYY-MM-DD` (the day it was put on the website) to the front matter.")))
        }
        return diagnostics
    }

    /// A document that discloses an item is the original a parent or inspector asks for: it
    /// should carry the signed file, and in the form the item requires (the annual report as PDF).
    static func originals(_ site: SiteModel) -> [Diagnostic] {
        let catalogue = site.settings.obligations
        var listsByKind: [String: [String: ObligationItem]] = [:]
        var diagnostics: [Diagnostic] = []
        for document in site.documents where !document.source.draft {
            let source = document.source
            guard let kind = site.unit(source.unitID)?.unit.kind else { continue }
            if listsByKind[kind] == nil {
                listsByKind[kind] = Dictionary(
                    catalogue.items(forUnitKind: kind).map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
            }
            let items = source.categories.compactMap { listsByKind[kind]?[$0] }
            guard let item = items.first else { continue }
            if source.attachments.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        .warning, "compliance.no-original", file: source.sourcePath, key: "attachments",
                        message: .init(
                            vi:
                                "văn bản công khai mục “\(item.name)” nhưng không kèm tệp gốc (bản PDF hoặc Word đã ký).",
                            en:
                                "the document discloses “\(item.name)” but carries no original file (the signed PDF or Word file)."
                        ),
                        fix: .init(
                            vi: "chép tệp gốc vào cạnh văn bản và ghi tên tệp dưới `attachments:`.",
                            en: "copy the original beside the document and name it under `attachments:`.")))
            }
            for required in items {
                guard let form = required.form,
                    !source.attachments.contains(where: { $0.lowercased().hasSuffix("." + form.lowercased()) })
                else { continue }
                diagnostics.append(
                    Diagnostic(
                        .warning, "compliance.form", file: source.sourcePath, key: "attachments",
                        message: .init(
                            vi:
                                "mục “\(required.name)” phải công khai dưới dạng tệp \(form) (\(required.article)); văn bản chưa kèm tệp nào như vậy.",
                            en:
                                "“\(required.name)” must be published as a \(form) file (\(required.article)); the document carries none."
                        ),
                        fix: .init(
                            vi:
                                "xuất văn bản ra tệp \(form), chép vào cạnh văn bản và ghi tên tệp dưới `attachments:`.",
                            en: "export it as \(form), copy it beside the document and name it under `attachments:`.")))
            }
        }
        return diagnostics
    }
}
