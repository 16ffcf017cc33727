import Foundation
import VietText

/// JSON laid out byte for byte as JSONEncoder lays it out with `.sortedKeys`,
/// `.withoutEscapingSlashes` and `.prettyPrinted`, written straight into bytes. The open data
/// of a 10,000-document portal is 12 MB; through Codable it took 0.35 s of every build,
/// rebuilds included. Its string escaping also writes `congkhai citations`' JSON lines.
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

    /// Keys in byte order, which is `<`'s order for the ASCII keys written here, without its
    /// Unicode comparison.
    private static func sorted(_ fields: [(String, PrettyJSON)]) -> [(String, PrettyJSON)] {
        fields.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
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
            let sorted = Self.sorted(fields)
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
    /// everything else as it is, runs of bytes that need nothing copied whole.
    package static func append(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        var text = text
        text.withUTF8 { bytes in
            var plainFrom = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainFrom..<index]))
                plainFrom = index + 1
                out.append(0x5C)  // \
                switch byte {
                case 0x22, 0x5C: out.append(byte)
                case 0x0A: out.append(0x6E)  // n
                case 0x0D: out.append(0x72)  // r
                case 0x09: out.append(0x74)  // t
                case 0x08: out.append(0x62)  // b
                case 0x0C: out.append(0x66)  // f
                default:
                    // \u00XX, lowercase hexadecimal as JSONEncoder writes it.
                    out.append(contentsOf: "u00".utf8)
                    out.append(hexDigits[Int(byte >> 4)])
                    out.append(hexDigits[Int(byte & 0xF)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainFrom...]))
        }
        out.append(0x22)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
