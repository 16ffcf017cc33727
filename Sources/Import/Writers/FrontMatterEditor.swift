import Yams

/// Changes some keys of a front matter and leaves every other line as it was: the keys not
/// changed, their comments, the comments between keys. The lines of a key are found from the
/// marks Yams gives each key of the mapping (no YAML is read by hand): from its key's line up to
/// the next key's, less the comments and blank lines just before that next key, which belong to
/// it. A changed key's lines are replaced by what `FrontMatterWriter` writes for it, a key given
/// no value loses its lines, a new key goes at the end.
package enum FrontMatterEditor {
    package enum Failure: Error, Equatable {
        /// The front matter is no YAML mapping Yams can read.
        case notAMapping
        /// A key is written on a line of another (`{title: a, kind: b}`): its lines cannot be told apart.
        case keysShareALine
    }

    /// `yaml`: the front matter without its `---` lines. `changes`: each key and its new value,
    /// nil to remove it.
    package static func edit(_ yaml: String, changes: [(key: String, value: FrontMatterWriter.Value?)]) throws
        -> String
    {
        guard let root = try? Yams.compose(yaml: yaml), case .mapping(let mapping) = root else {
            throw Failure.notAMapping
        }
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        // Each key's first line (0-based), in the file's order.
        var starts: [(key: String, line: Int)] = []
        for (key, _) in mapping {
            guard let name = key.string, let mark = key.mark else { throw Failure.notAMapping }
            starts.append((name, mark.line - 1))
        }
        guard Set(starts.map(\.line)).count == starts.count else { throw Failure.keysShareALine }
        /// The lines of the key at `index` in `starts`: up to the next key, less the comments and
        /// blank lines that open the next key's part.
        func span(_ index: Int) -> Range<Int> {
            let start = starts[index].line
            var end = index + 1 < starts.count ? starts[index + 1].line : lines.count
            while end > start + 1, isCommentOrBlank(lines[end - 1]) { end -= 1 }
            return start..<end
        }
        var replacements: [(range: Range<Int>, lines: [String])] = []
        var added: [String] = []
        for (key, value) in changes {
            let written = try value.map { try FrontMatterWriter.yaml([(key, $0)]) }
            let newLines = written.map { $0.split(separator: "\n").map(String.init) } ?? []
            if let index = starts.firstIndex(where: { $0.key == key }) {
                replacements.append((span(index), newLines))
            } else {
                added += newLines
            }
        }
        // From the last to the first, so the earlier ranges keep their places.
        for replacement in replacements.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            lines.replaceSubrange(replacement.range, with: replacement.lines)
        }
        lines += added
        return lines.map { $0 + "\n" }.joined()
    }

    private static func isCommentOrBlank(_ line: String) -> Bool {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }
}
