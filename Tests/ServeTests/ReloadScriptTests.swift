import Testing

@testable import Serve

struct ReloadScriptTests {
    @Test func theTagGoesBeforeTheLastClosingBodyAndNothingElseChanges() {
        let page = "<html><body><p>a</p><pre>&lt;/body&gt; </body></pre>\n</body>\n</html>\n"
        let tag = ReloadScript.tag(base: "/cong-khai/", generation: "x-2")
        let served = String(decoding: ReloadScript.inject(tag, into: Array(page.utf8)), as: UTF8.self)
        #expect(served.hasSuffix(tag + "</body>\n</html>\n"))
        #expect(served.replacingOccurrences(of: tag, with: "") == page)
        #expect(tag.contains("data-events=\"/cong-khai/_congkhai/su-kien\""))
        #expect(tag.contains("src=\"/cong-khai/_congkhai/tai-lai.js\""))
        #expect(tag.contains("data-generation=\"x-2\""))
        #expect(tag.contains("data-shared=\"/cong-khai/_congkhai/tai-lai-chung.js\""))
    }

    @Test func aPageWithoutABodyGetsTheTagAtItsEnd() {
        let tag = ReloadScript.tag(base: "/", generation: "g")
        #expect(
            String(decoding: ReloadScript.inject(tag, into: Array("<p>x</p>".utf8)), as: UTF8.self) == "<p>x</p>" + tag)
    }

    @Test func aTemplateWritingBodyInCapitalsGetsTheTagBeforeIt() {
        let tag = ReloadScript.tag(base: "/", generation: "g")
        let page = "<HTML><BODY><p>x</p></BODY></HTML>"
        #expect(
            String(decoding: ReloadScript.inject(tag, into: Array(page.utf8)), as: UTF8.self)
                == "<HTML><BODY><p>x</p>" + tag + "</BODY></HTML>")
    }
}
