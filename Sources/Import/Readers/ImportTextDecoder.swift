import Foundation
import VietText

/// Turns the bytes of a plain-text file into Unicode: UTF-8 (with or without BOM), UTF-16 (with
/// a BOM, or recognised by its zero bytes), and lines in the legacy TCVN3 and VNI encodings,
/// also when only some lines are legacy. Lines that are not UTF-8 are read byte for byte as
/// Latin-1 first, which is how legacy text looks.
public enum ImportTextDecoder {
    public struct Decoded: Sendable {
        public var text: String
        package var encoding: String
        /// 1-based lines converted from a legacy encoding.
        package var legacyLines: [Int: LegacyEncoding]
    }

    public static func decode(_ data: Data) -> Decoded {
        let bytes = [UInt8](data)
        var text: String
        var encoding: String
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            text = String(data: data, encoding: .utf16) ?? ""
            encoding = "UTF-16"
        } else if looksLikeUTF16(bytes) {
            let littleEndian = bytes.count > 1 && bytes[1] == 0
            text = String(data: data, encoding: littleEndian ? .utf16LittleEndian : .utf16BigEndian) ?? ""
            encoding = "UTF-16"
        } else {
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            if let utf8 = String(validating: body, as: UTF8.self) {
                text = utf8
                encoding = "UTF-8"
            } else {
                // Line by line: the UTF-8 lines as UTF-8, the others byte for byte.
                text = body.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
                    String(validating: line, as: UTF8.self) ?? String(line.map { Character(Unicode.Scalar($0)) })
                }.joined(separator: "\n")
                encoding = "8-bit"
            }
        }
        text = SourceText.normaliseLineEndings(SourceText.removingZeroWidth(text))
        let repaired = LegacyEncoding.repair(text)
        if !repaired.converted.isEmpty {
            let kinds = Set(repaired.converted.values.map(\.rawValue)).sorted().joined(separator: "+")
            encoding += " + \(kinds)"
        }
        return Decoded(text: VietnameseText.nfc(repaired.text), encoding: encoding, legacyLines: repaired.converted)
    }

    /// UTF-16 without a BOM: many zero bytes at even or odd positions.
    private static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(400)
        guard sample.count >= 8 else { return false }
        let zeros = sample.filter { $0 == 0 }.count
        return zeros * 4 > sample.count
    }
}
