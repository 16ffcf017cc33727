import VietText

/// The lines of a table, from a Word file or a web page: a table laying out the letterhead or the
/// signature (blocks side by side) is read cell by cell, each paragraph of a cell a line; any
/// other table becomes GFM rows.
enum TableLines {
    /// `rows[r][c]` is cell c of row r, as its paragraphs.
    static func lines(of rows: [[[String]]]) -> [String] {
        var lines: [String] = []
        let text = VietnameseText.fold(rows.flatMap { $0.flatMap { $0 } }.joined(separator: " "))
        let markers = [
            "cong hoa xa hoi", "doc lap", "so:", "noi nhan", "hieu truong", "tm.", "kt.", "chu tich", "truong phong"
        ]
        let columns = rows.map(\.count).max() ?? 0
        if columns <= 3 && markers.contains(where: text.contains) {
            for row in rows {
                for cell in row { for text in cell { lines.append(contentsOf: text.components(separatedBy: "\n")) } }
            }
            lines.append("")
            return lines
        }
        for (index, row) in rows.enumerated() {
            let cells = row.map {
                $0.joined(separator: " ").replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(
                    of: "\n", with: " ")
            }
            lines.append("| " + cells.joined(separator: " | ") + " |")
            if index == 0 { lines.append("|" + String(repeating: " --- |", count: max(1, cells.count))) }
        }
        lines.append("")
        return lines
    }
}
