import Foundation
import VietText

/// Reads the blocks of a document in the state format (Nghị định 30/2020/NĐ-CP): letterhead,
/// national motto, number, place and date, type name, subject, body, recipients, signature,
/// appendix; and maps each to a front-matter field or the Markdown body.
struct LayoutRecognizer {
    /// Document type names as printed on their own line, folded, and their kind: the types of
    /// the one table (`DocumentType`) a school or office prints, "khac" for those with no kind.
    static let typeNames: [(folded: String, kind: String)] =
        DocumentType.all.filter(\.printed).map { (VietnameseText.fold($0.name), $0.kind ?? "khac") }
    /// The kind a type code of a number names ("08/KH-CĐGD"), when no type line was printed.
    static func kind(ofCode code: String) -> String? { DocumentType.byCode[code]?.kind }
    /// With the body, how a subject printed in capitals is written in sentence case: the unit's
    /// name ("Trường THCS Phong Xuân") and its places' ("Phong Điền").
    var unitName: String?
    var places: [String] = []

    /// What recognition has found so far, handed from phase to phase of `recognise`.
    struct Recognition {
        var document = ImportedDocument()
        /// The text's lines, page furniture (running headers, page numbers) removed.
        let lines: [SourceLine]
        /// The first line not read yet: after the header and the subject, the body's first.
        var index = 0
        /// The type-name line ("KẾ HOẠCH"), or a công văn's "V/v" line.
        var typeIndex: Int?
        /// Lines placed in front matter or dropped.
        var consumed = Set<Int>()
        /// The kind was taken from a "V/v" subject label (a công văn's layout).
        var kindFromSubjectLabel = false
        /// "KẾ HOẠCH LIÊN TỊCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG", "BÁO CÁO TÓM TẮT": a few words in
        /// capitals after the type's name, the subject on the line below.
        var typeQualifier: String?
        /// A type with no kind of its own ("GIẤY MỜI", "DANH SÁCH"): its name leads the title.
        var otherTypeName: String?
    }

    /// The phases, in order: the header (letterhead, motto, number, place and date, type line),
    /// the subject under the type line, what the number and an appendix say of the kind and
    /// number, the footer (recipients, signature, appendix) and the body between, and last the
    /// title's case.
    func recognise(_ rawLines: [SourceLine]) -> ImportedDocument {
        let furniture = PageFurniture(rawLines)
        var r = Recognition(lines: furniture.kept)
        r.document.reportRemoved(furniture.removed)
        readHeader(&r)
        readSubject(&r)
        readKindAndNumberFromElsewhere(&r)
        let (bodyLines, appendix) = readFooterAndBody(&r)
        caseTitle(&r, bodyLines: bodyLines, appendix: appendix)
        r.document.schoolYearHint = SchoolYear.mentioned(in: r.lines.map(\.plain))
        return r.document
    }

    /// What a header line can be, tried in this order (`readHeader`); each rule beside the
    /// example it was written for.
    enum HeaderRule: CaseIterable {
        /// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "________":
        /// dropped.
        case mottoOrRule
        /// "Số:" and its blank number in cells of their own ("Số:    /BGDĐT- GDMN").
        case numberInTwoCells
        /// "Số: 08/KH-CĐGD", perhaps with the place and date on its line.
        case number
        /// "Tân Hồng, ngày 05 tháng 02 năm 2025", the whole line.
        case placeAndDate
        /// "Số: 255 / BC-BCĐPCGD-", the date, "XMC": a number wrapped in its narrow column.
        case wrappedNumber
        /// "KẾ HOẠCH", "KẾ HOẠCH THỰC HIỆN …", "K Ế  H O Ạ C H": the type's name; the header ends.
        case typeLine
        /// "PHÒNG GD&ĐT TÂN HỒNG", "TRƯỜNG TIỂU HỌC AN PHƯỚC" (or in sentence case, near the top).
        case letterhead
        /// "V/v: báo cáo kết quả …": a công văn, no type line, its subject under the number; the
        /// header ends.
        case subjectLabel
        /// "Số:" alone, no number beside or under it: a number left blank; dropped.
        case blankNumberLabel
    }

    /// What a rule did with a line.
    enum HeaderStep {
        /// Not this rule's line.
        case no
        /// Read; on to the next line.
        case next
        /// Read; the header ends here.
        case end
    }

    /// Everything up to the subject, within the first 40 lines (`HeaderRule`); past line 15, a
    /// line no rule reads ends it.
    private func readHeader(_ r: inout Recognition) {
        let headerLimit = min(r.lines.count, 40)
        lines: for position in 0..<headerLimit {
            if r.lines[position].isBlank || r.consumed.contains(position) { continue }
            for rule in HeaderRule.allCases {
                switch read(rule, at: position, limit: headerLimit, &r) {
                case .no: continue
                case .next: continue lines
                case .end: break lines
                }
            }
            if position > 15 { break }
        }
    }

    private func read(_ rule: HeaderRule, at position: Int, limit headerLimit: Int, _ r: inout Recognition)
        -> HeaderStep
    {
        let line = r.lines[position]
        switch rule {
        case .mottoOrRule:
            // "CỘNG" / "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": the motto wrapped in a narrow cell.
            let letters = String(line.folded.filter(\.isLetter))
            if !letters.isEmpty, !isMotto(line), let next = nextLine(after: position, r),
                ["conghoaxahoichunghiavietnam", "doclaptudohanhphuc"].contains(where: { $0.hasPrefix(letters) }),
                isMotto(SourceLine(number: line.number, text: line.plain + " " + r.lines[next].plain))
            {
                r.consumed.formUnion([position, next])
                return .next
            }
            guard isMotto(line) || isRule(line) else { return .no }
            // "UBND HUYỆN YÊN DŨNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": both columns on one line,
            // as a PDF viewer's copy gives them; the letterhead is the left one.
            if let start = Self.mottoStart(in: line.plain) {
                var left = line.plain[..<start].trimmingCharacters(in: CharacterSet(charactersIn: " |*_-–—=.:"))
                // "Trang 1PHÒNG GD&ĐT …": a text dump's page label glued on.
                if let label = left.range(of: #"^Trang \d+"#, options: .regularExpression) {
                    left = String(left[label.upperBound...]).trimmingCharacters(in: .whitespaces)
                }
                if left.contains(where: \.isLetter) { Self.addLetterhead(left, to: &r.document) }
            }
            r.consumed.insert(position)
            return .next
        case .numberInTwoCells:
            guard r.document.number == nil, ["so:", "so :"].contains(line.folded), position + 1 < headerLimit,
                r.lines[position + 1].number == line.number,
                let number = Self.number(in: line.plain + " " + r.lines[position + 1].plain)
            else { return .no }
            r.document.number = number.value
            r.consumed.formUnion([position, position + 1])
            return .next
        case .number:
            guard r.document.number == nil, let number = Self.number(in: line.plain) else { return .no }
            r.document.number = number.value
            r.consumed.insert(position)
            if let rest = number.rest, let placeDate = Self.placeAndDate(in: rest) {
                (r.document.place, r.document.issued) = (placeDate.place, placeDate.date)
            }
            return .next
        case .placeAndDate:
            // The place or the date wrapped in a narrow cell: read across the two lines.
            if r.document.issued == nil, let next = nextLine(after: position, r),
                Self.wrapsPlaceAndDate(line, over: r.lines[next]),
                let placeDate = Self.placeAndDate(in: line.plain + " " + r.lines[next].plain), placeDate.isWholeLine
            {
                (r.document.place, r.document.issued) = (placeDate.place, placeDate.date)
                r.consumed.formUnion([position, next])
                return .next
            }
            // "Số: Bình Sơn, ngày 12 tháng 4 năm 2022": a number left blank, beside the date.
            let text = Self.afterBlankNumberLabel(line.plain) ?? line.plain
            guard r.document.issued == nil && r.document.place == nil,
                let placeDate = Self.placeAndDate(in: text),
                placeDate.isWholeLine
            else { return .no }
            (r.document.place, r.document.issued) = (placeDate.place, placeDate.date)
            r.consumed.insert(position)
            return .next
        case .wrappedNumber:
            guard let number = r.document.number, number.hasSuffix("-") || number.hasSuffix("/"),
                Self.isCode(line.plain)
            else { return .no }
            r.document.number = number + line.plain
            r.consumed.insert(position)
            return .next
        case .typeLine:
            // "Kế hoạch số 08/KH-CĐGD", as a web page heads a document: the type and the number.
            if let (kind, number) = Self.typeAndNumber(line) {
                r.document.kind = kind
                r.document.number = r.document.number ?? number
                r.typeIndex = position
                r.consumed.insert(position)
                r.document.droppedLines.insert(line.number)
                return .end
            }
            guard let type = typeLine(line, afterHeader: r.document.number != nil || r.document.issued != nil) else {
                return .no
            }
            r.document.kind = type.kind
            if type.kind == "khac" { r.otherTypeName = type.name }
            r.typeIndex = position
            r.consumed.insert(position)
            // Its name is the `kind`; the rest of the line is the title.
            r.document.droppedLines.insert(line.number)
            if let rest = type.rest {
                r.document.title = rest
                if rest.split(separator: " ").count <= 3, position + 1 < r.lines.count, !r.lines[position + 1].isBlank,
                    !r.lines[position + 1].isUppercase
                {
                    r.typeQualifier = rest
                }
            }
            return .end
        case .letterhead:
            guard
                (line.isUppercase && line.plain.count <= 120)
                    || (position < 8 && isLetterheadInSentenceCase(line, headerSoFar: r.document))
            else { return .no }
            Self.addLetterhead(line.plain, to: &r.document)
            r.consumed.insert(position)
            return .next
        case .blankNumberLabel:
            guard ["so:", "so :"].contains(line.folded) else { return .no }
            r.consumed.insert(position)
            // "Số:" / "1228/THPT": the number on the line under its label.
            if r.document.number == nil, let next = nextLine(after: position, r),
                let number = Self.number(in: "Số: " + r.lines[next].plain), number.rest == nil
            {
                r.document.number = number.value
                r.consumed.insert(next)
            }
            return .next
        case .subjectLabel:
            guard line.folded.hasPrefix("v/v") || line.folded.hasPrefix("ve viec") else { return .no }
            if r.document.kind == nil { r.kindFromSubjectLabel = true }
            r.document.kind = r.document.kind ?? "cong-van"
            r.document.title = VietnameseText.capitalizingFirst(
                Self.afterLabel(line.plain, labels: ["V/v", "v/v", "Về việc", "về việc"]))
            r.consumed.insert(position)
            r.typeIndex = position
            return .end
        }
    }

    /// The lines after the type name up to a blank line or the body's first words; with no
    /// type line, a warning.
    private func readSubject(_ r: inout Recognition) {
        if let typeIndex = r.typeIndex {
            r.index = typeIndex + 1
            var titleParts: [String] = r.document.title.map { [$0] } ?? []
            let subjectIsVv =
                r.lines[typeIndex].folded.hasPrefix("v/v") || r.lines[typeIndex].folded.hasPrefix("ve viec")
            // The date read among the subject's lines (a công văn's right-hand column): after it,
            // a blank line ends the subject ("Dự thảo" below is not part of it).
            var dateAmongSubject = false
            while r.index < r.lines.count {
                let line = r.lines[r.index]
                if line.isBlank {
                    // "KẾ HOẠCH CHỈ ĐẠO CHUYÊN MÔN", a blank line, "NĂM HỌC 2024 – 2025": the
                    // period a subject is for is still the subject.
                    let next = r.lines[r.index...].firstIndex { !$0.isBlank }
                    if !titleParts.isEmpty, let next, titleParts.count < 4, !dateAmongSubject,
                        Self.timeSpan(r.lines[next]) != nil
                            || (subjectIsVv && continuesSubject(r.lines[next], after: titleParts))
                    {
                        r.index = next
                        continue
                    }
                    if titleParts.isEmpty {
                        r.index += 1
                        continue
                    }
                    break
                }
                // The first line under the type name is the subject even when it opens like a
                // sentence ("Thực hiện công tác dân vận năm 2023"); later ones must not.
                // "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NINH BÌNH" under a decision's subject: who decides,
                // the body's first line.
                let firstUnder =
                    titleParts.isEmpty
                    || (r.typeQualifier != nil && r.index == typeIndex + 1 && line.plain.count <= 160
                        && !";:".contains(line.plain.last ?? " "))
                let opensBody =
                    (firstUnder ? isFirstBodyLine(line) : isBodyStart(line))
                    || (!titleParts.isEmpty && isAuthority(line))
                // A subject never ends on a full stop: a sentence under it is the body's (a note
                // printed under the title, "Ví dụ minh họa, không phải số liệu thật.").
                let sentence = !titleParts.isEmpty && line.plain.hasSuffix(".") && !line.plain.hasSuffix("..")
                // A subject in capitals goes on in capitals: "… TỈNH" / "BÌNH PHƯỚC" / "Năm học
                // 2016-2017, toàn ngành Giáo dục …" opens the body.
                let afterShouted =
                    !firstUnder && titleParts.allSatisfy(TitleCasing.isShouted) && !line.isUppercase
                    && Self.timeSpan(line) == nil
                if titleParts.count >= 4 || opensBody || sentence || afterShouted
                    || (r.document.issued == nil && Self.placeAndDate(in: line.plain)?.isWholeLine == true)
                {
                    if let placeDate = Self.placeAndDate(in: line.plain), placeDate.isWholeLine,
                        r.document.issued == nil
                    {
                        (r.document.place, r.document.issued) = (placeDate.place, placeDate.date)
                        r.consumed.insert(r.index)
                        dateAmongSubject = true
                        r.index += 1
                        continue
                    }
                    break
                }
                if isMotto(line) || isRule(line) {
                    r.consumed.insert(r.index)
                    r.index += 1
                    continue
                }
                if let span = Self.timeSpan(line) {
                    // In the case of the subject it ends: "GIÁO DỤC NHÀ TRƯỜNG" + "Năm học: 2024 - 2025";
                    // "... nhiệm vụ" + "Năm học 2007- 2008" gives "... nhiệm vụ năm học 2007- 2008".
                    // Alone under the type name ("NĂM HỌC: 2023-2024"), it is the whole subject.
                    let shouted = titleParts.last.map(TitleCasing.isShouted) ?? false
                    titleParts.append(
                        shouted ? span.uppercased() : titleParts.isEmpty ? span : VietnameseText.lowercasingFirst(span))
                    r.consumed.insert(r.index)
                    r.index += 1
                    continue
                }
                titleParts.append(line.plain)
                r.consumed.insert(r.index)
                r.index += 1
            }
            if !titleParts.isEmpty {
                r.document.title = VietnameseText.collapseWhitespace(titleParts.joined(separator: " "))
            }
            readDateAfterSubject(&r)
        } else {
            r.index = (r.consumed.max() ?? -1) + 1
            r.document.warnings.append(
                ImportWarning(
                    "import.no-type-line",
                    line: nil,
                    message: .init(
                        vi: "không thấy dòng tên loại văn bản (KẾ HOẠCH, BÁO CÁO ...); hãy kiểm tra `kind` và `title`.",
                        en: "no type-name line (KẾ HOẠCH, BÁO CÁO ...) was found; check `kind` and `title`.")))
        }
    }

    /// A công văn prints its subject (V/v) in the left column and the place and date in the
    /// right one; flattened, the date follows the subject.
    /// The motto may come between them.
    private func readDateAfterSubject(_ r: inout Recognition) {
        var next = r.index
        while r.document.issued == nil, next < r.lines.count, next - r.index < 12 {
            let line = r.lines[next]
            if line.isBlank {
                next += 1
                continue
            }
            if isMotto(line) || isRule(line) {
                r.consumed.insert(next)
                next += 1
                continue
            }
            if let placeDate = Self.placeAndDate(in: line.plain), placeDate.isWholeLine {
                (r.document.place, r.document.issued) = (placeDate.place, placeDate.date)
                r.consumed.insert(next)
                r.index = next + 1
            }
            break
        }
    }

    /// The number an appendix gives its document, the kind a number's type code names, and a
    /// report laid out as a letter.
    private func readKindAndNumberFromElsewhere(_ r: inout Recognition) {
        // No "Số:" line: an appendix may still name the document ("Kèm theo Kế hoạch số /KH-THAP").
        if r.document.number == nil {
            r.document.number = Self.numberFromAppendixReference(r.lines.map(\.plain), kind: r.document.kind)
        }
        if r.document.kind == nil, let number = r.document.number {
            r.document.kind = Self.codes(of: number).lazy.compactMap { Self.kind(ofCode: $0) }.first
        }
        // "Số: 271/BC-TMN" over "V/v: Báo cáo kết quả ...": a report laid out as a letter. A
        // công văn's number has no type code; a type code right after the number names the kind,
        // and the subject loses the type's name it repeats.
        if r.kindFromSubjectLabel, let number = r.document.number {
            let codes = Self.codes(of: number)
            if codes.count > 1, let kind = Self.kind(ofCode: codes[1]) {
                r.document.kind = kind
                if let title = r.document.title, let name = Self.typeNames.first(where: { $0.kind == kind })?.folded,
                    VietnameseText.fold(title).hasPrefix(name + " ")
                {
                    r.document.title = VietnameseText.capitalizingFirst(String(title.dropFirst(name.count + 1)))
                }
            }
        }
    }

    /// Recipients, signature and an appendix after it; the body between the subject and them,
    /// with the header lines placed nowhere (reported). Returns the body's lines and the
    /// appendix's, the evidence for the title's case.
    private func readFooterAndBody(_ r: inout Recognition) -> (body: [SourceLine], appendix: [SourceLine]) {
        let bodyStart = r.index
        let footer = recogniseFooter(r.lines, from: bodyStart, into: &r.document)
        var bodyLines = Array(r.lines[bodyStart..<footer.start])
        bodyLines = bodyLines.filter { !isMotto($0) }
        // A form prints its place and date right above the signature ("Thông Bình, ngày 15 tháng
        // 9 năm 2023", then "HIỆU TRƯỞNG"); a sentence ending with a date ("Cuộc họp kết thúc
        // lúc 16 giờ ngày ...") is not one.
        if r.document.issued == nil, footer.start < r.lines.count,
            let last = bodyLines.lastIndex(where: { !$0.isBlank }),
            let placeDate = Self.placeAndDate(in: bodyLines[last].plain), placeDate.date != nil,
            placeDate.place.map({ $0.split(separator: " ").count <= 5 && !$0.contains(where: \.isNumber) }) ?? true
        {
            (r.document.place, r.document.issued) = (r.document.place ?? placeDate.place, placeDate.date)
            bodyLines.remove(at: last)
        }
        var unplaced = footer.unplaced
        // Header lines not placed anywhere stay in the body, reported.
        for position in 0..<min(bodyStart, r.lines.count)
        where !r.consumed.contains(position) && !r.lines[position].isBlank {
            unplaced.append(r.lines[position])
        }
        var body = MarkdownBodyWriter().write(
            unplaced.isEmpty ? bodyLines : unplaced + [SourceLine(number: 0, text: "")] + bodyLines)
        if let name = footer.otherSignature.last {
            let titles = footer.otherSignature.dropLast().map { "**\($0)**" }.joined(separator: " ")
            body += "\n" + (titles.isEmpty ? name : titles + " " + name) + "\n"
        }
        if !footer.appendix.isEmpty {
            // Marked, so the page shows it after the signature and print starts it on a new page.
            body += "\n" + AppendixMarker.text + "\n\n" + MarkdownBodyWriter().write(footer.appendix, appendix: true)
        }
        // A form's label and the text it belongs to ("Biểu mẫu 09", "(Kèm theo Thông tư số
        // 36/2017/TT-BGDĐT ...)") open the body as printed: nothing to check.
        for line in unplaced where !Self.isFormLabel(line) {
            r.document.warnings.append(
                ImportWarning(
                    "import.unplaced",
                    line: line.number,
                    message: .init(
                        vi: "không xếp được “\(line.plain)” vào phần đầu hay chữ ký; đã giữ trong nội dung.",
                        en: "could not place “\(line.plain)” in the header or signature; kept in the body.")))
        }
        r.document.body = body
        return (bodyLines, footer.appendix)
    }

    /// A subject printed in capitals, in sentence case (each word as the document's own text
    /// writes it); a type qualifier and another type's name joined to it.
    private func caseTitle(_ r: inout Recognition, bodyLines: [SourceLine], appendix: [SourceLine]) {
        let casing = TitleCasing(
            evidence: bodyLines.map(\.plain) + appendix.map(\.plain) + [unitName].compactMap { $0 },
            names: places)
        if let title = r.document.title, TitleCasing.isShouted(title) {
            r.document.title = casing.sentenceCased(title)
        } else if let qualifier = r.typeQualifier, let title = r.document.title, title.hasPrefix(qualifier + " ") {
            // "LIÊN TỊCH" + "Phối hợp giữa nhà trường và Công đoàn": "Liên tịch phối hợp giữa ...".
            let subject = String(title.dropFirst(qualifier.count + 1))
            r.document.title = casing.sentenceCased(qualifier) + " " + VietnameseText.lowercasingFirst(subject)
        }
        if let name = r.otherTypeName {
            let typeName = VietnameseText.capitalizingFirst(name.lowercased())
            r.document.title = r.document.title.map { typeName + " " + VietnameseText.lowercasingFirst($0) } ?? typeName
        }
    }

    // MARK: - Footer

    struct Footer {
        var start: Int
        var appendix: [SourceLine] = []
        var unplaced: [SourceLine] = []
        /// The left one of two signatures side by side ("THƯ KÝ", "Nguyễn Thị Lan"): its title
        /// lines and name, kept at the body's end.
        var otherSignature: [String] = []
    }

    private func recogniseFooter(_ lines: [SourceLine], from bodyStart: Int, into document: inout ImportedDocument)
        -> Footer
    {
        // The "Nơi nhận" label, else the signature block found from the end.
        var start = lines.indices.dropFirst(bodyStart).first { Self.isRecipientsLabel(lines[$0]) }
        if start == nil {
            start = signatureStart(lines, after: bodyStart)
        }
        guard var footerStart = start else { return Footer(start: lines.count) }
        // Side by side, the signing title may print above "Nơi nhận" (PDF layout text), and the
        // whole signature, its name too, in a web page's order.
        var back = footerStart - 1
        var nameAbove: Int?
        while back > bodyStart {
            let line = lines[back]
            if line.isBlank {
                back -= 1
                continue
            }
            if nameAbove == nil, footerStart == start, isNameLike(line) {
                nameAbove = back
                back -= 1
                continue
            }
            guard line.isUppercase, line.plain.count <= 60, Self.romanHeading(line.plain) == nil,
                !line.plain.hasSuffix(":")
            else { break }
            footerStart = back
            back -= 1
        }
        // A name with no signing title above it is the body's.
        if let nameAbove, footerStart > nameAbove { footerStart = start ?? footerStart }
        var footer = Footer(start: footerStart)
        var titleLines: [SourceLine] = []
        var position = footerStart
        var seenSigner = false
        // The recipients printed after the signature (a web page's order).
        var recipientsAfterSigner = false
        while position < lines.count {
            let line = lines[position]
            position += 1
            if line.isBlank { continue }
            if seenSigner && !(Self.isRecipientsLabel(line) || (recipientsAfterSigner && Self.isListItem(line))) {
                footer.appendix.append(contentsOf: lines[(position - 1)...])
                break
            }
            if seenSigner && Self.isRecipientsLabel(line) { recipientsAfterSigner = true }
            if Self.isRecipientsLabel(line) {
                let rest = Self.afterLabel(line.plain, labels: ["Nơi nhận", "Noi nhận", "NƠI NHẬN", "Nơi nhận :"])
                    .trimmingCharacters(in: CharacterSet(charactersIn: ": "))
                if !rest.isEmpty { document.recipients.append(Self.stripListMarker(rest)) }
                continue
            }
            if Self.isListItem(line) {
                document.recipients.append(Self.stripListMarker(line.plain))
                continue
            }
            // Not a title the list does not know ("CHỦ TỊCH CÔNG ĐOÀN") over the signer's name.
            let overName =
                line.isUppercase
                && lines[position...].first { !$0.isBlank }.map { isNameLike($0) || line.number == $0.number } == true
            if let last = document.recipients.last, titleLines.isEmpty, last.hasSuffix(","),
                !Self.isNamedSigningTitle(line), !overName
            {
                // A recipient wrapped onto the next line, in capitals too: "- Các trường: MN, MG,
                // TH, TH&THCS," / "THCS;".
                document.recipients[document.recipients.count - 1] = last + " " + line.plain
                continue
            }
            if Self.isSigningTitle(line) {
                // "TM. ỦY BAN NHÂN" / "DÂN": one word left over from a title on behalf of a body,
                // wrapped in a narrow cell, ends that title.
                if let last = titleLines.last, line.plain.split(separator: " ").count == 1, line.isUppercase,
                    Self.onBehalfPrefixes.contains(where: { last.folded.hasPrefix($0) })
                {
                    titleLines[titleLines.count - 1] = SourceLine(
                        number: last.number, text: last.plain + " " + line.plain)
                    continue
                }
                titleLines.append(line)
                continue
            }
            if !titleLines.isEmpty, Self.isSigningMark(line) {
                document.droppedLines.insert(line.number)
                continue
            }
            if isNameLike(line) && !titleLines.isEmpty {
                document.signer = line.plain
                seenSigner = true
                // Two signatures side by side ("THƯ KÝ ... CHỦ TỌA", a joint plan's "TM. BCH CÔNG
                // ĐOÀN ... HIỆU TRƯỞNG"): the right one is the chair's or the issuing head's.
                if position < lines.count, lines[position].number == line.number, isNameLike(lines[position]) {
                    document.signer = lines[position].plain
                    // A row of two cells: the first is the left one's. A cell alone: by how far in it starts.
                    let rows = Dictionary(grouping: titleLines, by: \.number)
                    let left = titleLines.filter {
                        rows[$0.number]!.count > 1 ? rows[$0.number]!.first == $0 : $0.indent < 8
                    }
                    titleLines.removeAll { left.contains($0) }
                    footer.otherSignature = left.map(\.plain) + [line.plain]
                    position += 1
                }
                continue
            }
            if let last = document.recipients.last, titleLines.isEmpty, let first = line.plain.first,
                first.isLowercase || last.hasSuffix(",")
            {
                // A recipient wrapped onto the next line.
                document.recipients[document.recipients.count - 1] = last + " " + line.plain
                continue
            }
            footer.unplaced.append(line)
        }
        if !titleLines.isEmpty { document.signerTitle = titleLines.map(\.plain).joined(separator: " / ") }
        return footer
    }

    /// Without a "Nơi nhận" label: an uppercase signing title followed by a name, near the end.
    private func signatureStart(_ lines: [SourceLine], after bodyStart: Int) -> Int? {
        let nonBlank = lines.indices.dropFirst(bodyStart).filter { !lines[$0].isBlank }
        for (offset, position) in nonBlank.enumerated().reversed().prefix(12) {
            guard isNameLike(lines[position]), offset > 0 else { continue }
            var titleStart: Int?
            var back = offset - 1
            while back >= 0, Self.isSigningMark(lines[nonBlank[back]]) || Self.isSigningTitle(lines[nonBlank[back]]) {
                if !Self.isSigningMark(lines[nonBlank[back]]) { titleStart = nonBlank[back] }
                back -= 1
            }
            if let titleStart { return titleStart }
        }
        return nil
    }

    // MARK: - Line kinds

    /// "(Đã ký)", "(Ký, ghi rõ họ tên, đóng dấu)" between the signing title and the name: a
    /// copy's note of the signature, not the signer.
    static func isSigningMark(_ line: SourceLine) -> Bool {
        let words = line.folded.split { !$0.isLetter }
        return words.contains("ky") && words.allSatisfy(signingMarkWords.contains)
    }

    private static let signingMarkWords: Set<Substring> = [
        "da", "ky", "ten", "va", "ghi", "ro", "ho", "dong", "dau", "sao", "y", "ban", "chinh"
    ]

    private func isMotto(_ line: SourceLine) -> Bool {
        // Letters only: "Độc lập- Tự do- Hạnh Phúc", "Độc lập – Tự do – Hạnh phúc" alike.
        let letters = String(line.folded.filter(\.isLetter))
        return letters.contains("conghoaxahoichunghiavietnam") || letters.contains("doclaptudohanhphuc")
            || letters == "dangcongsanvietnam"
    }

    /// "--------", "___", and a table's bar alone on its line (a legal database's header table
    /// copied as text: "|"); not a Markdown table's delimiter row ("|---|---|").
    private func isRule(_ line: SourceLine) -> Bool {
        guard !line.plain.isEmpty else { return false }
        return line.plain.allSatisfy { "-_=*~.–—".contains($0) || $0 == " " }
            || line.plain.allSatisfy { $0 == "|" || $0 == " " }
    }

    /// `name`: the type's words as printed ("GIẤY MỜI"). The type's name is printed in capitals,
    /// letter-spaced ("K Ế  H O Ạ C H") at times; a Word file that capitalises it with a font
    /// style gives it as typed: alone on its line in any case, or, once the number or the date
    /// was read (`afterHeader`), leading a subject line that is no sentence.
    private func typeLine(_ line: SourceLine, afterHeader: Bool) -> (kind: String, name: String, rest: String?)? {
        if let spaced = Self.letterSpaced(line.plain) {
            let joined = VietnameseText.fold(spaced).replacingOccurrences(of: " ", with: "")
            if let type = Self.typeNames.first(where: { $0.folded.replacingOccurrences(of: " ", with: "") == joined }) {
                return (type.kind, spaced, nil)
            }
        }
        let folded = line.folded
        for type in Self.typeNames where folded == type.folded || folded.hasPrefix(type.folded + " ") {
            let words = line.plain.split(separator: " ")
            let typeWordCount = type.folded.split(separator: " ").count
            let name = words.prefix(typeWordCount).joined(separator: " ")
            // The name alone on its line, in any case.
            if folded == type.folded { return (type.kind, name, nil) }
            let rest = words.dropFirst(typeWordCount).joined(separator: " ")
            // "QUY ĐỊNH VÀ HƯỚNG DẪN": two types' names, the subject on the lines below.
            let restFolded = VietnameseText.fold(rest)
            if line.isUppercase, restFolded.hasPrefix("va "),
                Self.typeNames.contains(where: { restFolded == "va " + $0.folded })
            {
                return (type.kind, line.plain, nil)
            }
            // "KẾ HOẠCH THỰC HIỆN ...": the type and the subject on one line.
            if line.isUppercase { return (type.kind, name, rest) }
            guard afterHeader, line.plain.count <= 200, !".;:".contains(line.plain.last ?? "."),
                let next = words.dropFirst(typeWordCount).first,
                !Self.sentenceWordsAfterType.contains(next.lowercased()), next.first?.isNumber != true
            else { return nil }
            return (type.kind, name, VietnameseText.capitalizingFirst(rest))
        }
        return nil
    }

    /// "Phòng GD&ĐT huyện Yên Thành" over "Trường THCS Lý Nhật Quang", at the top, before the
    /// number and the date: the letterhead of a Word file that capitalises it with a font style.
    private func isLetterheadInSentenceCase(_ line: SourceLine, headerSoFar document: ImportedDocument) -> Bool {
        guard document.number == nil, document.issued == nil, document.letterhead.count < 3, line.plain.count <= 80,
            line.plain.first?.isUppercase == true, !".;:,".contains(line.plain.last ?? "."),
            let first = line.plain.split(separator: " ").first?.lowercased(),
            // A body's name holds no number of three digits: "Văn bản 1277 2024 về …", a web
            // page's heading over the document, is none.
            !line.plain.split(whereSeparator: { !$0.isNumber }).contains(where: { $0.count >= 3 })
        else { return false }
        return ProperNames.bodyHeadsInAnyCase.contains(first) || ["chi", "đảng"].contains(first)
    }

    /// Words after a type's name that make a line a sentence about it, not its subject: "Kế
    /// hoạch này được ...", "Báo cáo số 12 ...".
    static let sentenceWordsAfterType: Set<String> = [
        "số", "này", "được", "đã", "đang", "sẽ", "của", "là", "và", "có", "gồm", "trên", "theo", "đó", "nêu", "kèm"
    ]

    /// "K Ế  H O Ạ C H": single letters with a space between, two between words. The word as it
    /// reads, "KẾ HOẠCH"; nil for any other line.
    static func letterSpaced(_ text: String) -> String? {
        let letters = text.split(separator: " ")
        guard letters.count >= 4, letters.allSatisfy({ $0.count == 1 && $0.first!.isLetter }) else { return nil }
        let words = text.components(separatedBy: "  ").map { $0.replacingOccurrences(of: " ", with: "") }.filter {
            !$0.isEmpty
        }
        return words.joined(separator: " ")
    }

    private func isBodyStart(_ line: SourceLine) -> Bool {
        let folded = line.folded
        // "Kính" / "gửi:": a line of one word, wrapped in a narrow cell.
        if folded == "kinh" { return true }
        if BodyOpeners.opens(folded) || Self.isPartHeading(folded) { return true }
        if let first = line.plain.first, "-+•".contains(first) { return true }
        return Self.romanHeading(line.plain) != nil || line.plain.count > 200
    }

    /// "V/v Hướng dẫn thực hiện nhiệm vụ", a blank line, "Giáo dục trung học năm học 2014-2015":
    /// a công văn's subject wrapped in its narrow column. What may follow a subject instead (the
    /// motto, the date, "Kính gửi", the body) is not its continuation.
    private func continuesSubject(_ line: SourceLine, after parts: [String]) -> Bool {
        guard let last = parts.last?.last, !".:;".contains(last), line.plain.count <= 100, !line.isUppercase else {
            return false
        }
        return !isMotto(line) && !isRule(line) && !isBodyStart(line) && Self.placeAndDate(in: line.plain) == nil
            && Self.number(in: line.plain) == nil && !Self.isRecipientsLabel(line)
    }

    /// "NĂM HỌC 2024 – 2025", "Năm học: 2024 - 2025", "GIAI ĐOẠN 2021-2025", "Học kỳ I", "Thời
    /// điểm tháng 10 năm 2020": the period a subject is for, on a line of its own, without the
    /// label's colon.
    static func timeSpan(_ line: SourceLine) -> String? {
        let folded = line.folded
        guard line.plain.count <= 40, line.plain.contains(where: \.isNumber) || folded.hasPrefix("hoc ky") else {
            return nil
        }
        for label in ["nam hoc", "giai doan", "hoc ky", "thoi diem", "nam"] where folded.hasPrefix(label) {
            guard
                let labelEnd = line.plain.index(
                    line.plain.startIndex, offsetBy: label.count, limitedBy: line.plain.endIndex)
            else { return nil }
            let rest = line.plain[labelEnd...].drop { $0 == ":" || $0 == " " }
            if label == "nam", !(rest.first?.isNumber ?? false) { return nil }
            // "Năm học 2016-2017, toàn ngành Giáo dục": a sentence that opens with a period.
            if rest.contains(where: { $0 == "," || $0 == ";" }) { return nil }
            return VietnameseText.collapseWhitespace(line.plain[..<labelEnd] + " " + rest)
        }
        return nil
    }

    /// "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ...", "HIỆU TRƯỞNG TRƯỜNG ...", "GIÁM ĐỐC SỞ ...": the
    /// authority a decision is made by, in capitals on a line of its own.
    private func isAuthority(_ line: SourceLine) -> Bool {
        // In sentence case too, as a Word file with a capitalising font style gives it.
        guard line.isUppercase || (line.plain.first?.isUppercase == true && !".;:,".contains(line.plain.last ?? ".")),
            line.plain.count <= 120
        else { return false }
        let folded = line.folded
        return Self.authorityTitles.contains { folded.hasPrefix($0) }
    }

    static let authorityTitles = [
        "chu tich ", "hieu truong ", "giam doc ", "truong phong ", "bo truong ", "thu truong ",
        "pho chu tich ", "pho hieu truong ", "pho giam doc ", "pho truong phong ", "ban chap hanh ",
        "ban thuong vu ", "uy ban nhan dan ", "ban giam hieu "
    ]

    /// What can never be a subject: a basis, an address line, a list, a section.
    private func isFirstBodyLine(_ line: SourceLine) -> Bool {
        let folded = line.folded
        if folded.hasPrefix("can cu") || folded.hasPrefix("kinh gui") || folded == "kinh" { return true }
        if let first = line.plain.first, "-+•".contains(first) { return true }
        return Self.romanHeading(line.plain) != nil || line.plain.count > 300
    }

    /// A signing title: a line in capitals ("KT. HIỆU TRƯỞNG"), or a known title in any case
    /// ("Hiệu trưởng", "Người lập biểu").
    static func isSigningTitle(_ line: SourceLine) -> Bool {
        if line.isUppercase { return line.plain.count <= 80 }
        return isNamedSigningTitle(line)
    }

    /// A title the list knows, or one on behalf of a body (after TM., KT. ...), in any case.
    static func isNamedSigningTitle(_ line: SourceLine) -> Bool {
        var folded = Substring(line.folded)
        var prefixed = false
        for prefix in onBehalfPrefixes where folded.hasPrefix(prefix) {
            folded = folded.dropFirst(prefix.count).drop { $0 == " " }
            prefixed = true
        }
        // "TM. Ban Thường vụ", "TM. Hội đồng trường": on behalf of a body, whose names vary.
        if prefixed, !folded.isEmpty, line.plain.count <= 60, !line.plain.contains(where: \.isNumber),
            !".;:".contains(line.plain.last ?? ".")
        {
            return true
        }
        return signingTitles.contains(String(folded))
    }

    /// On behalf of, for, by order of (TM., KT., TL., TUQ., Q.), folded.
    static let onBehalfPrefixes = ["tm.", "t/m", "kt.", "k/t", "q.", "tl.", "t/l", "tuq."]

    static let signingTitles: Set<String> = [
        "hieu truong", "pho hieu truong", "truong phong", "pho truong phong", "giam doc", "pho giam doc", "chu tich",
        "pho chu tich", "to truong", "to pho", "bi thu", "pho bi thu", "thu ky", "chu toa", "chu tri", "ke toan",
        "thu truong don vi", "nguoi lap", "nguoi lap bieu", "nguoi lap ke hoach", "nguoi viet", "tong phu trach",
        "ban giam hieu"
    ]

    /// "Cao Văn Sửu", "Trần Thị Thu Hà", "ThS. Nguyễn Văn An": two to six capitalised words, no
    /// digits, perhaps after a degree.
    private func isNameLike(_ line: SourceLine) -> Bool {
        var words = line.plain.split(separator: " ")
        // "ThS.", "TS.", "PGS.TS.", "CN.": an academic title before the name.
        if let first = words.first, first.hasSuffix("."), first.count <= 8, first.filter(\.isLetter).count <= 5,
            words.count > 2
        {
            words.removeFirst()
        }
        guard (2...6).contains(words.count), line.plain.count <= 50, !line.plain.contains(where: \.isNumber) else {
            return false
        }
        return words.allSatisfy { word in
            guard let first = word.first, first.isUppercase else { return false }
            return word.dropFirst().allSatisfy { $0.isLetter && ($0.isLowercase || word.count <= 3) }
        }
    }

    static func isListItem(_ line: SourceLine) -> Bool {
        line.plain.first.map { "-+•–".contains($0) } == true
    }

    static func isRecipientsLabel(_ line: SourceLine) -> Bool {
        let folded = line.folded
        return folded.hasPrefix("noi nhan")
    }

    // MARK: - Fields

    /// "Số: 08 /KH - CĐGD", possibly followed by the place and date on the same line: the one
    /// reader of number lines (`DocumentNumber.line`).
    static func number(in text: String) -> (value: String, rest: String?)? { DocumentNumber.line(text) }

    struct PlaceDate {
        var place: String?
        var date: IssuedDate?
        var isWholeLine: Bool
    }

    /// "Tân Hồng, ngày 31 tháng 05 năm 2024": the one reader of dates (`VietnameseDate`).
    static func placeAndDate(in text: String) -> PlaceDate? {
        VietnameseDate.placeAndDate(in: text).map { PlaceDate(place: $0.place, date: $0.date, isWholeLine: true) }
    }

    /// "(Kèm theo Kế hoạch số /KH-THAP, ngày tháng 4 năm 2024 của Trường ...)": the number an
    /// appendix gives its own document, when the type it names is the document's (`kind`, when
    /// known): a form's "(Kèm theo Thông tư số 36/2017/TT-BGDĐT ...)" names the Thông tư it
    /// belongs to, not the document.
    static func numberFromAppendixReference(_ lines: [String], kind: String?) -> String? {
        let pattern = #"[Kk]èm theo\s+(\S+(?:\s+\S+)?)\s+số\s*:?\s*([0-9]*\s*[/-][^,;()]*?)(?:,|\s+ngày|\)|$)"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        let ownTypes = typeNames.filter { kind == nil || $0.kind == kind }.map(\.folded)
        for line in lines {
            let range = NSRange(line.startIndex..., in: line)
            guard let match = regex.firstMatch(in: line, range: range), let type = Range(match.range(at: 1), in: line),
                let symbol = Range(match.range(at: 2), in: line),
                ownTypes.contains(VietnameseText.fold(String(line[type])))
            else { continue }
            let value = DocumentNumber.tidy(String(line[symbol]).trimmingCharacters(in: .whitespaces))
            if value.count >= 3, value.contains(where: \.isLetter) { return value }
        }
        return nil
    }

    /// "Kế hoạch số 08/KH-CĐGD", "Báo cáo số /BC-THTTA1": a type's name, "số" and a number.
    static func typeAndNumber(_ line: SourceLine) -> (kind: String, number: String)? {
        let folded = line.folded
        for type in typeNames where folded.hasPrefix(type.folded + " so ") {
            let words = line.plain.split(separator: " ")
            let rest = words.dropFirst(type.folded.split(separator: " ").count + 1).joined(separator: " ")
            guard let number = Self.number(in: "Số: " + rest), number.rest == nil else { continue }
            return (type.kind, number.value)
        }
        return nil
    }

    /// A letterhead line. "ỦY" / "BAN NHÂN DÂN", "UBND" / "TỈNH NINH THUẬN": a line of one word
    /// is a name wrapped in a narrow cell; "UỶ BAN NHÂN" / "DÂN": a word that ends the name above,
    /// which no name ends on.
    static func addLetterhead(_ text: String, to document: inout ImportedDocument) {
        let isUppercase = SourceLine(number: 0, text: text).isUppercase
        let endsAbove =
            !text.contains(" ")
            && document.letterhead.last.map { last in
                ["nhan", "va", "cua"].contains(last.split(separator: " ").last.map { VietnameseText.fold(String($0)) })
            } == true
        if let last = document.letterhead.last, isUppercase, !last.contains(" ") || endsAbove {
            document.letterhead[document.letterhead.count - 1] = last + " " + text
        } else {
            document.letterhead.append(text)
        }
    }

    /// Where the national motto or its second line starts in a line, when something stands
    /// before it.
    static func mottoStart(in text: String) -> String.Index? {
        let start = ["cộng hòa xã hội", "cộng hoà xã hội", "độc lập"].compactMap {
            text.range(of: $0, options: [.caseInsensitive, .diacriticInsensitive])?.lowerBound
        }.min()
        return start.flatMap { $0 > text.startIndex ? $0 : nil }
    }

    /// A place and date begun on `line` and ended on `next`: "Phan" / "Rang ngày 12 tháng 11 năm
    /// 2003" (a place of one or two words in sentence case, the next line a place and date
    /// itself), "Thanh Hóa, ngày 12" / "tháng 3 năm 2024", "Vĩnh Phúc, ngày" / "21 tháng 8 năm
    /// 2019", "Vĩnh Long," / "ngày 07 tháng 11 năm 2013".
    static func wrapsPlaceAndDate(_ line: SourceLine, over next: SourceLine) -> Bool {
        let wrappedPlace =
            line.plain.split(separator: " ").count <= 2 && !line.isUppercase && line.plain.first?.isUppercase == true
            && !line.plain.contains(where: { $0.isNumber || $0 == ":" }) && placeAndDate(in: next.plain) != nil
        let wrappedDate =
            (line.folded.contains("ngay") || line.plain.hasSuffix(",")) && placeAndDate(in: line.plain) == nil
            && (next.folded.hasPrefix("thang") || next.folded.hasPrefix("ngay") || next.plain.first?.isNumber == true)
        return wrappedPlace || wrappedDate
    }

    /// The next line that is neither blank nor a table's bar, within the header.
    private func nextLine(after position: Int, _ r: Recognition) -> Int? {
        var next = position + 1
        while next < min(r.lines.count, position + 4) {
            if !r.lines[next].isBlank && !isRule(r.lines[next]) { return next }
            next += 1
        }
        return nil
    }

    /// What follows "Số:" when no number does: "Số: Bình Sơn, ngày ..." gives "Bình Sơn, ngày ...".
    static func afterBlankNumberLabel(_ text: String) -> String? {
        let folded = VietnameseText.fold(text)
        guard folded.hasPrefix("so:") || folded.hasPrefix("so :") else { return nil }
        let rest = text.drop { $0 != ":" }.dropFirst().trimmingCharacters(in: .whitespaces)
        guard let first = rest.first, first.isLetter else { return nil }
        return rest
    }

    static func afterLabel(_ text: String, labels: [String]) -> String {
        for label in labels where text.hasPrefix(label) {
            return String(text.dropFirst(label.count)).trimmingCharacters(in: CharacterSet(charactersIn: ":. "))
        }
        return text
    }

    static func stripListMarker(_ text: String) -> String {
        String(text.drop { "-+•– ".contains($0) })
    }

    /// "Biểu mẫu 09", "Mẫu số 01", "Phụ lục II", "(Kèm theo Thông tư số ...)": the label a form
    /// prints above the letterhead.
    static func isFormLabel(_ line: SourceLine) -> Bool {
        let folded = line.folded
        if ["bieu mau", "mau so", "phu luc"].contains(where: { folded.hasPrefix($0) }) { return line.plain.count <= 40 }
        return folded.hasPrefix("(kem theo ") || folded.hasPrefix("(ban hanh kem theo ")
    }

    /// "PHẦN THỨ NHẤT", "Phần I", "CHƯƠNG II": a part of the body, folded.
    static func isPartHeading(_ folded: String) -> Bool {
        let words = folded.split(separator: " ")
        guard words.count >= 2, words[0] == "phan" || words[0] == "chuong" else { return false }
        let next = words[1].trimmingCharacters(in: CharacterSet(charactersIn: ".:"))
        return next == "thu" || (!next.isEmpty && next.allSatisfy { "ivx0123456789".contains($0) })
    }

    /// The parts of a number as keys: "08/KH-CĐGD" gives "08", "KH", "CDGD".
    static func codes(of number: String) -> [String] {
        number.split(whereSeparator: { "/-".contains($0) }).map { DocumentNumber.symbolKey(String($0)) }
    }

    /// "XMC", "BCĐPCGD": capitals, digits and "&" only, one short word.
    static func isCode(_ text: String) -> Bool {
        text.count <= 12 && text.contains(where: \.isLetter)
            && text.allSatisfy { ($0.isLetter && $0.isUppercase) || $0.isNumber || $0 == "&" }
    }

    static func romanHeading(_ text: String) -> String? {
        let numerals = ["XV", "XIV", "XIII", "XII", "XI", "X", "IX", "VIII", "VII", "VI", "V", "IV", "III", "II", "I"]
        for numeral in numerals where text.hasPrefix(numeral) {
            let rest = text.dropFirst(numeral.count)
            guard let next = rest.first, next == "." || next == " " || next == ":" || next == ")" else { continue }
            let words = rest.filter(\.isLetter)
            if words.isEmpty { return nil }
            return text
        }
        return nil
    }
}
