import TestSupport
import Testing

@testable import CongKhai
@testable import VietText

/// The limits read every document in one pass and change only the lines over them.
@Suite struct MarkdownLimitsTests {
    @Test func documentsWithinTheLimitsAreLeftAsTheyAre() throws {
        for file in try TestPaths.seedFiles() {
            let text = try SourceText.read(file)
            #expect(MarkdownLimits.apply(text) == text)
        }
        let atTheLimits =
            String(repeating: "> ", count: MarkdownLimits.maxNesting) + "trích\n|"
            + String(repeating: " a |", count: MarkdownLimits.maxPipesPerLine - 1)
        #expect(MarkdownLimits.apply(atTheLimits) == atTheLimits)
    }

    @Test func onlyTheLinesOverALimitAreEscaped() {
        let deep = String(repeating: "> ", count: MarkdownLimits.maxNesting + 1) + "trích"
        let wide = "|" + String(repeating: " a |", count: MarkdownLimits.maxPipesPerLine)
        let plain = "Căn cứ Chỉ thị số 33/CT-TTg | một cột"
        for (text, expected) in [
            (deep, String(repeating: "\\> ", count: MarkdownLimits.maxNesting + 1) + "trích"),
            (wide, "\\|" + String(repeating: " a \\|", count: MarkdownLimits.maxPipesPerLine)),
            (
                [plain, deep, wide, plain].joined(separator: "\n"),
                [
                    plain, String(repeating: "\\> ", count: MarkdownLimits.maxNesting + 1) + "trích",
                    "\\|" + String(repeating: " a \\|", count: MarkdownLimits.maxPipesPerLine), plain
                ].joined(separator: "\n")
            )
        ] {
            #expect(MarkdownLimits.apply(text) == expected)
        }
    }
}
