import Foundation
import VietText

/// Checks on documents that need more than one key, or more than one document.
enum DocumentChecks {
    static func single(_ document: SourceDocument, numberLine: Int?, issuedLine: Int?) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let line = { (value: Int?) in value ?? document.bodyLine - 1 }
        if document.hasBlankNumber {
            found.append(
                Diagnostic(
                    .warning, "document.blank-number", file: document.sourcePath, line: line(numberLine), key: "number",
                    message: document.number.map { number in
                        .init(
                            vi: "số văn bản “\(number)” còn để trống phần số mà văn bản không phải bản nháp.",
                            en: "the number “\(number)” is blank but the document is not a draft.")
                    }
                        ?? .init(
                            vi: "văn bản không có số mà không phải bản nháp.",
                            en: "the document has no number but is not a draft."),
                    fix: .init(
                        vi: "điền số văn bản, ví dụ `number: 08/KH-THAP`, hoặc thêm `draft: true`.",
                        en: "fill in the number, e.g. `number: 08/KH-THAP`, or add `draft: true`.")))
        }
        // A plan for 2024-2025 issued in August 2024, a report on 2023-2024 issued in September
        // 2024: the subject naming the folder's school year says where the document belongs.
        if let issued = document.issued, issued.schoolYear != document.schoolYear,
            SchoolYear.mentioned(in: [document.title]) != document.schoolYear
        {
            found.append(
                Diagnostic(
                    .warning, "document.school-year-vs-issued", file: document.sourcePath, line: line(issuedLine),
                    key: "issued",
                    message: .init(
                        vi:
                            "ngày ban hành \(issued.vietnameseShort) thuộc năm học \(issued.schoolYear), không phải \(document.schoolYear).",
                        en:
                            "issued \(issued.iso) falls in school year \(issued.schoolYear), not \(document.schoolYear)."
                    ),
                    fix: .init(
                        vi:
                            "kiểm tra lại ngày, hoặc chuyển tệp sang thư mục \(issued.schoolYear)/ nếu văn bản thuộc năm học đó.",
                        en: "check the date, or move the file to \(issued.schoolYear)/ if it belongs there.")))
        }
        if let line = unclosedCommentLine(document.body) {
            found.append(
                Diagnostic(
                    .warning, "body.unclosed-comment", file: document.sourcePath, line: document.bodyLine + line - 1,
                    message: .init(
                        vi: "ghi chú `<!--` không có dấu đóng `-->`: mọi nội dung sau nó sẽ không hiện trên trang.",
                        en: "a comment `<!--` is never closed with `-->`: everything after it is left off the page."),
                    fix: .init(
                        vi: "thêm `-->` vào cuối ghi chú, ví dụ `<!-- phụ lục -->`.",
                        en: "close the comment with `-->`, e.g. `<!-- phụ lục -->`.")))
        }
        return found
    }

    /// The line (1 = the body's first) of a "<!--" with no "-->" after it: Markdown then treats
    /// the rest of the body as one comment, and shows none of it (a mistyped appendix marker).
    /// One pass over the bytes, on every document loaded: most have no comment at all.
    static func unclosedCommentLine(_ body: String) -> Int? {
        guard body.containsUTF8("<!--") else { return nil }
        let bytes = Array(body.utf8)
        var line = 1, openLine: Int?
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
            } else if openLine == nil, byte == 0x3C, index + 3 < bytes.count, bytes[index + 1] == 0x21,
                bytes[index + 2] == 0x2D, bytes[index + 3] == 0x2D
            {
                openLine = line  // "<!--"
                index += 4
                continue
            } else if openLine != nil, byte == 0x2D, index + 2 < bytes.count, bytes[index + 1] == 0x2D,
                bytes[index + 2] == 0x3E
            {
                openLine = nil  // "-->"
                index += 3
                continue
            }
            index += 1
        }
        return openLine
    }

    /// Two documents of one unit with the same number issued in the same calendar year are one
    /// document published twice, or a typo; two files with the same address overwrite each other.
    static func crossDocument(_ documents: [SourceDocument]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // Each document's address and number key, made on all cores; looked up by their hashes
        // (texts compared on a match), not as 10,000 strings hashed again on one core.
        let keys = ParallelMap.map(Array(documents.indices)) {
            position -> (id: String, idHash: UInt64, number: String?, numberHash: UInt64) in
            let document = documents[position]
            let id = document.id
            guard !document.draft, !document.hasBlankNumber, let number = document.number,
                let year = document.issued?.year
            else {
                return (id, Hasher64.of(id), nil, 0)
            }
            let key = "\(document.unitID)|\(year)|\(DocumentNumber.symbolKey(number))"
            return (id, Hasher64.of(id), key, Hasher64.of(key))
        }
        var byID = FirstSeen(), byNumber = FirstSeen()
        // The loader gives them in path order already: checked, not sorted again.
        let paths = documents.map(\.sourcePath)
        let inPathOrder = zip(paths, paths.dropFirst()).allSatisfy { $0 < $1 }
        for position in inPathOrder ? Array(documents.indices) : documents.indices.sorted(by: { paths[$0] < paths[$1] })
        {
            let document = documents[position]
            if let first = byID.earlier(keys[position].id, hash: keys[position].idHash, at: position, { keys[$0].id })
                .map({ documents[$0] })
            {
                found.append(
                    Diagnostic(
                        .error, "document.duplicate-path", file: document.sourcePath, line: 1,
                        message: .init(
                            vi: "tệp này và \(first.sourcePath) cho ra cùng một địa chỉ trang \(document.id).",
                            en: "this file and \(first.sourcePath) make the same page address \(document.id)."),
                        fix: .init(vi: "đổi tên một trong hai tệp.", en: "rename one of the two files.")))
            }
            guard let key = keys[position].number, let number = document.number, let year = document.issued?.year else {
                continue
            }
            if let first = byNumber.earlier(
                key, hash: keys[position].numberHash, at: position, { keys[$0].number ?? "" }
            ).map({ documents[$0] }) {
                found.append(
                    Diagnostic(
                        .error, "document.duplicate-number", file: document.sourcePath, line: 1, key: "number",
                        message: .init(
                            vi: "số \(number) năm \(year) đã dùng cho \(first.sourcePath).",
                            en: "number \(number) of \(year) is already used by \(first.sourcePath)."),
                        fix: .init(
                            vi: "sửa số cho đúng, hoặc xóa bản trùng.",
                            en: "correct the number, or remove the duplicate.")))
            }
        }
        return found
    }

    /// The first position each key was seen at, found by the key's 64-bit hash; keys that share
    /// a hash but differ are kept apart by their text.
    struct FirstSeen {
        private var byHash: [UInt64: Int] = [:]
        private var byText: [String: Int] = [:]

        /// The position `key` (whose hash is `hash`) was first seen at, if before; else it is
        /// noted at `position`. `keyAt` gives the key seen at a position.
        mutating func earlier(_ key: String, hash: UInt64, at position: Int, _ keyAt: (Int) -> String) -> Int? {
            guard let first = byHash[hash] else {
                byHash[hash] = position
                return nil
            }
            if keyAt(first) == key { return first }
            if let earlier = byText[key] { return earlier }
            byText[key] = position
            return nil
        }
    }
}
