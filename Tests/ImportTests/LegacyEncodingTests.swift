import Foundation
import TestSupport
import Testing

@testable import Import
@testable import VietText

@Suite struct LegacyEncodingTests {
    /// "Phòng Giáo dục và Đào tạo" as TCVN3 bytes, as domain.md shows it.
    static let tcvn3Bytes: [UInt8] =
        Array("Ph".utf8) + [0xDF] + Array("ng Gi".utf8) + [0xB8] + Array("o d".utf8) + [0xF4]
        + Array("c v".utf8) + [0xB5] + Array(" ".utf8) + [0xA7, 0xB5] + Array("o t".utf8) + [0xB9] + Array("o".utf8)

    @Test func tcvn3BytesBecomeUnicode() {
        let decoded = ImportTextDecoder.decode(Data(Self.tcvn3Bytes))
        #expect(decoded.text == "Phòng Giáo dục và Đào tạo")
        #expect(decoded.legacyLines[1] == .tcvn3)
    }

    @Test func tcvn3MojibakeInUnicodeText() {
        #expect(LegacyEncoding.repair("Phßng Gi¸o dôc").text == "Phòng Giáo dục")
        // ABC uppercase fonts reuse the lowercase codes: case comes from the word.
        #expect(LegacyEncoding.repair("UBND HUYÖN T¢N HåNG").text == "UBND HUYỆN TÂN HỒNG")
        #expect(
            LegacyEncoding.repair("Céng hoµ x· héi chñ nghÜa ViÖt Nam").text == "Cộng hoà xã hội chủ nghĩa Việt Nam")
    }

    @Test func onlyTheLegacyHeaderIsConverted() {
        let header = Self.tcvn3Bytes + Array("\nKẾ HOẠCH\nThực hiện công tác dân vận năm 2024\n".utf8)
        let decoded = ImportTextDecoder.decode(Data(header))
        #expect(decoded.text == "Phòng Giáo dục và Đào tạo\nKẾ HOẠCH\nThực hiện công tác dân vận năm 2024\n")
        #expect(decoded.legacyLines.keys.sorted() == [1])
    }

    @Test func vniBecomesUnicode() {
        #expect(LegacyEncoding.repair("Phoøng Giaùo duïc vaø Ñaøo taïo").text == "Phòng Giáo dục và Đào tạo")
        #expect(LegacyEncoding.repair("Tröôøng Tieåu hoïc Taân Thaønh").text == "Trường Tiểu học Tân Thành")
        #expect(
            LegacyEncoding.repair("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam").text
                == "Cộng hòa xã hội chủ nghĩa Việt Nam")
    }

    /// The byte test before `detect` never turns a legacy line away: on every line of the
    /// seeds and the regression corpus, of the legacy samples here, and of them in 8-bit, each
    /// as it is and decomposed (NFD: "Giáo viên" holds no byte of U+0080–U+00FF, yet `detect`
    /// reads its "a\u{301}" as "á"), `detect` finds nothing where the bytes say it cannot.
    @Test func theByteTestKeepsEveryLineDetectFinds() throws {
        let corpus = try FileManager.default.contentsOfDirectory(
            at: TestPaths.repository.appendingPathComponent("Tests/RegressionCorpus"), includingPropertiesForKeys: nil
        ).filter { $0.pathExtension == "txt" }
        var texts = try (TestPaths.seedFiles() + corpus).map { try String(contentsOf: $0, encoding: .utf8) }
        texts += [
            "Phßng Gi¸o dôc", "UBND HUYÖN T¢N HåNG", "Céng hoµ x· héi chñ nghÜa ViÖt Nam",
            "Phoøng Giaùo duïc vaø Ñaøo taïo", "Tröôøng Tieåu hoïc Taân Thaønh", "café « naïve »",
            String(Self.tcvn3Bytes.map { Character(Unicode.Scalar($0)) }), "Giáo viên toán"
        ]
        texts += texts.map(\.decomposedStringWithCanonicalMapping)
        var lines = 0, legacy = 0
        for text in texts {
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let found = LegacyEncoding.detect(line)
                #expect(found == nil || LegacyEncoding.mayBeLegacy(line), "\(line)")
                lines += 1
                if found != nil { legacy += 1 }
            }
        }
        #expect(lines > 4_000 && legacy >= 7)
    }

    @Test func unicodeVietnameseIsLeftAlone() {
        for line in ["Hoàng Văn Thụ, hoà bình, Tuấn Anh", "Quyết định số 217-QĐ/TW", "café « naïve »", "Ông bà ở quê"] {
            #expect(LegacyEncoding.repair(line).text == line)
        }
    }

    @Test func utf16AndBOMs() {
        let text = "Kế hoạch số 12/KH-UBND"
        #expect(ImportTextDecoder.decode(text.data(using: .utf16)!).text == text)
        #expect(ImportTextDecoder.decode(text.data(using: .utf16LittleEndian)!).text == text)
        #expect(ImportTextDecoder.decode(Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)).text == text)
        #expect(ImportTextDecoder.decode(Data("a\r\nb".utf8)).text == "a\nb")
    }
}
