import ArgumentParser
import CongKhai
import Foundation
import Import
import VietText

@main
struct CongKhaiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "congkhai",
        abstract: "Tạo trang công khai thông tin của trường học từ văn bản Markdown.",
        subcommands: [
            BuildCommand.self, CheckCommand.self, CitationsCommand.self, ImportCommand.self, NewCommand.self,
            ArchiveCommand.self, VerifyCommand.self
        ]
    )
}

/// Today in Vietnam: the command line reads the clock, the library never does.
func todayInVietnam() -> CalendarDay {
    // Vietnam keeps UTC+7 all year.
    let parts = Calendar(identifier: .gregorian).dateComponents(
        in: TimeZone(secondsFromGMT: 7 * 3600) ?? .current, from: Date())
    return CalendarDay(year: parts.year ?? 2025, month: parts.month ?? 1, day: parts.day ?? 1)
}

/// Prints problems on standard error, in the chosen language.
func report(_ diagnostics: [Diagnostic], language: Language) {
    for diagnostic in diagnostics {
        FileHandle.standardError.write(Data((diagnostic.formatted(language) + "\n").utf8))
    }
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Tạo trang web tĩnh vào thư mục public/.")

    @Option(help: "Thư mục của cổng (chứa congkhai.yaml và content/).")
    var source: String = "."

    @Option(help: "Thư mục xuất (mặc định: <source>/public).")
    var output: String?

    @Flag(help: "Tạo cả các văn bản nháp (draft: true).")
    var drafts = false

    @Flag(help: "In thời gian của từng bước.")
    var verbose = false

    @Flag(help: "Tạo lại toàn bộ, không dùng bộ nhớ đệm của lần trước.")
    var full = false

    @Option(help: "Ngôn ngữ thông báo: vi hoặc en.")
    var lang: String = "vi"

    func run() throws {
        let language = Language(rawValue: lang) ?? .vi
        let sourceURL = URL(fileURLWithPath: source)
        var options = BuildOptions(
            source: sourceURL, output: output.map { URL(fileURLWithPath: $0) }, includeDrafts: drafts, full: full)
        options.endsProcess = true
        do {
            let result = try Builder(options: options).build()
            // A portal of thousands of documents can have thousands of warnings: the first
            // ones and a count, the rest through `congkhai check`.
            report(Array(result.warnings.prefix(50)), language: language)
            if result.warnings.count > 50 {
                FileHandle.standardError.write(
                    Data(
                        "… và \(result.warnings.count - 50) cảnh báo khác; chạy `congkhai check` để xem tất cả.\n".utf8)
                )
            }
            print(result.summary)
            if verbose {
                for (step, seconds) in result.timings {
                    print(
                        "  " + step.padding(toLength: 24, withPad: " ", startingAt: 0)
                            + String(format: "%8.3f s", seconds))
                }
                for (step, seconds) in result.partTimings {
                    print(
                        "    " + step.padding(toLength: 22, withPad: " ", startingAt: 0)
                            + String(format: "%8.3f s", seconds))
                }
            }
            print("Mở trang: \(result.output.appendingPathComponent("index.html").path)")
        } catch {
            report(error.diagnostics, language: language)
            let errors = error.diagnostics.filter { $0.severity == .error }.count
            FileHandle.standardError.write(
                Data("Không tạo được trang: \(errors) lỗi. Trang cũ (nếu có) vẫn được giữ nguyên.\n".utf8))
            throw ExitCode(1)
        }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Kiểm tra cổng mà không tạo trang web.",
        discussion: "Mã thoát: 0 khi không có lỗi (có thể có cảnh báo), 1 khi có lỗi, 64 khi dòng lệnh sai.")

    enum Format: String, ExpressibleByArgument { case text, json }

    @Option(help: "Thư mục của cổng.")
    var source: String = "."

    @Option(help: "Định dạng kết quả: text hoặc json.")
    var format: Format = .text

    @Option(help: "Ngôn ngữ thông báo: vi hoặc en.")
    var lang: String = "vi"

    @Flag(help: "Kiểm tra cả các văn bản nháp.")
    var drafts = false

    @Option(
        name: .customLong("as-of"),
        help: "Ngày đối chiếu hạn công khai theo Thông tư 09/2024, dạng YYYY-MM-DD (mặc định: hôm nay).")
    var asOf: String?

    @Flag(
        help:
            "Coi các mục công khai thiếu, muộn hoặc chưa ghi ngày là lỗi (mã thoát 1), cho kiểm tra tự động của phòng, sở."
    )
    var strict = false

    func validate() throws {
        if let asOf, IssuedDate(iso: asOf)?.day == nil {
            throw ValidationError("--as-of phải là một ngày dạng YYYY-MM-DD, ví dụ 2026-07-01 (nhận được “\(asOf)”).")
        }
    }

    func run() throws {
        let language = Language(rawValue: lang) ?? .vi
        let day = asOf.flatMap { IssuedDate(iso: $0) }.flatMap(CalendarDay.init) ?? todayInVietnam()
        let diagnostics = Builder(options: BuildOptions(source: URL(fileURLWithPath: source), includeDrafts: drafts))
            .check(asOf: day, strict: strict)
        let errors = diagnostics.filter { $0.severity == .error }.count
        switch format {
        case .text:
            report(diagnostics, language: language)
            print(
                language == .vi
                    ? "\(errors) lỗi, \(diagnostics.count - errors) cảnh báo."
                    : "\(errors) errors, \(diagnostics.count - errors) warnings.")
        case .json:
            print(DiagnosticJSON.encode(diagnostics, language: language))
        }
        if errors > 0 { throw ExitCode(1) }
    }

}

struct CitationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "citations",
        abstract: "In các văn bản được trích dẫn trong tệp Markdown hoặc văn bản thường, mỗi dòng một đối tượng JSON.")

    @Argument(help: "Các tệp cần đọc.")
    var files: [String]

    func run() throws {
        let citationReport = CitationReport()
        var failed = false
        for path in files {
            do {
                let text = try CitationReport.text(of: URL(fileURLWithPath: path))
                let output = citationReport.jsonLines(citationReport.lines(file: path, text: text))
                if !output.isEmpty { print(output) }
            } catch {
                failed = true
                let reason: String
                switch error {
                case .notUTF8(let line, let column): reason = "không phải văn bản UTF-8 (dòng \(line), cột \(column))"
                case .unreadable(let why): reason = "không đọc được (\(why))"
                case .tooLarge(let bytes): reason = "tệp quá lớn (\(bytes) byte)"
                }
                FileHandle.standardError.write(Data("\(path): lỗi: \(reason)\n".utf8))
            }
        }
        if failed { throw ExitCode(1) }
    }
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Nhập văn bản Word (.docx), PDF hoặc văn bản thường thành văn bản của cổng.")

    @Argument(help: "Các tệp cần nhập.")
    var files: [String]

    @Option(help: "Mã đơn vị (tên thư mục trong content/units/).")
    var unit: String

    @Option(help: "Thư mục của cổng.")
    var source: String = "."

    @Option(help: "Ghi vào thư mục này (mặc định: thư mục năm học của đơn vị).")
    var output: String?

    @Option(name: .customLong("school-year"), help: "Năm học, ví dụ 2023-2024, khi văn bản không ghi ngày.")
    var schoolYear: String?

    @Flag(help: "Ghi đè tệp đã có.")
    var force = false

    @Option(help: "Ngày công khai ghi vào `published:`, dạng YYYY-MM-DD (mặc định: hôm nay).")
    var published: String?

    func validate() throws {
        if let published, IssuedDate(iso: published)?.day == nil {
            throw ValidationError(
                "--published phải là một ngày dạng YYYY-MM-DD, ví dụ 2026-06-20 (nhận được “\(published)”).")
        }
    }

    @Flag(name: .customLong("no-attach"), help: "Không chép bản gốc .docx/.pdf làm tệp đính kèm.")
    var noAttach = false

    func run() throws {
        let importer = Importer(
            options: .init(
                portal: URL(fileURLWithPath: source), unitID: unit, output: output.map { URL(fileURLWithPath: $0) },
                force: force, attach: !noAttach, schoolYear: schoolYear,
                published: published.flatMap { IssuedDate(iso: $0) } ?? todayInVietnam().date))
        var failed = false
        var written = Set<URL>()
        for path in files {
            do {
                let result = try importer.importFile(URL(fileURLWithPath: path), written: written)
                written.insert(result.written)
                print(result.written.path)
                for warning in result.warnings {
                    FileHandle.standardError.write(
                        Data("\(path):\(warning.line.map { "\($0):" } ?? "") cảnh báo: \(warning.message.vi)\n".utf8))
                }
            } catch {
                failed = true
                FileHandle.standardError.write(Data("\(error.description)\n".utf8))
            }
        }
        if failed { throw ExitCode(1) }
    }
}

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Tạo cổng mới cho một trường, với bản nháp cho mỗi mục phải công khai theo Thông tư 09/2024.")

    @Argument(help: "Thư mục của cổng mới.")
    var portal: String

    @Option(help: "Mã đơn vị (tên thư mục, chữ thường không dấu), ví dụ th-an-phuoc.")
    var unit: String

    @Option(help: "Tên đơn vị, ví dụ \"Trường Tiểu học An Phước\".")
    var name: String

    @Option(name: .customLong("unit-kind"), help: "Loại đơn vị: mam-non, tieu-hoc, thcs, thpt, lien-cap, gdtx ...")
    var unitKind: String

    @Option(help: "Năm của đợt công khai (hạn 30/6 của năm đó); mặc định: đợt chứa ngày hôm nay.")
    var round: Int?

    func run() throws {
        let starter = PortalStarter(
            folder: URL(fileURLWithPath: portal), unitID: unit, unitName: name, unitKind: unitKind,
            round: round
                ?? max(
                    ObligationCatalogue.builtIn.firstRound,
                    ObligationCatalogue.builtIn.round(containing: todayInVietnam())))
        do {
            let files = try starter.write()
            for file in files { print(URL(fileURLWithPath: portal).appendingPathComponent(file).path) }
            let drafts = files.filter { $0.hasSuffix(".md") }.count
            print(
                "Đã tạo cổng với \(drafts) bản nháp cho đợt công khai năm \(starter.round). Điền nội dung, ghi `published:` và bỏ `draft: true` khi công khai; xem bằng `congkhai build --source \(portal) --drafts`."
            )
        } catch {
            FileHandle.standardError.write(Data("lỗi: \(error.message.vi)\n".utf8))
            throw ExitCode(1)
        }
    }
}

struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Tạo bản lưu trữ (.zip) của một năm học, xem được khi không có mạng, kèm MANIFEST.sha256.")

    @Option(name: .customLong("school-year"), help: "Năm học, ví dụ 2023-2024.")
    var schoolYear: String

    @Option(help: "Thư mục của cổng.")
    var source: String = "."

    @Option(help: "Tệp .zip sẽ tạo (mặc định: archives/cong-khai-<năm học>.zip trong thư mục cổng).")
    var output: String?

    func run() throws {
        let portal = URL(fileURLWithPath: source)
        let target =
            output.map { URL(fileURLWithPath: $0) }
            ?? portal.appendingPathComponent("archives/cong-khai-\(schoolYear).zip")
        do {
            let files = try YearArchive.create(portal: portal, schoolYear: schoolYear, output: target)
            print("Đã lưu trữ năm học \(schoolYear): \(files) tệp → \(target.path)")
        } catch let failure as BuildFailure {
            for diagnostic in failure.diagnostics {
                FileHandle.standardError.write(Data((diagnostic.formatted() + "\n").utf8))
            }
            throw ExitCode(1)
        } catch {
            FileHandle.standardError.write(Data("lỗi: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Kiểm tra một bản lưu trữ .zip theo MANIFEST.sha256 bên trong.")

    @Argument(help: "Tệp .zip cần kiểm tra.")
    var file: String

    func run() throws {
        do {
            let problems = try YearArchive.verify(URL(fileURLWithPath: file))
            if problems.isEmpty {
                print("Bản lưu trữ nguyên vẹn: mọi tệp khớp MANIFEST.sha256.")
            } else {
                for problem in problems { FileHandle.standardError.write(Data("\(file): \(problem)\n".utf8)) }
                FileHandle.standardError.write(Data("Bản lưu trữ KHÔNG nguyên vẹn: \(problems.count) vấn đề.\n".utf8))
                throw ExitCode(1)
            }
        } catch let failure as YearArchive.Failure {
            FileHandle.standardError.write(Data("\(file): lỗi: \(failure.message.vi)\n".utf8))
            throw ExitCode(1)
        }
    }
}
