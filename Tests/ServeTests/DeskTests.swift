import CongKhai
import Foundation
import Import
import TestSupport
import Testing
import VietText

@testable import Serve

/// The publishing desk over a portal of the seeds' units, the server started in the test
/// process: each seed given as a .txt shows the gold's fields; a corrected field is saved into
/// the unit's folder as import writes it and its page is served; pasted text; the overwrite
/// question; what is refused.
@Suite(.serialized) struct DeskTests {
    static let seedUnits = SeedGold.units.mapValues(\.0)

    /// A running desk: its address, and the token and cookie its page gives.
    struct Running {
        var root: String
        var host: String
        var token: String
        var cookie: String
        var portal: PortalFixture

        func headers(_ more: [String: String] = [:]) -> [String: String] {
            more.merging(["Cookie": cookie], uniquingKeysWith: { first, _ in first })
        }

        /// The first form, sent as a browser sends it: multipart, the file with its name.
        func read(
            unit: String, file: (name: String, bytes: [UInt8])?, text: String = "", token: String? = nil,
            headers more: [String: String] = [:]
        ) async throws -> ServeClient.Fetched {
            let boundary = "----congkhai\(UInt32.random(in: 0...UInt32.max))"
            var body = Data()
            func field(_ name: String, _ value: String) {
                body += Data(
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
            }
            field("csrf", token ?? self.token)
            field("unit", unit)
            let (name, bytes) = file ?? ("", [])
            body += Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: text/plain\r\n\r\n"
                    .utf8)
            body += Data(bytes) + Data("\r\n".utf8)
            field("text", text)
            body += Data("--\(boundary)--\r\n".utf8)
            return try await ServeClient.fetch(
                root + "_soan-thao/nhap", method: "POST",
                headers: headers(
                    more.merging(["Content-Type": "multipart/form-data; boundary=\(boundary)"]) { a, _ in a }),
                body: body)
        }

        /// The second form: the fields shown, with `changes`.
        func save(_ form: String, _ changes: [String: String] = [:], categories: [String] = []) async throws
            -> ServeClient.Fetched
        {
            try await send("luu", form, changes, categories: categories)
        }

        /// A form of the desk sent to `action` with the fields it shows and `changes`.
        func send(_ action: String, _ form: String, _ changes: [String: String] = [:], categories: [String] = [])
            async throws -> ServeClient.Fetched
        {
            var fields = DeskTests.inputs(of: form)
            for (key, value) in changes { fields[key] = value }
            var pairs = fields.map { ($0.key, $0.value) }
            for category in categories + DeskTests.checked(in: form) { pairs.append(("categories[]", category)) }
            let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
            let body = pairs.map { key, value in
                "\(key.addingPercentEncoding(withAllowedCharacters: allowed)!)=\(value.addingPercentEncoding(withAllowedCharacters: allowed)!)"
            }.joined(separator: "&")
            return try await ServeClient.fetch(
                root + "_soan-thao/" + action, method: "POST",
                headers: headers(["Content-Type": "application/x-www-form-urlencoded"]), body: Data(body.utf8))
        }
    }

    /// The values of a form's inputs, selects and textareas, as a browser would send them.
    static func inputs(of form: String) -> [String: String] {
        var fields: [String: String] = [:]
        func unescaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
        let patterns = [
            #"<input type="(?:hidden|text)"(?: id="[^"]*")? name="([^"]*)" value="([^"]*)""#,
            #"<textarea id="[^"]*" name="([^"]*)" rows="\d+">([^<]*)</textarea>"#
        ]
        for pattern in patterns {
            let expression = try! NSRegularExpression(pattern: pattern)
            for match in expression.matches(in: form, range: NSRange(form.startIndex..., in: form)) {
                let name = String(form[Range(match.range(at: 1), in: form)!])
                fields[name] = unescaped(String(form[Range(match.range(at: 2), in: form)!]))
            }
        }
        let select = try! NSRegularExpression(
            pattern: #"<select id="kind" name="kind">.*?<option value="([^"]*)" selected>"#)
        if let match = select.firstMatch(in: form, range: NSRange(form.startIndex..., in: form)) {
            fields["kind"] = String(form[Range(match.range(at: 1), in: form)!])
        }
        fields.removeValue(forKey: "text")
        return fields
    }

    /// The categories ticked in a form.
    static func checked(in form: String) -> [String] {
        let expression = try! NSRegularExpression(
            pattern: #"<input type="checkbox" id="danh-muc-[^"]*" name="categories\[\]" value="([^"]*)" checked>"#)
        return expression.matches(in: form, range: NSRange(form.startIndex..., in: form)).map {
            String(form[Range($0.range(at: 1), in: form)!])
        }
    }

    /// The file the overwrite question names, as its box sends it.
    static func overwritten(in form: String) -> String? {
        let expression = try! NSRegularExpression(pattern: #"name="ghi_de" value="([^"]*)""#)
        return expression.firstMatch(in: form, range: NSRange(form.startIndex..., in: form)).map {
            String(form[Range($0.range(at: 1), in: form)!])
        }
    }

    static func start() async throws -> (Running, Task<Void, any Error>) {
        let portal = try PortalFixture()
        for (id, name) in SeedGold.units.values { try portal.unit(id, name: name) }
        let today = try #require(IssuedDate(iso: "2026-09-10"))
        let server = PreviewServer(options: PreviewOptions(source: portal.root, port: 0, today: { today }))
        let port = ServeClient.Port()
        let running = Task { try await server.run(signals: [], listening: { port.set($0) }) }
        while port.value == nil { try await Task.sleep(for: .milliseconds(50)) }
        let root = "http://127.0.0.1:\(port.value!)/"
        let desk = try await ServeClient.eventually(root + "_soan-thao/") { $0.status == 200 }
        let token = try #require(inputs(of: desk.text)["csrf"])
        let cookie = try #require(desk.cookie?.split(separator: ";").first.map(String.init))
        #expect(desk.cookie?.contains("HttpOnly") == true && desk.cookie?.contains("SameSite=Strict") == true)
        return (
            Running(root: root, host: "127.0.0.1:\(port.value!)", token: token, cookie: cookie, portal: portal), running
        )
    }

    @Test(.timeLimit(.minutes(5))) func eachSeedShowsTheGoldsFieldsAndACorrectionIsPublishedInThePreview() async throws
    {
        let (desk, running) = try await Self.start()
        defer {
            running.cancel()
            desk.portal.remove()
        }
        let gold = try SeedGold.load()
        for (file, expected) in gold.documents.sorted(by: { $0.key < $1.key }) {
            let unit = try #require(Self.seedUnits[file])
            let bytes = try Array(Data(contentsOf: TestPaths.seeds.appendingPathComponent(file)))
            let form = try await desk.read(unit: unit, file: (file, bytes))
            #expect(form.status == 200, "\(file): \(form.text.prefix(300))")
            let fields = Self.inputs(of: form.text)
            #expect(fields["title"] == expected.title, "\(file) title")
            #expect(fields["kind"] == expected.kind, "\(file) kind")
            #expect(fields["number"] == (expected.own_number ?? ""), "\(file) number")
            // Dates as a person writes them.
            #expect(
                fields["issued"] == (expected.issued.flatMap(IssuedDate.init(iso:))?.vietnameseShort ?? ""),
                "\(file) issued")
            #expect(fields["place"] == (expected.place ?? ""), "\(file) place")
            #expect(fields["signer"] == expected.signer, "\(file) signer")
            #expect(fields["signer_title"] == expected.signer_title, "\(file) signer_title")
            #expect(fields["published"] == "10/09/2026")
            // The text beside the form, as the page will show it.
            #expect(form.text.contains("<h2 id=\"muc-"), "\(file) preview")

            // Corrected and saved: written where import writes it, with the correction and the
            // body import makes; the browser is sent to the page, served once rebuilt.
            let corrected = expected.title + " (đã sửa)"
            let saved = try await desk.save(form.text, ["title": corrected])
            #expect(saved.status == 303, "\(file): \(saved.text.prefix(400))")
            let location = try #require(saved.location)
            // Sent there once the preview is built with it: the first look finds it.
            let page = try await ServeClient.fetch("http://\(desk.host)" + location)
            #expect(page.status == 200, "\(file) page")
            #expect(page.text.contains(FastHTMLEscaping.escape(corrected)), "\(file) page")
            let written = desk.portal.root.appendingPathComponent(
                "content/units/\(unit)/" + location.split(separator: "/").dropFirst(2).prefix(2).joined(separator: "/")
                    + ".md")
            let document = try String(contentsOf: written, encoding: .utf8)
            #expect(document.contains("title: \(corrected)") || document.contains("title: '\(corrected)'"))
            let body = try #require(document.components(separatedBy: "\n---\n\n").last)
            let draft = try Portal(desk.portal.root).importer(unit: unit, published: nil, today: nil)
                .draft(TestPaths.seeds.appendingPathComponent(file))
            #expect(body == draft.document.body, "\(file) body")
        }
        // Each save is in the log, and listed on the desk's page.
        let log = try String(
            contentsOf: desk.portal.root.appendingPathComponent(".congkhai-serve/nhat-ky.jsonl"), encoding: .utf8)
        #expect(log.split(separator: "\n").count == 5)
        let home = try await ServeClient.fetch(desk.root + "_soan-thao/")
        #expect(home.text.contains("(đã sửa)"))
        // Each save's time in Vietnam's, as a clerk reads a clock.
        #expect(DeskLog.shown("2026-12-06T17:38:18Z") == "07/12/2026 00:38")
        #expect(home.text.range(of: #"<li>\d\d/\d\d/\d{4} \d\d:\d\d: "#, options: .regularExpression) != nil)
        // Nothing is published until "Xuất bản", which builds public/ as `congkhai build` does.
        let public_ = desk.portal.root.appendingPathComponent("public")
        #expect(!FileManager.default.fileExists(atPath: public_.path))
        let published = try await ServeClient.fetch(
            desk.root + "_soan-thao/xuat-ban", method: "POST",
            headers: desk.headers(["Content-Type": "application/x-www-form-urlencoded"]),
            body: Data("csrf=\(desk.token)".utf8))
        #expect(published.status == 200 && published.text.contains("Đã tạo"))
        let pages = try FileTree.files(in: public_.appendingPathComponent("don-vi"))
        #expect(pages.filter { $0.hasSuffix("/index.html") && $0.split(separator: "/").count == 4 }.count == 5)
        #expect(
            try await ServeClient.fetch(
                desk.root + "_soan-thao/xuat-ban", method: "POST",
                headers: desk.headers(["Content-Type": "application/x-www-form-urlencoded"]), body: Data("csrf=x".utf8)
            ).status == 403)
    }

    @Test(.timeLimit(.minutes(5))) func pastedTextTheOverwriteQuestionAndWhatIsRefused() async throws {
        let (desk, running) = try await Self.start()
        defer {
            running.cancel()
            desk.portal.remove()
        }
        let seed = try String(
            contentsOf: TestPaths.seeds.appendingPathComponent("003_ea1c57bf483b1fef.txt"), encoding: .utf8)
        // Pasted text is read as a .txt file is.
        let pasted = try await desk.read(unit: "th-an-phuoc", file: nil, text: seed)
        #expect(pasted.status == 200)
        #expect(pasted.text.contains("<code>văn bản dán vào</code>"))
        let fields = Self.inputs(of: pasted.text)
        #expect(fields["signer"]?.isEmpty == false)
        let first = try await desk.save(pasted.text, categories: ["ke-hoach-giao-duc"])
        #expect(first.status == 303)
        // A second click on "Lưu" lands on the same page and writes nothing more.
        let second = try await desk.save(pasted.text, categories: ["ke-hoach-giao-duc"])
        #expect(second.status == 303 && second.location == first.location)
        // The same document again: asked before it replaces the one saved.
        let again = try await desk.read(unit: "th-an-phuoc", file: ("ke hoach.txt", Array(seed.utf8)))
        #expect(again.text.contains("Lưu bản mới thay cho nó?"))
        // The document there keeps its filing unless the clerk changes it.
        #expect(Self.checked(in: again.text) == ["ke-hoach-giao-duc"])
        let path = try #require(Self.overwritten(in: again.text))
        #expect(path.hasPrefix("content/units/th-an-phuoc/2023-2024/") && path.hasSuffix(".md"))
        let asked = try await desk.save(again.text)
        #expect(asked.status == 409 && asked.text.contains("Có, ghi đè văn bản cũ"))
        // A yes to another file is no yes to this one.
        #expect(try await desk.save(asked.text, ["ghi_de": "content/units/th-an-phuoc/khac.md"]).status == 409)
        // A wrong date stays in its box, said wrong; nothing is written.
        let wrong = try await desk.save(asked.text, ["issued": "31/02/2024", "ghi_de": path])
        #expect(wrong.status == 422 && wrong.text.contains("Ngày “31/02/2024” không có thật"))
        #expect(Self.inputs(of: wrong.text)["issued"] == "31/02/2024")
        let notADate = try await desk.save(asked.text, ["issued": "hôm qua", "ghi_de": path])
        #expect(notADate.status == 422 && notADate.text.contains("không phải là một ngày"))
        let monthOnly = try await desk.save(asked.text, ["published": "2026-09", "ghi_de": path])
        #expect(monthOnly.status == 422)
        // A date typed as a Vietnamese writes it is read as one.
        #expect(try await desk.save(asked.text, ["ghi_de": path, "issued": "15/4/2024"]).status == 303)
        let log = try String(
            contentsOf: desk.portal.root.appendingPathComponent(".congkhai-serve/nhat-ky.jsonl"), encoding: .utf8)
        #expect(log.split(separator: "\n").count == 2 && log.contains("\"replaced\":true"))
        let replaced = try String(contentsOf: desk.portal.root.appendingPathComponent(path), encoding: .utf8)
        #expect(replaced.contains("categories:\n- ke-hoach-giao-duc\n") && replaced.contains("\nissued: 2024-04-15\n"))
        // The document it replaced is kept whole beside the log.
        let keptFolder = desk.portal.root.appendingPathComponent(".congkhai-serve/thay-the")
        let kept = try FileManager.default.contentsOfDirectory(atPath: keptFolder.path)
        #expect(kept.count == 1 && log.contains("\"kept\":\"thay-the/\(kept[0])\""))
        let keptText = try String(contentsOf: keptFolder.appendingPathComponent(kept[0]), encoding: .utf8)
        #expect(keptText.hasPrefix("---\ntitle:") && keptText.contains("Dân vận"))

        // A file's name never names a place: only a safe name is stored.
        let crafted = try await desk.read(
            unit: "th-an-phuoc", file: ("../../../../etc/Kế hoạch\\..\\x.txt", Array(seed.utf8)))
        #expect(crafted.status == 200 && crafted.text.contains("<code>x.txt</code>"))
        let uploads = desk.portal.root.appendingPathComponent(".congkhai-serve/tai-len/may-nay")
        for folder in try FileManager.default.contentsOfDirectory(atPath: uploads.path) {
            for name in try FileManager.default.contentsOfDirectory(atPath: uploads.appendingPathComponent(folder).path)
            {
                #expect(DeskUploads.isSafe(name), "\(name)")
            }
        }
        // Refused: no token, another site's page, an old Word file, a file too large, an unknown unit.
        #expect(try await desk.read(unit: "th-an-phuoc", file: ("a.txt", Array(seed.utf8)), token: "x").status == 403)
        #expect(
            try await desk.read(
                unit: "th-an-phuoc", file: ("a.txt", Array(seed.utf8)), headers: ["Origin": "http://evil.example"]
            ).status == 403)
        let noCookie = try await ServeClient.fetch(
            desk.root + "_soan-thao/luu", method: "POST",
            headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Data("csrf=\(desk.token)".utf8))
        #expect(noCookie.status == 403)
        let doc = try await desk.read(unit: "th-an-phuoc", file: ("cu.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1]))
        #expect(doc.status == 422 && doc.text.contains(".docx"))
        let large = try await desk.read(
            unit: "th-an-phuoc", file: ("lon.txt", [UInt8](repeating: 0x61, count: DeskUploads.maxBytes + (128 << 10))))
        #expect(large.status == 413)
        #expect(try await desk.read(unit: "khong-co", file: ("a.txt", Array(seed.utf8))).status == 422)
        // Nothing was written outside the unit's folders and the preview's.
        let written = try FileTree.files(in: desk.portal.root.appendingPathComponent("content"))
        #expect(written.allSatisfy { $0.hasPrefix("units/") }, "\(written)")
    }
}

extension DeskTests {
    /// The same document already in the unit under another name: the form says which, by
    /// number or by title, and lets the clerk decide.
    @Test(.timeLimit(.minutes(5))) func theSameDocumentUnderAnotherNameIsPointedOut() async throws {
        let (desk, running) = try await Self.start()
        defer {
            running.cancel()
            desk.portal.remove()
        }
        try desk.portal.write(
            "content/units/cong-doan-giao-duc-ha-noi/2019-2020/nam-dan-van-kheo.md",
            "---\ntitle: Năm dân vận khéo\nkind: ke-hoach\nnumber: 08/KH-CĐGD\nissued: 2020-03-02\n---\n\nNội dung.\n")
        try desk.portal.write(
            "content/units/th-an-phuoc/2022-2023/ke-hoach-da-co.md",
            "---\ntitle: THỰC HIỆN CÔNG TÁC DÂN VẬN CHÍNH QUYỀN NĂM 2024\nkind: ke-hoach\n---\n\nNội dung.\n")
        for (file, unit, said) in [
            (
                "004_c1e01f9e77d3eae0.txt", "cong-doan-giao-duc-ha-noi",
                "cùng số “08/KH-CĐGD”: content/units/cong-doan-giao-duc-ha-noi/2019-2020/nam-dan-van-kheo.md"
            ),
            (
                "003_ea1c57bf483b1fef.txt", "th-an-phuoc",
                "cùng trích yếu: content/units/th-an-phuoc/2022-2023/ke-hoach-da-co.md"
            )
        ] {
            let bytes = try Array(Data(contentsOf: TestPaths.seeds.appendingPathComponent(file)))
            let form = try await desk.read(unit: unit, file: (file, bytes))
            #expect(form.status == 200 && form.text.contains("Đơn vị đã có văn bản " + said), "\(file)")
        }
        // Another unit's document is no concern of this one's.
        let seed = try Array(Data(contentsOf: TestPaths.seeds.appendingPathComponent("003_ea1c57bf483b1fef.txt")))
        let elsewhere = try await desk.read(unit: "th-tan-thanh-a1", file: ("a.txt", seed))
        #expect(elsewhere.status == 200 && !elsewhere.text.contains("Đơn vị đã có văn bản"))
    }

    @Test(.timeLimit(.minutes(5))) func aDocumentInThePortalIsEditedLineByLineAndWithdrawn() async throws {
        let (desk, running) = try await Self.start()
        defer {
            running.cancel()
            desk.portal.remove()
        }
        // A document written by hand, with comments the clerk's editing must keep.
        let path = "content/units/th-an-phuoc/2023-2024/ke-hoach-dan-van.md"
        let original = """
            ---
            # Viết tay, đừng xóa dòng này
            title: Kế hoạch dân vận năm 2024
            kind: ke-hoach
            number: 19/KH-THAP # số của văn thư
            issued: 2024-01-15
            published: 2024-01-20
            ---

            **Căn cứ** Kế hoạch số 135/KH-UBND ngày 09/4/2024 của UBND huyện.

            Nội dung kế hoạch, giữ nguyên từng byte.\u{20}\u{20}
            Dòng sau.

            """
        try desk.portal.write(path, original)
        let list = try await ServeClient.fetch(
            desk.root + "_soan-thao/van-ban?don-vi=th-an-phuoc", headers: desk.headers())
        #expect(list.status == 200 && list.text.contains("Kế hoạch dân vận năm 2024"))
        let opened = try await ServeClient.fetch(
            desk.root + "_soan-thao/sua?tep=" + path, headers: desk.headers())
        #expect(opened.status == 200)
        let fields = Self.inputs(of: opened.text)
        #expect(fields["title"] == "Kế hoạch dân vận năm 2024" && fields["number"] == "19/KH-THAP")
        #expect(fields["tep"] == path)
        // The signer added, the title changed: only those lines are written.
        let saved = try await desk.send(
            "sua", opened.text, ["title": "Kế hoạch dân vận chính quyền năm 2024", "signer": "Đoàn Văn Thanh Mộng"])
        #expect(saved.status == 303, "\(saved.text.prefix(500))")
        let edited = try desk.portal.read(path)
        #expect(
            edited
                == original.replacingOccurrences(
                    of: "title: Kế hoạch dân vận năm 2024\n", with: "title: Kế hoạch dân vận chính quyền năm 2024\n"
                ).replacingOccurrences(
                    of: "published: 2024-01-20\n", with: "published: 2024-01-20\nsigner: Đoàn Văn Thanh Mộng\n"))
        let page = try await ServeClient.fetch("http://\(desk.host)" + (saved.location ?? ""))
        #expect(page.status == 200 && page.text.contains("Kế hoạch dân vận chính quyền năm 2024"))
        // Withdrawn: draft: true, the file kept, the page gone from the preview.
        let again = try await ServeClient.fetch(desk.root + "_soan-thao/sua?tep=" + path, headers: desk.headers())
        let withdrawn = try await desk.send("sua", again.text, ["rut": "1"])
        #expect(withdrawn.status == 200 && withdrawn.text.contains("Đã rút văn bản"))
        #expect(try desk.portal.read(path).contains("\ndraft: true\n---\n"))
        _ = try await ServeClient.eventually("http://\(desk.host)" + (saved.location ?? "")) { $0.status == 404 }
        // Only documents of the portal can be opened.
        for wrong in [
            "../congkhai.yaml", "content/units/th-an-phuoc/2023-2024/../../../../etc/passwd",
            "content/units/khong-co/2023-2024/a.md"
        ] {
            let refused = try await ServeClient.fetch(
                desk.root + "_soan-thao/sua?tep=" + wrong, headers: desk.headers())
            #expect(refused.status == 404, "\(wrong)")
        }
    }
}
