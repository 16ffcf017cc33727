import Testing

@testable import VietText

@Suite struct DocumentNumberTests {
    /// Numbers as real documents print them.
    @Test func tidyRemovesStraySpacesAndAFullStopAfterTheNumber() {
        #expect(DocumentNumber.tidy("08 /KH - CĐGD") == "08/KH-CĐGD")
        #expect(DocumentNumber.tidy("255 / BC-BCĐPCGD-XMC") == "255/BC-BCĐPCGD-XMC")
        #expect(DocumentNumber.tidy("50./TB-THCS") == "50/TB-THCS")
        // A blank number's dots are not a full stop after a number.
        #expect(DocumentNumber.tidy("..../KH-THAP") == "..../KH-THAP")
        #expect(DocumentNumber.symbolKey("50/TB-THCS") == "50TBTHCS")
        // Zero-width characters a web page left inside the number.
        #expect(DocumentNumber.tidy("101/QĐ\u{200B}-MNTT\u{FEFF}") == "101/QĐ-MNTT")
        // Each change on its own (a tidy number is returned as it is, without the replacements).
        #expect(DocumentNumber.tidy("12 -KH") == "12-KH")
        #expect(DocumentNumber.tidy("12- KH") == "12-KH")
        #expect(DocumentNumber.tidy("12/ KH") == "12/KH")
        #expect(DocumentNumber.tidy("7./QĐ") == "7/QĐ")
        #expect(DocumentNumber.tidy(" 33/CT-TTg ") == "33/CT-TTg")
        #expect(DocumentNumber.tidy("1430/QĐ-UBND.HC") == "1430/QĐ-UBND.HC")
    }
}
