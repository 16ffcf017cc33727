import Foundation
import Import
import VietText

/// `congkhai new`: a school's portal started from its checklist. congkhai.yaml, the unit's
/// unit.yaml, and one draft per item the unit must disclose in a round, each with its front
/// matter filled (the item's document kind, its category, its period) and a body listing what
/// the circular asks, in its words, with the columns of a table where one fits, marked
/// "(gợi ý)" as the circular prescribes none. Drafts never count as published.
package struct PortalStarter: Sendable {
    package var folder: URL
    package var unitID: String
    package var unitName: String
    package var unitKind: String
    /// The round the drafts are for (deadline 30 June of it).
    package var round: Int
    package var catalogue: ObligationCatalogue

    package init(
        folder: URL, unitID: String, unitName: String, unitKind: String, round: Int,
        catalogue: ObligationCatalogue = .builtIn
    ) {
        self.folder = folder.standardizedFileURL
        self.unitID = unitID
        self.unitName = unitName
        self.unitKind = unitKind
        self.round = round
        self.catalogue = catalogue
    }

    package struct Failure: DiagnosticError, Sendable {
        package var message: LocalizedText
        /// The portal folder being made.
        package var file: String = ""
        package var diagnostics: [Diagnostic] { [Diagnostic(.error, "new.failed", file: file, message: message)] }
    }

    /// The files written, relative to `folder`.
    package func write() throws(Failure) -> [String] {
        do { return try writeFiles() } catch {
            var failure = error
            failure.file = folder.path
            throw failure
        }
    }

    private func writeFiles() throws(Failure) -> [String] {
        guard !unitID.isEmpty, unitID.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }),
            !unitID.hasPrefix("-")
        else {
            throw Failure(
                message: .init(
                    vi:
                        "mã đơn vị “\(unitID)” chỉ được gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ `th-an-phuoc`.",
                    en:
                        "unit id “\(unitID)” may only hold lowercase ASCII letters, digits and hyphens, e.g. `th-an-phuoc`."
                ))
        }
        guard Catalogue().unitKind(unitKind) != nil else {
            let known = Catalogue().unitKinds.map(\.slug).joined(separator: ", ")
            throw Failure(
                message: .init(
                    vi: "loại đơn vị “\(unitKind)” không có; dùng một trong: \(known).",
                    en: "unknown unit kind “\(unitKind)”; use one of: \(known)."))
        }
        guard round >= catalogue.firstRound else {
            throw Failure(
                message: .init(
                    vi:
                        "đợt công khai đầu tiên theo \(catalogue.circular) là năm \(catalogue.firstRound); không có đợt \(round).",
                    en:
                        "the first round under \(catalogue.circular) is \(catalogue.firstRound); there is no round \(round)."
                ))
        }
        let manager = FileManager.default
        if manager.fileExists(atPath: folder.appendingPathComponent("congkhai.yaml").path)
            || manager.fileExists(atPath: folder.appendingPathComponent("content").path)
        {
            throw Failure(
                message: .init(
                    vi:
                        "thư mục \(folder.path) đã có một cổng (congkhai.yaml hoặc content/); congkhai không ghi đè. Chọn một thư mục mới.",
                    en:
                        "\(folder.path) already holds a portal (congkhai.yaml or content/); congkhai does not overwrite it. Choose a new folder."
                ))
        }
        var files: [(String, String)] = []
        files.append(
            (
                "congkhai.yaml",
                """
                # Cài đặt của cổng công khai (xem docs/content-format.md của congkhai).
                title: \(Self.quoted("Cổng công khai thông tin – \(unitName)"))
                description: \(Self.quoted("Thông tin công khai của \(unitName) theo \(catalogue.circular)."))

                """
            ))
        files.append(
            (
                "content/units/\(unitID)/unit.yaml",
                """
                # Thông tin của đơn vị; điền các dòng còn trống.
                name: \(Self.quoted(unitName))
                kind: \(unitKind)
                # governing_body: UBND xã ...
                # province: ...
                # address: ...
                # phone: ...
                # email: ...
                # website: https://...
                # Các mục không áp dụng cho đơn vị, mỗi dòng một mục và lý do, ví dụ:
                # not_applicable:
                #   thuc-don: Trường không tổ chức ăn bán trú.

                """
            ))
        for item in catalogue.items(forUnitKind: unitKind) {
            let folder = Self.schoolYear(of: item, round: round)
            files.append(("content/units/\(unitID)/\(folder)/\(item.slug).md", draft(item, folder: folder)))
        }
        do {
            for (path, text) in files {
                let url = folder.appendingPathComponent(path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            }
        } catch {
            throw Failure(
                message: .init(
                    vi: "không ghi được tệp (\(error.localizedDescription)).",
                    en: "cannot write the files (\(error.localizedDescription))."))
        }
        return files.map(\.0)
    }

    /// The folder a round's draft goes in: its period's school year, else the school year the
    /// round's deadline falls in ((Y−1)–Y).
    static func schoolYear(of item: ObligationItem, round: Int) -> String {
        if item.period == .schoolYear, let period = item.period(ofRound: round) { return period }
        return "\(round - 1)-\(round)"
    }

    private func draft(_ item: ObligationItem, folder: String) -> String {
        let period = item.period(ofRound: round)
        let periodTitle: String
        switch item.period {
        case .schoolYear: periodTitle = period.map { " năm học \($0)" } ?? ""
        case .fiscalYear, .calendarYear: periodTitle = period.map { " năm \($0)" } ?? ""
        case .standing, .month, .week: periodTitle = ""
        }
        let title =
            item.draftTitle.map { $0.replacingOccurrences(of: "{period}", with: period ?? "") } ?? item.name
            + periodTitle
        var lines = [
            "---", "title: \(Self.quoted(title))", "kind: \(item.documentKind)", "# number: ", "# issued: YYYY-MM-DD",
            "# published: YYYY-MM-DD  (ngày đăng lên trang; hạn công khai được đối chiếu với ngày này)",
            "categories:", "  - \(item.slug)"
        ]
        // `period:` only where the folder does not say it.
        if let period, period != folder { lines.append("period: \(Self.quoted(period))") }
        lines += ["# Bỏ dòng dưới khi văn bản đã hoàn chỉnh và được công khai.", "draft: true", "---", ""]
        var deadline = "hạn công khai: ngày \(item.deadline(ofRound: round).date.vietnameseShort)"
        if item.period.isRecurring { deadline = "hạn công khai: \(item.deadlineText ?? "theo từng kỳ")" }
        lines.append(
            "> Bản nháp do `congkhai new` tạo cho đợt công khai năm \(round) (\(deadline)). Thay các phần dưới bằng nội dung thật của đơn vị."
        )
        lines.append("")
        lines.append("## Nội dung cần công khai (\(item.article), \(catalogue.circular))")
        lines.append("")
        for ask in item.asks { lines.append("- \(ask)") }
        if let reference = item.reference { lines += ["", "Số liệu tính đến ngày \(reference)."] }
        if let form = item.form { lines += ["", "Đăng dưới dạng tệp \(form), ghi tên tệp ở khóa `attachments:`."] }
        if !item.columns.isEmpty {
            lines += [
                "", "## Bảng số liệu", "", "| " + item.columns.map { "\($0) (gợi ý)" }.joined(separator: " | ") + " |",
                "|" + String(repeating: " --- |", count: item.columns.count),
                "|" + String(repeating: "  |", count: item.columns.count)
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// YAML text, quoted where it must be.
    private static func quoted(_ text: String) -> String {
        (try? FrontMatterWriter.yaml([("v", .text(text))]).dropFirst(3).trimmingCharacters(in: .newlines))
            ?? "\"\(text)\""
    }

}
