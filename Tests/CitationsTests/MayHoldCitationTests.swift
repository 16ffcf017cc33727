import TestSupport
import Testing

@testable import Citations

/// The scanner's first test, which reads the bytes around "/", "-" and "–" found eight at a
/// time, answers as the byte-by-byte reading it replaced.
@Suite struct MayHoldCitationTests {
    /// The reading it replaced: a digit, up to two spaces, then "/", "-" or E2; or "/" then a
    /// capital or Đ's lead byte.
    static func byteByByte(_ bytes: [UInt8]) -> Bool {
        var sawDigit = false
        var spaces = 0
        var previousSlash = false
        for byte in bytes {
            if previousSlash && ((byte >= 0x41 && byte <= 0x5A) || byte == 0xC4) { return true }
            previousSlash = byte == 0x2F
            if byte >= 0x30 && byte <= 0x39 {
                sawDigit = true
                spaces = 0
            } else if sawDigit && (byte == 0x2F || byte == 0x2D || byte == 0xE2) {
                return true
            } else if sawDigit && byte == 0x20 && spaces < 2 {
                spaces += 1
            } else {
                sawDigit = false
                spaces = 0
            }
        }
        return false
    }

    @Test func answersAsTheByteByByteReading() throws {
        var texts: [String] = []
        for file in try TestPaths.seedFiles() {
            texts += try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        }
        // Every shape at every place of a word of eight, and shapes that are not.
        for shape in ["12/KH", "5-CT", "3  /x", "3   /x", "/KH-UBND", "/ĐT", "/kh", "7 – 8", "a/B", "12 - ", "x-y", "9"]
        {
            for offset in 0...9 { texts.append(String(repeating: "ạ", count: offset) + shape + " chữ") }
        }
        var held = 0
        for text in texts {
            let bytes = Array(text.utf8)
            #expect(CitationScanner.mayHoldCitation(bytes) == Self.byteByByte(bytes), "\(text)")
            if Self.byteByByte(bytes) { held += 1 }
        }
        #expect(held > 100 && held < texts.count)
    }
}
