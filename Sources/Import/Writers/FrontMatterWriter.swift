import Yams

/// Writes front matter with Yams, keys in a fixed order, quoting only where YAML needs it.
package enum FrontMatterWriter {
    package enum Value: Sendable {
        case text(String)
        case list([String])
        /// `true` or `false`, as YAML reads a flag (`draft: true`).
        case flag(Bool)
    }

    package static func yaml(_ pairs: [(String, Value)]) throws -> String {
        let nodes: [(Node, Node)] = pairs.map { key, value in
            switch value {
            case .text(let text): return (Node(key), scalar(text))
            case .flag(let flag):
                return (Node(key), Node.scalar(Node.Scalar(flag ? "true" : "false", .implicit, .plain)))
            case .list(let items):
                return (Node(key), Node.sequence(Node.Sequence(items.map(scalar), .implicit, .block)))
            }
        }
        return try Yams.serialize(
            node: Node.mapping(Node.Mapping(nodes, .implicit, .block)), width: -1, allowUnicode: true)
    }

    /// A value YAML would read as something else than text ("null", "true", "2024") is quoted.
    private static func scalar(_ text: String) -> Node {
        let lower = text.lowercased()
        let ambiguous =
            ["null", "~", "true", "false", "yes", "no", "on", "off", ""].contains(lower) || Double(text) != nil
        return Node.scalar(Node.Scalar(text, .implicit, ambiguous ? .doubleQuoted : .any))
    }
}
