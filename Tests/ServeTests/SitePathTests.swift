import Testing

@testable import Serve

struct SitePathTests {
    @Test func pagesAndFoldersAreNamedByTheirSegments() throws {
        let page = try #require(SitePath("don-vi/th-mau/index.html"))
        #expect(page.segments == ["don-vi", "th-mau", "index.html"])
        #expect(!page.isFolder)
        let folder = try #require(SitePath("don-vi/th-mau/"))
        #expect(folder.segments == ["don-vi", "th-mau"])
        #expect(folder.isFolder)
        #expect(SitePath("")?.isFolder == true)
        #expect(SitePath("tim-kiem/%C4%91i%E1%BB%83m.html")?.segments == ["tim-kiem", "điểm.html"])
    }

    @Test(arguments: [
        "../etc/passwd", "a/../../b", "%2e%2e/%2e%2e/etc/passwd", "a/%2E%2E/b", ".congkhai-output",
        "don-vi/.hidden", "a%2Fb", "a%5C..%5Cb", "a%00b", "a//b", "./index.html", "%ZZ"
    ])
    func nothingOutsideTheSiteCanBeNamed(path: String) {
        #expect(SitePath(path[...]) == nil)
    }
}
