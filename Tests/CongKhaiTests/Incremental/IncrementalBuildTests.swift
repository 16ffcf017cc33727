import Foundation
import TestSupport
import Testing

@testable import CongKhai

/// Whatever an earlier build left, the output of a rebuild is byte-identical to a `--full` one,
/// and a rebuild after a small edit renders only the pages that show it.
@Suite struct IncrementalBuildTests {
    func snapshot(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for file in try LinkChecker.allFiles(in: folder) {
            result[file] = try Data(contentsOf: folder.appendingPathComponent(file))
        }
        // The marker names the generation of page keys: it must match too.
        result[OutputFolder.markerName] = try Data(contentsOf: folder.appendingPathComponent(OutputFolder.markerName))
        return result
    }

    /// What a rebuild leaves as the spare output.
    enum Spare {
        /// The output it replaced, exactly as it was: the rebuild brought the previous spare up
        /// to date in place, and never wrote into a file it shares with the output.
        case replacedOutput
        /// A copy of the new output, made as it was written: the rebuild could reuse fewer than
        /// half of its files (nothing to reuse, a menu or template on every page changed).
        case newOutput
    }

    /// Rebuilds `root` and compares it with a full build of the same sources elsewhere, and
    /// the spare output it leaves with what it should hold.
    func rebuildEqualsFull(_ root: URL, _ label: String, spare expected: Spare = .replacedOutput) throws -> BuildReport
    {
        let before = try snapshot(root.appendingPathComponent("public"))
        let report = try Builder(options: BuildOptions(source: root)).build()
        let fullOutput = root.appendingPathComponent("full")
        defer { try? FileManager.default.removeItem(at: fullOutput) }
        _ = try Builder(options: BuildOptions(source: root, output: fullOutput, full: true)).build()
        let rebuilt = try snapshot(root.appendingPathComponent("public"))
        let full = try snapshot(fullOutput)
        #expect(rebuilt.keys.sorted() == full.keys.sorted(), "\(label): the same files")
        for (path, data) in full where rebuilt[path] != data {
            Issue.record("\(label): \(path) differs from a full build")
        }
        let spare = try snapshot(BuildCache(output: root.appendingPathComponent("public")).spareOutput)
        let spareShouldBe = expected == .replacedOutput ? before : rebuilt
        #expect(spare.keys.sorted() == spareShouldBe.keys.sorted(), "\(label): the spare holds the \(expected) files")
        for (path, data) in spareShouldBe where spare[path] != data {
            Issue.record("\(label): \(path) of the spare is not the \(expected) one")
        }
        return report
    }

    /// What a document discloses under TT 09 shows on its unit's page and checklist, the
    /// round's progress table and api/compliance.json: every change of it rebuilds them.
    @Test func rebuildsAsDisclosuresChangeEqualFullBuilds() throws {
        let root = try TestPaths.demoPortalCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let unit = root.appendingPathComponent("content/units/th-mau")
        func edit(_ path: String, _ change: (String) -> String) throws {
            let file = unit.appendingPathComponent(path)
            try Data(change(try String(contentsOf: file, encoding: .utf8)).utf8).write(to: file)
        }
        _ = try Builder(options: BuildOptions(source: root)).build()
        try edit("2026-2027/ke-hoach-giao-duc.md") {
            $0.replacingOccurrences(of: "published: 2026-08-20", with: "published: 2026-06-20")
        }
        let onTime = try rebuildEqualsFull(root, "published")
        #expect(onTime.reusedPages > 0)
        let checklist = try String(
            contentsOf: root.appendingPathComponent("public/don-vi/th-mau/cong-khai/2026/index.html"), encoding: .utf8)
        #expect(checklist.contains("Đã công khai 12/14 mục") && !checklist.contains("muộn 51 ngày"))
        try edit("2025-2026/thu-chi-tai-chinh-2025.md") {
            $0.replacingOccurrences(of: "period: \"2025\"", with: "period: \"2024\"")
        }
        _ = try rebuildEqualsFull(root, "period")
        try edit("2026-2027/hoc-phi-cac-khoan-thu.md") {
            $0.replacingOccurrences(of: "replaces: 10/TB-THM\n", with: "")
        }
        _ = try rebuildEqualsFull(root, "replaces")
        try edit("2025-2026/ke-hoach-dan-van.md") {
            $0.replacingOccurrences(of: "- van-ban-don-vi", with: "- kiem-dinh-chat-luong")
        }
        _ = try rebuildEqualsFull(root, "categories")
        try edit("unit.yaml") { $0.replacingOccurrences(of: "thuc-don:", with: "mien-giam-ho-tro:") }
        // unit.yaml is part of each of its pages: most are made again.
        _ = try rebuildEqualsFull(root, "not_applicable", spare: .newOutput)
        let settings = root.appendingPathComponent("congkhai.yaml")
        try Data(
            (try String(contentsOf: settings, encoding: .utf8)
                + "obligations:\n  lists:\n    - list: pho-thong\n      items:\n        - slug: sach-giao-khoa\n          remove: true\n")
                .utf8
        ).write(to: settings)
        _ = try rebuildEqualsFull(root, "obligations", spare: .newOutput)
        let summary = try String(
            contentsOf: root.appendingPathComponent("public/don-vi/th-mau/index.html"), encoding: .utf8)
        #expect(summary.contains("mục của đợt công khai năm 2026"))
    }

    @Test func rebuildsOfTheExamplePortalEqualFullBuilds() throws {
        let root = try TestPaths.examplePortalCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let units = root.appendingPathComponent("content/units")
        let anPhuoc = units.appendingPathComponent("th-an-phuoc/2023-2024/ke-hoach-dan-van-chinh-quyen-nam-2024.md")
        let toanThang = units.appendingPathComponent("thpt-toan-thang/2022-2023/ke-hoach-cong-tac-dan-van-nam-2023.md")
        func edit(_ file: URL, _ change: (String) -> String) throws {
            try Data(change(try String(contentsOf: file, encoding: .utf8)).utf8).write(to: file)
        }

        let first = try Builder(options: BuildOptions(source: root)).build()
        #expect(first.reusedPages == 0)
        #expect(try Builder(options: BuildOptions(source: root)).build().unchanged)

        // A sentence added to one body: its page, and the pages listing it, are rendered again;
        // the other documents' pages and the directives it does not cite are reused.
        try edit(anPhuoc) { $0 + "\nBổ sung: thực hiện nghiêm túc kế hoạch này.\n" }
        let edited = try rebuildEqualsFull(root, "body edit")
        #expect(edited.reusedPages > edited.pages / 2, "reused \(edited.reusedPages) of \(edited.pages)")
        #expect(!edited.unchanged)

        // A citing sentence reworded around a citation left as it was: the directive index is
        // taken from the cache (its file is not written again), and the directive's page shows
        // the new sentence, as a full build does.
        let indexFile = BuildCache(output: root.appendingPathComponent("public")).folder.appendingPathComponent(
            "directive-index")
        let indexBefore = try FileManager.default.attributesOfItem(atPath: indexFile.path)[.modificationDate] as? Date
        try edit(anPhuoc) {
            $0.replacingOccurrences(
                of: "các chương trình, kế hoạch của Ban cán sự",
                with: "các chương trình, kế hoạch công tác của Ban cán sự")
        }
        _ = try rebuildEqualsFull(root, "citing sentence reworded")
        #expect(
            try FileManager.default.attributesOfItem(atPath: indexFile.path)[.modificationDate] as? Date == indexBefore)
        let directivePages = try LinkChecker.allFiles(in: root.appendingPathComponent("public")).filter {
            $0.contains("01-nqtu-2021") && $0.hasSuffix("index.html")
        }
        let page = try String(
            contentsOf: root.appendingPathComponent("public").appendingPathComponent(
                try #require(directivePages.first)), encoding: .utf8)
        #expect(page.contains("các chương trình, kế hoạch công tác của Ban cán sự"))

        // A new document citing directives others cite: their pages, the lists, its unit.
        try Data(
            """
            ---
            title: Kế hoạch thực hiện Chỉ thị 33
            kind: ke-hoach
            number: 40/KH-THAP
            issued: 2024-05-02
            ---

            Căn cứ Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về tăng cường công tác dân vận;

            Căn cứ Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị.

            """.utf8
        ).write(to: anPhuoc.deletingLastPathComponent().appendingPathComponent("ke-hoach-40.md"))
        let added = try rebuildEqualsFull(root, "document added")
        #expect(added.reusedPages > 0)

        // A unit renamed: every row naming it.
        try edit(units.appendingPathComponent("th-an-phuoc/unit.yaml")) {
            $0.replacingOccurrences(of: "An Phước", with: "An Phước (đổi tên)")
        }
        _ = try rebuildEqualsFull(root, "unit renamed")

        // A field of a document's front matter added: its page and the lists showing it.
        try edit(toanThang) { $0.replacingOccurrences(of: "\ntitle:", with: "\nplace: Hà Nội\ntitle:") }
        _ = try rebuildEqualsFull(root, "front matter edit")

        // A title changed: every list, feed, search entry and data file showing it.
        try edit(toanThang) { text in
            let lines = text.components(separatedBy: "\n")
            return lines.map { $0.hasPrefix("title:") ? $0 + " (sửa đổi)" : $0 }.joined(separator: "\n")
        }
        _ = try rebuildEqualsFull(root, "title changed")

        // A page of the output removed by hand is made again, not assumed to be there.
        let someDocument = try LinkChecker.allFiles(in: root.appendingPathComponent("public"))
            .first {
                $0.hasPrefix("don-vi/phong-gddt-binh-son/") && $0.hasSuffix("/index.html")
                    && $0.split(separator: "/").count == 5
            }
        let removed = try #require(someDocument)
        try FileManager.default.removeItem(at: root.appendingPathComponent("public").appendingPathComponent(removed))
        try edit(anPhuoc) { $0 + "\nThêm một câu.\n" }
        _ = try rebuildEqualsFull(root, "output page removed")

        // A document deleted, a free page added (every menu changes), the settings changed.
        try FileManager.default.removeItem(at: toanThang)
        _ = try rebuildEqualsFull(root, "document deleted")
        try Data("---\ntitle: Hỏi đáp\n---\nLiên hệ văn phòng.\n".utf8).write(
            to: root.appendingPathComponent("content/pages/hoi-dap.md"))
        let menu = try rebuildEqualsFull(root, "free page added", spare: .newOutput)
        #expect(menu.reusedPages == 0, "the menu is on every page")
        try edit(root.appendingPathComponent("congkhai.yaml")) {
            $0.replacingOccurrences(of: "page_size: 50", with: "page_size: 5")
        }
        _ = try rebuildEqualsFull(root, "settings changed", spare: .newOutput)

        // A template changed: nothing is reused.
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try Data("<footer>riêng</footer>\n".utf8).write(to: root.appendingPathComponent("templates/footer.mustache"))
        #expect(try rebuildEqualsFull(root, "template changed", spare: .newOutput).reusedPages == 0)
    }

    func inode(_ url: URL) throws -> UInt64 {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? UInt64)
    }

    /// A build that renders everything makes the spare as it writes, each file linked, so the
    /// next build already has one to update in place; from then on the output replaced by
    /// each build is the spare of the next. A spare whose marker vouches for no keys (a build
    /// killed while updating it) is not trusted.
    @Test func theSpareOutputIsUpdatedInPlaceOnlyWhenItsKeysAreKnown() throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.unit("th-a", name: "A")
        func write(_ body: String) throws {
            try fixture.write(
                "content/units/th-a/2023-2024/a.md",
                "---\ntitle: A\nkind: ke-hoach\nnumber: 1/KH-A\nissued: 2024-01-02\n---\n\(body)\n")
        }
        try write("Một.")
        try fixture.write(
            "content/units/th-a/2023-2024/b.md",
            "---\ntitle: B\nkind: bao-cao\nnumber: 2/BC-A\nissued: 2024-01-03\n---\nHai.\n")
        _ = try Builder(options: BuildOptions(source: fixture.root)).build()
        let public_ = fixture.root.appendingPathComponent("public")
        let spare = BuildCache(output: public_).spareOutput
        #expect(try snapshot(spare) == snapshot(public_), "the first build's spare is its output")
        // The marker alone is its own file: written last, so an unfinished spare has none.
        for file in try LinkChecker.allFiles(in: public_) where file != OutputFolder.markerName {
            #expect(
                try inode(spare.appendingPathComponent(file)) == inode(public_.appendingPathComponent(file)),
                "\(file) is linked, not copied")
        }
        let firstSpare = try inode(spare)
        try write("Một, sửa.")
        let second = try rebuildEqualsFull(fixture.root, "second build")
        #expect(try inode(public_) == firstSpare, "the first build's spare became the output")
        #expect(second.reusedPages > 0)
        let spareFolder = try inode(spare)
        try write("Một, sửa lần hai.")
        let third = try rebuildEqualsFull(fixture.root, "third build")
        #expect(try inode(public_) == spareFolder, "the spare became the output")
        #expect(third.reusedPages > 0)

        // A file put into the output by hand is gone once that folder is updated in place.
        try Data("lạ".utf8).write(to: public_.appendingPathComponent("don-vi/th-a/la.txt"))
        try write("Một, sửa lần bốn.")
        _ = try rebuildEqualsFull(fixture.root, "stray file, output becomes the spare")
        try write("Một, sửa lần năm.")
        _ = try rebuildEqualsFull(fixture.root, "stray file, spare updated in place")

        // As a build killed while updating the spare leaves it.
        let unvouched = try inode(spare)
        // Held open, the folder's inode cannot be given to a new folder once it is deleted.
        let held = open(spare.path, O_RDONLY)
        defer { close(held) }
        try Data("congkhai\n".utf8).write(to: spare.appendingPathComponent(OutputFolder.markerName))
        try write("Một, sửa lần ba.")
        _ = try rebuildEqualsFull(fixture.root, "spare without keys")
        #expect(try inode(public_) != unvouched, "a fresh folder, not the unvouched spare")
    }

    /// An edit that cites once more a text other documents cite leaves every search entry
    /// its number: the search index's shards are kept or made by their inputs, and a text's
    /// result counts the documents citing it, though the shard holding it holds none of them.
    @Test func aTextCitedOnceMoreShowsItsNewCountInSearch() throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.unit("th-a", name: "A")
        let citing = "Căn cứ Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về công tác dân vận;"
        func write(_ number: Int, citing cites: Bool) throws {
            // The first written is the newest: first among the results, in the first shard.
            try fixture.write(
                "content/units/th-a/2023-2024/v\(number).md",
                "---\ntitle: Văn bản \(number)\nkind: ke-hoach\nnumber: \(number)/KH-A\n"
                    + "issued: 2024-03-\(String(format: "%02d", 28 - number))\n---\n"
                    + "\(cites ? citing : "Không căn cứ.")\n\nNội dung \(number).\n")
        }
        // More documents than a shard holds, so the cited text's result is in a later shard.
        for number in 1...(SearchIndex.documentsPerShard + 2) { try write(number, citing: number > 1) }
        _ = try Builder(options: BuildOptions(source: fixture.root)).build()
        try write(1, citing: true)
        _ = try rebuildEqualsFull(fixture.root, "cited once more")
        try write(1, citing: false)
        _ = try rebuildEqualsFull(fixture.root, "cited once less")
    }

    /// A full build of sources built before makes the generation of an output already
    /// recorded: its record is dated from after the spare it made, so the next build takes that
    /// spare's folders as recorded instead of reading all of them (a third of a second at
    /// 10,000 documents).
    @Test func aFullBuildOfAnUnchangedPortalDatesItsRecordAnew() throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.unit("th-a", name: "A")
        try fixture.write(
            "content/units/th-a/2023-2024/a.md",
            "---\ntitle: A\nkind: ke-hoach\nnumber: 1/KH-A\nissued: 2024-01-02\n---\nMột.\n")
        let public_ = fixture.root.appendingPathComponent("public")
        _ = try Builder(options: BuildOptions(source: fixture.root)).build()
        let cache = BuildCache(output: public_)
        let generation = try #require(OutputFolder.generation(of: public_))
        let first = try #require(cache.outputRecord(generation: generation)?.recordedAt)
        usleep(50_000)
        _ = try Builder(options: BuildOptions(source: fixture.root, full: true)).build()
        #expect(OutputFolder.generation(of: public_) == generation, "the same pages, the same generation")
        #expect(OutputFolder.generation(of: cache.spareOutput) == generation, "a spare made beside the output")
        let recorded = try #require(cache.outputRecord(generation: generation)?.recordedAt)
        #expect((recorded.tv_sec, recorded.tv_nsec) > (first.tv_sec, first.tv_nsec))
        // Every folder of the spare but its root (whose marker is written last) predates it.
        let spareFolders = try FileManager.default.subpathsOfDirectory(atPath: cache.spareOutput.path)
        for folder in spareFolders {
            var status = stat()
            guard stat(cache.spareOutput.appendingPathComponent(folder).path, &status) == 0,
                status.st_mode & S_IFMT == S_IFDIR
            else { continue }
            #expect(
                (status.st_ctim.tv_sec, status.st_ctim.tv_nsec) <= (recorded.tv_sec, recorded.tv_nsec),
                "\(folder) changed after the record")
        }
        // A file put by hand into the new output after the swap is still seen once that output
        // is the spare updated in place, two builds later.
        usleep(20_000)
        try Data("lạ".utf8).write(to: public_.appendingPathComponent("don-vi/th-a/la.txt"))
        for edit in ["Một, sửa.", "Một, sửa lần hai."] {
            try fixture.write(
                "content/units/th-a/2023-2024/a.md",
                "---\ntitle: A\nkind: ke-hoach\nnumber: 1/KH-A\nissued: 2024-01-02\n---\n\(edit)\n")
            _ = try rebuildEqualsFull(fixture.root, "after a hand change: \(edit)")
        }
    }

    /// The list of cited texts shows a text cited without its subject by its first citing
    /// sentence: an edit elsewhere in that document leaves the list as it was (on a province's
    /// portal it has 14,000 rows, a quarter of an edit's rebuild), a reworded sentence does not.
    @Test func theListOfCitedTextsIsRenderedAgainOnlyWhenItsSentencesChange() throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.unit("th-a", name: "A")
        let citing = "Căn cứ Kế hoạch số 15/KH-UBND ngày 03/02/2024 của UBND huyện Yên Dũng;"
        func write(_ extra: String, sentence: String = citing) throws {
            try fixture.write(
                "content/units/th-a/2023-2024/a.md",
                "---\ntitle: A\nkind: ke-hoach\nnumber: 1/KH-A\nissued: 2024-01-02\n---\n\(sentence)\n\n\(extra)\n")
        }
        let public_ = fixture.root.appendingPathComponent("public")
        let spare = BuildCache(output: public_).spareOutput
        let list = URLScheme.directives
        try write("Một.")
        _ = try Builder(options: BuildOptions(source: fixture.root)).build()
        try write("Một, sửa.")
        _ = try rebuildEqualsFull(fixture.root, "second build")
        // The next build updates the spare in place: a page it does not render keeps its file.
        let untouched = try inode(spare.appendingPathComponent(list))
        try write("Một, sửa lần hai.")
        _ = try rebuildEqualsFull(fixture.root, "body edited away from the citation")
        #expect(try inode(public_.appendingPathComponent(list)) == untouched)
        #expect(try String(contentsOf: public_.appendingPathComponent(list), encoding: .utf8).contains("Yên Dũng"))

        let before = try inode(spare.appendingPathComponent(list))
        try write("Một, sửa lần ba.", sentence: citing.replacingOccurrences(of: "Căn cứ", with: "Thực hiện"))
        _ = try rebuildEqualsFull(fixture.root, "citing sentence reworded")
        #expect(try inode(public_.appendingPathComponent(list)) != before)
        #expect(
            try String(contentsOf: public_.appendingPathComponent(list), encoding: .utf8).contains("Thực hiện Kế hoạch")
        )
    }

    /// A document that is a symbolic link is read through the link: an edit of the file it
    /// leads to (inside content/, as links must) is a change, though the link is untouched.
    @Test func anEditBehindASymbolicLinkIsNotANoOp() throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.unit("th-a", name: "A")
        try fixture.write("content/.goc/a.md", "---\ntitle: Bản gốc\nkind: ke-hoach\n---\nMột.\n")
        try fixture.write("content/units/th-a/2023-2024/b.md", "---\ntitle: B\nkind: ke-hoach\n---\nHai.\n")
        try FileManager.default.createSymbolicLink(
            atPath: fixture.root.appendingPathComponent("content/units/th-a/2023-2024/a.md").path,
            withDestinationPath: "../../../.goc/a.md")
        _ = try Builder(options: BuildOptions(source: fixture.root)).build()
        #expect(try fixture.read("public/don-vi/th-a/2023-2024/a/index.html").contains("Bản gốc"))
        try fixture.write("content/.goc/a.md", "---\ntitle: Bản gốc đã sửa\nkind: ke-hoach\n---\nMột.\n")
        #expect(!(try Builder(options: BuildOptions(source: fixture.root)).build().unchanged))
        #expect(try fixture.read("public/don-vi/th-a/2023-2024/a/index.html").contains("Bản gốc đã sửa"))
    }

    /// Keys left by a build that died after storing them but before its swap describe no
    /// output: the next build must not reuse pages by them.
    @Test func keysOfAnotherGenerationAreNotTrusted() throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.unit("th-a", name: "A")
        try fixture.write(
            "content/units/th-a/2023-2024/a.md",
            "---\ntitle: A\nkind: ke-hoach\nnumber: 1/KH-A\nissued: 2024-01-02\n---\nMột.\n")
        try fixture.write(
            "content/units/th-a/2023-2024/b.md",
            "---\ntitle: B\nkind: ke-hoach\nnumber: 2/KH-A\nissued: 2024-01-03\n---\nHai.\n")
        _ = try Builder(options: BuildOptions(source: fixture.root)).build()
        let cache = fixture.root.appendingPathComponent(".public.congkhai-cache")
        let keysName = try #require(
            try FileManager.default.contentsOfDirectory(atPath: cache.path).first { $0.hasPrefix("page-keys-") })
        let keysFile = cache.appendingPathComponent(keysName)
        let keys = try String(contentsOf: keysFile, encoding: .utf8)
        let header = try #require(keys.split(separator: "\n").first)
        try Data(keys.replacingOccurrences(of: String(header), with: "congkhai-page-keys-1 0000000000000000").utf8)
            .write(to: keysFile)
        try fixture.write(
            "content/units/th-a/2023-2024/a.md",
            "---\ntitle: A\nkind: ke-hoach\nnumber: 1/KH-A\nissued: 2024-01-02\n---\nMột, sửa.\n")
        let report = try rebuildEqualsFull(fixture.root, "foreign keys", spare: .newOutput)
        #expect(report.reusedPages == 0)
        // The next edit, with keys of its own generation again, reuses.
        try fixture.write(
            "content/units/th-a/2023-2024/a.md",
            "---\ntitle: A\nkind: ke-hoach\nnumber: 1/KH-A\nissued: 2024-01-02\n---\nMột, sửa lần nữa.\n")
        #expect(try rebuildEqualsFull(fixture.root, "own keys").reusedPages > 0)
    }

    /// A directive's title is made from every citation of it: a new document naming its issuer
    /// changes the title on the unchanged pages that cite it.
    @Test func aDirectiveRetitledByAnotherDocumentReachesEveryCitingPage() throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.unit("th-a", name: "A")
        try fixture.write(
            "content/units/th-a/2023-2024/a.md",
            "---\ntitle: A\nkind: ke-hoach\nnumber: 1/KH-A\nissued: 2024-01-02\n---\nCăn cứ Chỉ thị số 33/CT-TTg ngày 26/11/2021;\n"
        )
        _ = try Builder(options: BuildOptions(source: fixture.root)).build()
        let page = "public/don-vi/th-a/2023-2024/a/index.html"
        let before = try fixture.read(page)
        try fixture.write(
            "content/units/th-a/2023-2024/b.md",
            "---\ntitle: B\nkind: ke-hoach\nnumber: 2/KH-A\nissued: 2024-01-03\n---\nCăn cứ Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
        )
        _ = try rebuildEqualsFull(fixture.root, "directive retitled", spare: .newOutput)
        #expect(try fixture.read(page) != before, "a's page shows the directive's new title")
    }

    @Test func nothingChangedMeansNothingToDo() throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.unit("th-a", name: "A", district: "Tân Hồng", province: "Đồng Tháp")
        try fixture.write(
            "content/units/th-a/2023-2024/a.md",
            "---\ntitle: A\nkind: ke-hoach\nnumber: 1/KH-A\nissued: 2024-01-02\n---\nCăn cứ Chỉ thị số 33/CT-TTg ngày 26/11/2021.\n"
        )
        let output = fixture.root.appendingPathComponent("public")
        let builder = Builder(options: BuildOptions(source: fixture.root))
        let first = try builder.build()
        let before = try snapshot(output)
        let again = try builder.build()
        #expect(again.unchanged && again.pages == first.pages)
        #expect(try snapshot(output) == before)
        // The output removed by hand is rebuilt, not assumed.
        try FileManager.default.removeItem(at: output)
        #expect(!(try builder.build()).unchanged)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }
}
