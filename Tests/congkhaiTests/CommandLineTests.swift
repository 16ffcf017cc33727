import Foundation
import TestSupport
import Testing

/// Runs the built `congkhai` executable as a user would (`make test` builds it first).
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let executable = TestPaths.executable

    func run(_ arguments: [String], in folder: URL? = nil, input: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let given = Pipe()
        process.standardInput = given
        try process.run()
        given.fileHandleForWriting.write(Data((input ?? "").utf8))
        try given.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: executable.path)))
    func citationsReadsTheSeedsAndReportsUnreadableFiles() throws {
        let seeds = try TestPaths.seedFiles().map(\.path)
        let result = try run(["citations"] + seeds + ["/khong/co/tep.txt"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/khong/co/tep.txt"))
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count > 41)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["relation"] as? String == "can-cu" || object["relation"] as? String == "dan-chieu")
        }
        #expect(try run(["citations", seeds[0]]).status == 0)
    }

    /// A folder stands for the Markdown and text files below it, in the order of their paths;
    /// hidden files and folders and other kinds of file are left out.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: executable.path)))
    func citationsReadsEveryTextFileOfAFolder() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let seeds = try TestPaths.seedFiles()
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appendingPathComponent("b/c"), withIntermediateDirectories: true)
        try manager.createDirectory(at: folder.appendingPathComponent(".an"), withIntermediateDirectories: true)
        let placed = [
            ("a.txt", seeds[0]), ("b/c/d.txt", seeds[1]), ("b/e.TXT", seeds[2]), ("b/f.docx", seeds[3]),
            (".an/g.txt", seeds[4]), ("b/.h.txt", seeds[4])
        ]
        for (name, seed) in placed { try manager.copyItem(at: seed, to: folder.appendingPathComponent(name)) }
        // A link to a file is read; a link to a folder is not entered (its files would come twice).
        try manager.createSymbolicLink(
            atPath: folder.appendingPathComponent("b/lien-ket.txt").path, withDestinationPath: "../a.txt")
        try manager.createSymbolicLink(
            atPath: folder.appendingPathComponent("b/thu-muc").path, withDestinationPath: "c")
        let listed = try run(
            ["citations"] + ["a.txt", "b/c/d.txt", "b/e.TXT", "b/lien-ket.txt"].map { folder.path + "/" + $0 })
        let whole = try run(["citations", folder.path])
        #expect(whole.status == 0)
        #expect(whole.stdout.split(separator: "\n").count > 20)
        #expect(whole.stdout == listed.stdout)
        #expect(!whole.stdout.contains("f.docx") && !whole.stdout.contains(".an/") && !whole.stdout.contains(".h.txt"))
        #expect(!whole.stdout.contains("thu-muc"))
        // Written with slashes after it, or beside one of its files, the folder reads the same.
        #expect(try run(["citations", folder.path + "//"]).stdout == whole.stdout)
        #expect(try run(["citations", folder.path + "/a.txt", folder.path]).stdout == whole.stdout)
        // A folder with nothing to read is said, in Vietnamese, and the other files still read.
        let empty = folder.appendingPathComponent("b/c/trong")
        try manager.createDirectory(at: empty, withIntermediateDirectories: true)
        try manager.copyItem(at: seeds[3], to: empty.appendingPathComponent("van-ban.docx"))
        let withEmpty = try run(["citations", empty.path, folder.path + "/a.txt"])
        #expect(withEmpty.status == 1)
        #expect(withEmpty.stderr.contains(empty.path) && withEmpty.stderr.contains("thư mục không có tệp .md"))
        #expect(withEmpty.stdout == (try run(["citations", folder.path + "/a.txt"])).stdout)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: executable.path)))
    func buildPrintsOneSummaryLineAndFailsWithNonZeroStatus() throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.unit("th-a", name: "Trường A")
        try fixture.write(
            "content/units/th-a/2023-2024/a.md", "---\ntitle: A\nkind: ke-hoach\nnumber: 1/KH-A\n---\nx\n")
        let good = try run(["build"], in: fixture.root)
        #expect(good.status == 0)
        #expect(good.stdout.hasPrefix("Đã tạo "))
        #expect(good.stdout.contains(" trang (1 văn bản"))
        try fixture.write("content/units/th-a/2023-2024/b.md", "---\ntitle: B\n---\n")
        let bad = try run(["build", "--source", fixture.root.path])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("content/units/th-a/2023-2024/b.md:2: lỗi: khóa `kind`"))
        let english = try run(["check", "--source", fixture.root.path, "--lang", "en"])
        #expect(english.status != 0)
        #expect(english.stderr.contains("error: key `kind`: this required value is missing."))
    }

    /// Every command takes --lang, and tells its failures as diagnostics ("file: lỗi: …" or
    /// "file: error: …") in that language; a language it does not know is a usage error.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: executable.path)))
    func everyCommandSpeaksTheLanguageOfLang() throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.unit("th-a", name: "Trường A")
        try fixture.write(
            "content/units/th-a/2023-2024/a.md", "---\ntitle: A\nkind: ke-hoach\nnumber: 1/KH-A\n---\nx\n")
        let folder = fixture.root.path
        let cases: [(arguments: [String], vi: String, en: String)] = [
            (["build", "--source", folder + "/khong-co"], "lỗi: ", "error: "),
            (["check", "--source", folder + "/khong-co"], "lỗi: ", "error: "),
            (["citations", folder + "/khong-co.txt"], "lỗi: không đọc được tệp", "error: cannot read the file"),
            (
                ["import", folder + "/khong-co.txt", "--unit", "th-b", "--source", folder],
                "lỗi: không có đơn vị “th-b”", "error: there is no unit “th-b”"
            ),
            (
                ["new", folder + "/moi", "--unit", "TH A", "--name", "Trường A", "--unit-kind", "tieu-hoc"],
                "lỗi: mã đơn vị “TH A”", "error: unit id “TH A”"
            ),
            (
                ["archive", "--school-year", "2023", "--source", folder],
                "lỗi: “2023” không phải năm học", "error: “2023” is not a school year"
            ),
            (["verify", folder + "/khong-co.zip"], "lỗi: không mở được tệp lưu trữ", "error: cannot open the archive"),
            // A file system error, not one of congkhai's own, is told the same way.
            (
                ["archive", "--school-year", "2023-2024", "--source", folder, "--output", "/proc/congkhai/a.zip"],
                "lỗi: không tạo được tệp lưu trữ", "error: could not make the archive"
            )
        ]
        for (arguments, vi, en) in cases {
            let vietnamese = try run(arguments)
            #expect(vietnamese.status == 1, "\(arguments)")
            #expect(vietnamese.stderr.contains(vi), "\(arguments): \(vietnamese.stderr)")
            let english = try run(arguments + ["--lang", "en"])
            #expect(english.status == 1, "\(arguments)")
            #expect(english.stderr.contains(en), "\(arguments): \(english.stderr)")
            #expect(!english.stderr.contains(vi), "\(arguments) in English still says \(vi)")
        }
        let unknown = try run(["check", "--source", folder, "--lang", "fr"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("--lang"))
    }

    /// `new` starts a portal from the checklist; `check --as-of` reports its missing items in
    /// Vietnamese or English, exits 0, and 1 with --strict; a date that is no date is refused.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: executable.path)))
    func newAndCheckAsOf() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let portal = folder.appendingPathComponent("truong").path
        let started = try run([
            "new", portal, "--unit", "th-moi", "--name", "Trường Tiểu học Mới", "--unit-kind", "tieu-hoc", "--round",
            "2026"
        ])
        #expect(started.status == 0, "\(started.stderr)")
        #expect(started.stdout.contains("15 bản nháp cho đợt công khai năm 2026"))
        #expect(try run(["new", portal, "--unit", "th-moi", "--name", "X", "--unit-kind", "tieu-hoc"]).status == 1)
        let vi = try run(["check", "--source", portal, "--as-of", "2026-07-01"])
        #expect(vi.status == 0)
        #expect(vi.stderr.contains("cảnh báo: Trường Tiểu học Mới: mục “Kế hoạch tuyển sinh”"))
        #expect(vi.stdout.contains("0 lỗi, 14 cảnh báo."))
        let en = try run(["check", "--source", portal, "--as-of", "2026-07-01", "--lang", "en"])
        #expect(
            en.stderr.contains("warning: Trường Tiểu học Mới: item “Kế hoạch tuyển sinh”")
                && en.stderr.contains("is not on the portal"))
        let strict = try run(["check", "--source", portal, "--as-of", "2026-07-01", "--strict"])
        #expect(strict.status == 1 && strict.stdout.contains("14 lỗi"))
        #expect(try run(["check", "--source", portal, "--as-of", "1/7/2026"]).status == 64)
        let drafts = try run(["build", "--source", portal, "--drafts"])
        #expect(drafts.status == 0)
        #expect(FileManager.default.fileExists(atPath: portal + "/public/don-vi/th-moi/cong-khai/2026/index.html"))
    }

    /// `--version`: the version written in VERSION, and the commit when `make` built it.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: executable.path)))
    func versionIsTheOneInVersionWithItsCommit() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let version = try String(contentsOf: root.appendingPathComponent("VERSION"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let said = try run(["--version"])
        #expect(said.status == 0)
        #expect(said.stdout.hasPrefix("congkhai \(version) (commit "), "\(said.stdout)")
        let commitFile = root.appendingPathComponent("Sources/congkhai/BuildInfo/commit.txt")
        if let commit = try? String(contentsOf: commitFile, encoding: .utf8) {
            #expect(said.stdout.contains("(commit \(commit.trimmingCharacters(in: .whitespacesAndNewlines)))"))
        }
    }

    /// `user` keeps the desk's accounts: a password read from a pipe, kept as a bcrypt hash; a
    /// unit the portal lacks, a name taken, a short password refused, each with what to do.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: executable.path)))
    func userAddsListsChangesAndRemovesTheDesksAccounts() throws {
        let portal = try TestPaths.demoPortalCopy()
        defer { try? FileManager.default.removeItem(at: portal) }
        let source = ["--source", portal.path]
        let added = try run(["user", "add", "Lan.TH", "--unit", "th-mau"] + source, input: "mat-khau-truong\n")
        #expect(added.status == 0 && added.stdout.contains("Đã thêm tài khoản lan.th (đơn vị: th-mau)"))
        let file = portal.appendingPathComponent("congkhai-users.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(
            text.contains("name: lan.th") && text.contains("password_bcrypt: $2b$12$") && !text.contains("mat-khau"))
        let unknown = try run(["user", "add", "ha", "--unit", "khong-co"] + source, input: "mat-khau-truong\n")
        #expect(unknown.status == 1 && unknown.stderr.contains("“khong-co”") && unknown.stderr.contains("th-mau"))
        let again = try run(["user", "add", "lan.th", "--unit", "th-mau"] + source, input: "mat-khau-khac\n")
        #expect(again.status == 1 && again.stderr.contains("congkhai user password lan.th"))
        let short = try run(["user", "add", "ha", "--unit", "th-mau"] + source, input: "ngan\n")
        #expect(short.status == 1 && short.stderr.contains("ít nhất 8 ký tự"))
        #expect(try run(["user", "list"] + source).stdout == "lan.th\tth-mau\n")
        // A unit folder renamed: the account is listed with a warning.
        try FileManager.default.moveItem(
            at: portal.appendingPathComponent("content/units/th-mau"),
            to: portal.appendingPathComponent("content/units/th-mau-moi"))
        let gone = try run(["user", "list"] + source)
        #expect(gone.stderr.contains("cổng không còn đơn vị th-mau"))
        try FileManager.default.moveItem(
            at: portal.appendingPathComponent("content/units/th-mau-moi"),
            to: portal.appendingPathComponent("content/units/th-mau"))
        // Outside a portal (a forgotten cd): said so, not "no accounts".
        let elsewhere = try run(["user", "list", "--source", portal.appendingPathComponent("content").path])
        #expect(elsewhere.status == 1 && elsewhere.stderr.contains("không phải cổng (không có congkhai.yaml)"))
        let changed = try run(["user", "password", "lan.th"] + source, input: "mat-khau-moi-1\n")
        #expect(changed.status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8) != text)
        #expect(try run(["user", "remove", "ha"] + source).status == 1)
        #expect(try run(["user", "remove", "lan.th"] + source).status == 0)
        #expect(try run(["user", "list"] + source).stdout.contains("Chưa có tài khoản nào"))
    }

    /// `serve` refuses what it cannot do safely, before building anything: another computer's
    /// address, a path that is no URL path, a port another program holds (said with one to try).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: executable.path)))
    func serveRefusesOtherHostsBadPathsAndAPortInUse() throws {
        let portal = try TestPaths.demoPortalCopy()
        defer { try? FileManager.default.removeItem(at: portal) }
        let host = try run(["serve", "--source", portal.path, "--host", "0.0.0.0"])
        #expect(host.status == 1)
        #expect(host.stderr.contains("--host: lỗi: mở bàn soạn thảo cho máy khác (“0.0.0.0”) cần tài khoản"))
        #expect(host.stderr.contains("https") && host.stderr.contains("--server-name"))
        let base = try run(["serve", "--source", portal.path, "--base", "/công khai/"])
        #expect(base.status == 1 && base.stderr.contains("--base: lỗi:"))
        #expect(!FileManager.default.fileExists(atPath: portal.appendingPathComponent(".congkhai-serve").path))
        // A port held by a listening socket of this process.
        let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(holder) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(holder, socketAddress, length) == 0 && listen(holder, 1) == 0
                    && getsockname(holder, socketAddress, &length) == 0
            }
        }
        try #require(bound)
        let port = Int(UInt16(bigEndian: address.sin_port))
        let inUse = try run(["serve", "--source", portal.path, "--port", String(port)])
        #expect(inUse.status == 1)
        #expect(inUse.stderr.contains("--port: lỗi: cổng \(port) đang được chương trình khác dùng"))
        #expect(inUse.stderr.contains("Cách sửa: chọn cổng khác"))
        // Said before anything is built.
        #expect(!FileManager.default.fileExists(atPath: portal.appendingPathComponent(".congkhai-serve/trang").path))
    }
}
