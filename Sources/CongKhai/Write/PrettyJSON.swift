import Foundation
import VietText

/// JSON laid out byte for byte as JSONEncoder lays it out with `.sortedKeys` and
/// `.withoutEscapingSlashes`, with `.prettyPrinted` (`bytes`) or without (`compactText`), written
/// straight into text. The open data of a 10,000-document portal is 12 MB; through Codable it
/// took 0.35 s of every build, rebuilds included; `congkhai citations` spent a tenth of its time
/// in JSONEncoder.
package enum PrettyJSON: Sendable {
    case string(String)
    case number(Int)
    case bool(Bool)
    case null
    case array([PrettyJSON])
    /// Keys are written sorted, as `.sortedKeys` does for plain ASCII keys.
    case object([(String, PrettyJSON)])

    package static func optional(_ text: String?) -> PrettyJSON { text.map(PrettyJSON.string) ?? .null }
    static func strings(_ texts: [String]) -> PrettyJSON { .array(texts.map(PrettyJSON.string)) }

    /// The JSON's UTF-8 bytes.
    var bytes: [UInt8] {
        var out: [UInt8] = []
        write(to: &out, indent: 0)
        return out
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// `.object([(key, .array(items))]).bytes`, each item made and written in turn, so that the
    /// items' trees are never all held at once; and into the file's Data item by item, so that
    /// a 20 MB file is not also held as an array growing by doubling, then copied.
    static func objectOfArray(_ key: String, count: Int, item: (Int) -> PrettyJSON) -> Data {
        var out: [UInt8] = []
        var data = Data()
        out += "{\n".utf8
        pad(1, &out)
        append(key, to: &out)
        out += " : [\n".utf8
        if count == 0 { out += "\n".utf8 }
        for index in 0..<count {
            pad(2, &out)
            item(index).write(to: &out, indent: 2)
            out += (index == count - 1 ? "\n" : ",\n").utf8
            data.append(contentsOf: out)
            out.removeAll(keepingCapacity: true)
        }
        pad(1, &out)
        out += "]\n}".utf8
        data.append(contentsOf: out)
        return data
    }

    /// On one line, without spaces: one JSON Lines record.
    package var compactText: String {
        var out: [UInt8] = []
        writeCompact(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private func writeCompact(to out: inout [UInt8]) {
        switch self {
        case .string, .number, .bool, .null: write(to: &out, indent: 0)
        case .array(let items):
            out.append(0x5B)
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(0x2C) }
                item.writeCompact(to: &out)
            }
            out.append(0x5D)
        case .object(let fields):
            out.append(0x7B)
            for (index, (key, value)) in fields.sorted(by: { $0.0 < $1.0 }).enumerated() {
                if index > 0 { out.append(0x2C) }
                Self.append(key, to: &out)
                out.append(0x3A)
                value.writeCompact(to: &out)
            }
            out.append(0x7D)
        }
    }

    private func write(to out: inout [UInt8], indent: Int) {
        switch self {
        case .string(let text): Self.append(text, to: &out)
        case .number(let value): out += String(value).utf8
        case .bool(let value): out += (value ? "true" : "false").utf8
        case .null: out += "null".utf8
        case .array(let items):
            out += "[\n".utf8
            // JSONEncoder leaves an empty line in an empty array.
            if items.isEmpty { out += "\n".utf8 }
            for (index, item) in items.enumerated() {
                Self.pad(indent + 1, &out)
                item.write(to: &out, indent: indent + 1)
                out += (index == items.count - 1 ? "\n" : ",\n").utf8
            }
            Self.pad(indent, &out)
            out += "]".utf8
        case .object(let fields):
            out += "{\n".utf8
            if fields.isEmpty { out += "\n".utf8 }
            let sorted = fields.sorted { $0.0 < $1.0 }
            for (index, (key, value)) in sorted.enumerated() {
                Self.pad(indent + 1, &out)
                Self.append(key, to: &out)
                out += " : ".utf8
                value.write(to: &out, indent: indent + 1)
                out += (index == sorted.count - 1 ? "\n" : ",\n").utf8
            }
            Self.pad(indent, &out)
            out += "}".utf8
        }
    }

    private static func pad(_ depth: Int, _ out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(0x20, count: 2 * depth))
    }

    /// Quotes, backslashes and control characters escaped as JSONEncoder escapes them; "/" and
    /// everything else as it is.
    private static func append(_ text: String, to out: inout [UInt8]) {
        out += "\"".utf8
        if !text.containsUTF8Byte(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out += text.utf8
        } else {
            var escaped = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": escaped += "\\\""
                case "\\": escaped += "\\\\"
                case "\n": escaped += "\\n"
                case "\r": escaped += "\\r"
                case "\t": escaped += "\\t"
                case "\u{8}": escaped += "\\b"
                case "\u{C}": escaped += "\\f"
                default:
                    if scalar.value < 0x20 {
                        escaped += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                    } else {
                        escaped.unicodeScalars.append(scalar)
                    }
                }
            }
            out += escaped.utf8
        }
        out += "\"".utf8
    }
}
