import CongKhai
import Foundation
import TestSupport
import Testing
import VietText

@testable import Serve

/// A desk with accounts (a users file beside congkhai.yaml), served in the test process: what
/// is asked before anything is shown, what a school's account can reach (its own unit's
/// folder, by form, by crafted request, by file name: nothing else), an office's reach (the
/// units below it), wrong passwords slowed, the log naming who saved. The same over https
/// with `--host` is tested in Tests/Browser/test_desk_accounts.py.
@Suite(.serialized) struct DeskAccountsTests {
    static let passwords = ["lan": "mat-khau-an-phuoc", "an": "mat-khau-toan-thang", "phong": "mat-khau-binh-son"]

    static func start() async throws -> (root: String, host: String, portal: PortalFixture, Task<Void, any Error>) {
        let portal = try PortalFixture()
        try portal.write("content/units/th-an-phuoc/unit.yaml", "name: Trường Tiểu học An Phước\nkind: tieu-hoc\n")
        try portal.write("content/units/thpt-toan-thang/unit.yaml", "name: Trường THPT Toàn Thắng\nkind: thpt\n")
        try portal.write(
            "content/units/phong-gddt-binh-son/unit.yaml",
            "name: Phòng Giáo dục và Đào tạo huyện Bình Sơn\nkind: phong-gddt\n")
        try portal.write(
            "content/units/th-tan-thanh-a1/unit.yaml",
            "name: Trường Tiểu học Tân Thành A1\nkind: tieu-hoc\nparent: phong-gddt-binh-son\n")
        try portal.write(
            "content/units/thpt-toan-thang/2023-2024/ke-hoach-cua-truong-khac.md",
            "---\n# Viết tay.\ntitle: Kế hoạch của trường khác\nkind: ke-hoach\nnumber: 12/KH-THPTTT\nissued: 2023-10-02\n---\n\nNội dung.\n"
        )
        try UsersFile(portal: portal.root).save([
            Account(name: "lan", units: ["th-an-phuoc"], password: passwords["lan"]!),
            Account(name: "an", units: ["thpt-toan-thang"], password: passwords["an"]!),
            Account(name: "phong", units: ["phong-gddt-binh-son"], password: passwords["phong"]!)
        ])
        let today = try #require(IssuedDate(iso: "2026-09-10"))
        let server = PreviewServer(options: PreviewOptions(source: portal.root, port: 0, today: { today }))
        let port = ServeClient.Port()
        let running = Task { try await server.run(signals: [], listening: { port.set($0) }) }
        while port.value == nil { try await Task.sleep(for: .milliseconds(50)) }
        return ("http://127.0.0.1:\(port.value!)/", "127.0.0.1:\(port.value!)", portal, running)
    }

    /// The sign-in form sent as a browser sends it: its token, in the form and its cookie.
    static func signIn(_ root: String, _ name: String, _ password: String) async throws -> ServeClient.Fetched {
        let page = try await ServeClient.fetch(root + "_soan-thao/dang-nhap")
        let token = try #require(DeskTests.inputs(of: page.text)["csrf"])
        let cookie = try #require(page.cookie?.split(separator: ";").first.map(String.init))
        let allowed = CharacterSet.alphanumerics
        return try await ServeClient.fetch(
            root + "_soan-thao/dang-nhap", method: "POST",
            headers: ["Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"],
            body: Data(
                "csrf=\(token)&ten=\(name)&mat_khau=\(password.addingPercentEncoding(withAllowedCharacters: allowed)!)&tiep=%2F_soan-thao%2F"
                    .utf8))
    }

    /// A desk signed in as `name`: its session cookie and the form token its page gives.
    static func desk(_ root: String, _ host: String, _ portal: PortalFixture, as name: String) async throws
        -> DeskTests.Running
    {
        let signedIn = try await signIn(root, name, passwords[name]!)
        #expect(signedIn.status == 303 && signedIn.location == "/_soan-thao/")
        let setCookie = try #require(signedIn.cookie)
        #expect(
            setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict") && setCookie.contains("Path=/")
                && !setCookie.contains("Path=/_"))
        let cookie = String(setCookie.split(separator: ";")[0])
        let home = try await ServeClient.fetch(root + "_soan-thao/", headers: ["Cookie": cookie])
        #expect(home.status == 200 && home.text.contains("Tài khoản <strong>\(name)</strong>"))
        let token = try #require(DeskTests.inputs(of: home.text)["csrf"])
        return DeskTests.Running(root: root, host: host, token: token, cookie: cookie, portal: portal)
    }

    static func options(of page: String) -> [String] {
        let expression = try! NSRegularExpression(pattern: #"<select id="unit" name="unit" required>(.*?)</select>"#)
        guard let match = expression.firstMatch(in: page, range: NSRange(page.startIndex..., in: page)) else {
            return []
        }
        let select = String(page[Range(match.range(at: 1), in: page)!])
        return try! NSRegularExpression(pattern: #"<option value="([^"]+)""#).matches(
            in: select, range: NSRange(select.startIndex..., in: select)
        ).map { String(select[Range($0.range(at: 1), in: select)!]) }
    }

    @Test(.timeLimit(.minutes(5))) func eachAccountReachesItsOwnUnitsOnly() async throws {
        let (root, host, portal, running) = try await Self.start()
        defer {
            running.cancel()
            portal.remove()
        }
        // Nothing is shown before signing in: not the desk, not the preview (it shows drafts).
        let preview = try await ServeClient.fetch(root)
        #expect(preview.status == 302 && preview.location == "/_soan-thao/dang-nhap?tiep=/")
        #expect(try await ServeClient.fetch(root + "_soan-thao/van-ban?don-vi=th-an-phuoc").status == 302)
        #expect(try await ServeClient.fetch(root + ReloadScript.events).status == 401)
        let signInPage = try await ServeClient.fetch(root + "_soan-thao/dang-nhap")
        #expect(signInPage.status == 200 && signInPage.text.contains("autocomplete=\"current-password\""))

        let lan = try await Self.desk(root, host, portal, as: "lan")
        let home = try await ServeClient.fetch(root + "_soan-thao/", headers: lan.headers())
        #expect(Self.options(of: home.text) == ["th-an-phuoc"])
        // The preview is open to her.
        #expect(try await ServeClient.eventually(root, headers: lan.headers()) { $0.status == 200 }.status == 200)

        // Another school's folder, by form and by crafted request: refused, nothing written.
        let otherFile = "content/units/thpt-toan-thang/2023-2024/ke-hoach-cua-truong-khac.md"
        let otherBefore = try portal.read(otherFile)
        #expect(
            try await ServeClient.fetch(root + "_soan-thao/van-ban?don-vi=thpt-toan-thang", headers: lan.headers())
                .status == 403)
        #expect(
            try await ServeClient.fetch(root + "_soan-thao/sua?tep=\(otherFile)", headers: lan.headers()).status == 403)
        // Refused before anything is read: whether a file is there is not told either.
        let guessed = "content/units/thpt-toan-thang/2023-2024/ke-hoach-khong-co.md"
        #expect(
            try await ServeClient.fetch(root + "_soan-thao/sua?tep=\(guessed)", headers: lan.headers()).status == 403)
        let seed = try String(
            contentsOf: TestPaths.seeds.appendingPathComponent("003_ea1c57bf483b1fef.txt"), encoding: .utf8)
        #expect(try await lan.read(unit: "thpt-toan-thang", file: ("a.txt", Array(seed.utf8))).status == 403)
        // A file named for another school's folder is stored by a safe name and saved in hers.
        let form = try await lan.read(
            unit: "th-an-phuoc", file: ("../../thpt-toan-thang/2023-2024/ke-hoach.txt", Array(seed.utf8)))
        #expect(form.status == 200)
        #expect(try await lan.save(form.text, ["unit": "thpt-toan-thang"]).status == 403)
        let crafted = DeskTests.inputs(of: form.text).merging(["tep": otherFile, "title": "Đổi tên"]) { _, new in new }
        let craftedBody = crafted.map {
            "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
        }
        #expect(
            try await ServeClient.fetch(
                root + "_soan-thao/sua", method: "POST",
                headers: lan.headers(["Content-Type": "application/x-www-form-urlencoded"]),
                body: Data(craftedBody.joined(separator: "&").utf8)
            ).status == 403)
        let saved = try await lan.save(form.text, categories: ["ke-hoach-giao-duc"])
        #expect(saved.status == 303 && saved.location?.hasPrefix("/don-vi/th-an-phuoc/") == true)
        #expect(try portal.read(otherFile) == otherBefore)
        let written = try FileTree.files(in: portal.root.appendingPathComponent("content/units/thpt-toan-thang"))
        #expect(written == ["2023-2024/ke-hoach-cua-truong-khac.md", "unit.yaml"], "\(written)")

        // Another host, another site's page, another session's token: refused.
        #expect(
            try await ServeClient.fetch(root + "_soan-thao/", host: "evil.example", headers: lan.headers()).status
                == 421)
        #expect(
            try await lan.read(
                unit: "th-an-phuoc", file: ("a.txt", Array(seed.utf8)), headers: ["Origin": "http://evil.example"]
            ).status == 403)
        let phong = try await Self.desk(root, host, portal, as: "phong")
        #expect(
            try await lan.read(unit: "th-an-phuoc", file: ("a.txt", Array(seed.utf8)), token: phong.token).status == 403
        )

        // An office writes for the units below it, not for others.
        let office = try await ServeClient.fetch(root + "_soan-thao/", headers: phong.headers())
        #expect(Self.options(of: office.text).sorted() == ["phong-gddt-binh-son", "th-tan-thanh-a1"])
        #expect(
            try await ServeClient.fetch(root + "_soan-thao/van-ban?don-vi=th-tan-thanh-a1", headers: phong.headers())
                .status == 200)
        #expect(
            try await ServeClient.fetch(root + "_soan-thao/van-ban?don-vi=th-an-phuoc", headers: phong.headers()).status
                == 403)
        // Nor does it see the school's saves in the desk's list.
        #expect(!office.text.contains("Dân vận") && home.text.contains("Chưa lưu văn bản nào"))

        // The log says who saved what, before and after.
        let log = try portal.read(".congkhai-serve/nhat-ky.jsonl")
        let entry = try #require(log.split(separator: "\n").last)
        #expect(entry.contains("\"who\":\"lan\"") && entry.contains("\"file\":\"content/units/th-an-phuoc/2023-2024/"))
        let mine = try await ServeClient.fetch(root + "_soan-thao/", headers: lan.headers())
        #expect(mine.text.contains("(lưu mới, lan)"))

        // Any account publishes the portal; the log and every desk say who.
        let published = try await lan.send("xuat-ban", "<input type=\"hidden\" name=\"csrf\" value=\"\(lan.token)\">")
        #expect(published.status == 200 && published.text.contains("Đã tạo"))
        let publication = try #require(try portal.read(".congkhai-serve/nhat-ky.jsonl").split(separator: "\n").last)
        #expect(publication.contains("\"action\":\"xuat-ban\"") && publication.contains("\"who\":\"lan\""))
        let seen = try await ServeClient.fetch(root + "_soan-thao/", headers: phong.headers())
        #expect(seen.text.contains("Toàn cổng (xuất bản, lan)"))

        // A save the log could not record is not made.
        let logFile = portal.root.appendingPathComponent(".congkhai-serve/nhat-ky.jsonl")
        let aside = portal.root.appendingPathComponent(".congkhai-serve/nhat-ky.giu")
        try FileManager.default.moveItem(at: logFile, to: aside)
        try FileManager.default.createDirectory(at: logFile, withIntermediateDirectories: false)
        let before = try FileTree.files(in: portal.root.appendingPathComponent("content"))
        let unlogged = try await lan.read(unit: "th-an-phuoc", file: ("b.txt", Array(seed.utf8)))
        let refusedSave = try await lan.save(unlogged.text, ["title": "Không được ghi"])
        #expect(refusedSave.status == 500 && refusedSave.text.contains("nên chưa lưu gì"))
        #expect(try FileTree.files(in: portal.root.appendingPathComponent("content")) == before)
        try FileManager.default.removeItem(at: logFile)
        try FileManager.default.moveItem(at: aside, to: logFile)

        // Signed out: the cookie, kept, opens nothing.
        let out = try await lan.send("dang-xuat", "<input type=\"hidden\" name=\"csrf\" value=\"\(lan.token)\">")
        #expect(out.status == 303 && out.cookie?.contains("Max-Age=0") == true)
        #expect(try await ServeClient.fetch(root + "_soan-thao/", headers: lan.headers()).status == 302)
    }

    @Test(.timeLimit(.minutes(5))) func fiveWrongPasswordsSlowTheNextTries() async throws {
        let (root, _, portal, running) = try await Self.start()
        defer {
            running.cancel()
            portal.remove()
        }
        for _ in 0..<LoginThrottle.freeTries {
            let wrong = try await Self.signIn(root, "an", "khong-phai")
            #expect(wrong.status == 401 && wrong.text.contains("Sai tên tài khoản hoặc mật khẩu"))
            #expect(wrong.cookie?.contains("congkhai_phien") != true)
        }
        // Even the right password waits now: guessing is slowed whatever the guess.
        let slowed = try await Self.signIn(root, "an", Self.passwords["an"]!)
        #expect(slowed.status == 429 && slowed.text.contains("Hãy chờ"))
        // Another account signs in as before; a name that does not exist is told as a wrong password.
        #expect(try await Self.signIn(root, "lan", Self.passwords["lan"]!).status == 303)
        let unknown = try await Self.signIn(root, "khong-co", "mat-khau-bat-ky")
        #expect(unknown.status == 401 && unknown.text.contains("Sai tên tài khoản hoặc mật khẩu"))
        // After signing in, only a path of this site: never another site's.
        let page = try await ServeClient.fetch(root + "_soan-thao/dang-nhap")
        let token = try #require(DeskTests.inputs(of: page.text)["csrf"])
        let cookie = try #require(page.cookie?.split(separator: ";").first.map(String.init))
        for next in ["/%09/evil.example/x", "//evil.example/", "https://evil.example/", "/%5Cevil.example", "/%0A/evil"]
        {
            let signedIn = try await ServeClient.fetch(
                root + "_soan-thao/dang-nhap", method: "POST",
                headers: ["Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"],
                body: Data("csrf=\(token)&ten=phong&mat_khau=\(Self.passwords["phong"]!)&tiep=\(next)".utf8))
            #expect(signedIn.status == 303 && signedIn.location == "/_soan-thao/", "\(next)")
        }
        let asked = try await ServeClient.fetch(root + "_soan-thao/dang-nhap?tiep=%2F%09%2Fevil.example")
        #expect(DeskTests.inputs(of: asked.text)["tiep"] == "/_soan-thao/")

        // A sign-in form without its token, or from another site, is refused.
        let refused = try await ServeClient.fetch(
            root + "_soan-thao/dang-nhap", method: "POST",
            headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: Data("ten=lan&mat_khau=\(Self.passwords["lan"]!)".utf8))
        #expect(refused.status == 403)
    }
}
