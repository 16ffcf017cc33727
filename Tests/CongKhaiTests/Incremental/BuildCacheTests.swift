import Foundation
import TestSupport
import Testing

@testable import CongKhai

struct BuildCacheTests {
    /// The keys of every page, written as bytes, read back as they were: a key lost would only
    /// make the next build render that page again, which no comparison of outputs would notice.
    @Test func pageKeysComeBackAsStored() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = BuildCache(output: folder.appendingPathComponent("public"))
        var keys: [(path: String, key: UInt64)] = [
            ("index.html", 0), ("don-vi/th-mau/index.html", 1), ("tim-kiem/chi-muc/t0.js", 0xF),
            ("van-ban/điểm/index.html", 0x10), ("a b/index.html", UInt64.max), ("x.html", 0x0123_4567_89AB_CDEF)
        ]
        for shift in 0..<64 { keys.append(("bit-\(shift).html", UInt64(1) << UInt64(shift))) }
        let generation = BuildCache.generation(of: keys)
        try cache.storePageKeys(keys, generation: generation)
        let read = try #require(cache.pageKeys(generation: generation))
        #expect(read.count == keys.count)
        for (path, key) in keys { #expect(read[path] == key, "\(path)") }
        // As String(key, radix: 16) wrote them: no leading zeros.
        let text = try String(
            contentsOf: cache.folder.appendingPathComponent("page-keys-\(generation)"), encoding: .utf8)
        #expect(text.contains("\n0\tindex.html\n") && text.contains("\nf\ttim-kiem/chi-muc/t0.js\n"))
        #expect(text.contains("\n123456789abcdef\tx.html\n"))
    }
}
