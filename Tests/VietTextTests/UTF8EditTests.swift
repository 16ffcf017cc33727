import Testing

@testable import VietText

/// Edits found by byte offsets give the text a String's own replacing would.
@Suite struct UTF8EditTests {
    /// Byte offsets of `needle`'s occurrences in `text`.
    func offsets(of needle: String, in text: String) -> [Range<Int>] {
        let bytes = Array(text.utf8), pattern = Array(needle.utf8)
        var found: [Range<Int>] = []
        var index = 0
        while index + pattern.count <= bytes.count {
            if Array(bytes[index..<index + pattern.count]) == pattern {
                found.append(index..<index + pattern.count)
                index += pattern.count
            } else {
                index += 1
            }
        }
        return found
    }

    @Test func replacementsInsertionsAndEnds() {
        let text = "<p>Căn cứ Chỉ thị số 33/CT-TTg</p><p>Điều 1. Đồng ý</p>"
        let tags = offsets(of: "<p>", in: text)
        #expect(tags.count == 2)
        let edited = text.applyingUTF8Edits(tags.map { UTF8Edit($0, with: "<p class=\"đoạn\">") })
        #expect(edited == text.replacingOccurrences(of: "<p>", with: "<p class=\"đoạn\">"))
        // An insertion (an empty range), one at the very end, and a text that starts with an edit.
        let inserted = text.applyingUTF8Edits([
            UTF8Edit(2..<2, with: " id=\"a\""), UTF8Edit(text.utf8.count..<text.utf8.count, with: "\n")
        ])
        #expect(inserted == "<p id=\"a\">Căn cứ Chỉ thị số 33/CT-TTg</p><p>Điều 1. Đồng ý</p>\n")
        let whole = text.applyingUTF8Edits([UTF8Edit(0..<text.utf8.count, with: "ồ")])
        #expect(whole == "ồ")
        #expect(text.applyingUTF8Edits([]) == text)
        #expect("".applyingUTF8Edits([UTF8Edit(0..<0, with: "ă")]) == "ă")
    }
}
