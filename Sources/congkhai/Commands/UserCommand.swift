import ArgumentParser
import CongKhai
import Foundation
import Serve
import VietText

/// `congkhai user`: the accounts of the publishing desk, in congkhai-users.yaml beside
/// congkhai.yaml.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Tài khoản của bàn soạn thảo (congkhai serve): thêm, xem, đổi mật khẩu, xóa.",
        subcommands: [Add.self, List.self, Password.self, Remove.self])

    /// What every `user` subcommand takes.
    struct Portal: ParsableArguments {
        @Option(help: "Thư mục của cổng (chứa congkhai.yaml).")
        var source: String = "."

        @OptionGroup var lang: MessageLanguage

        var folder: URL { URL(fileURLWithPath: source) }
        var console: Console { Console(language: lang.language) }
        var usersFile: UsersFile { UsersFile(portal: folder) }

        /// Runs `change` with the portal's folder locked: two `congkhai user` at once would
        /// otherwise each write the file without the other's change.
        func locked<T>(_ change: () throws -> T) throws -> T {
            let descriptor = open(folder.path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return try change() }
            defer { close(descriptor) }
            flock(descriptor, LOCK_EX)
            defer { flock(descriptor, LOCK_UN) }
            return try change()
        }

        /// Changes the account `typed` names, locked, and says what was done; an account not
        /// there is said so.
        func changing(_ typed: String, _ change: (inout [Account], Int) throws -> LocalizedText) throws {
            try locked {
                let name = Account.normalisedName(typed)
                var accounts = try accounts()
                guard let index = accounts.firstIndex(where: { $0.name == name }) else {
                    throw refuse(
                        "user.missing",
                        .init(vi: "không có tài khoản “\(name)”.", en: "there is no account “\(name)”."),
                        fix: .init(
                            vi: "xem các tài khoản bằng `congkhai user list`.",
                            en: "list them with `congkhai user list`."))
                }
                let done = try change(&accounts, index)
                try save(accounts)
                console.say(done)
            }
        }

        /// The accounts as they are, none when there is no file yet; refused outside a portal
        /// (a forgotten `cd` would otherwise read as "no accounts").
        func accounts() throws -> [Account] {
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("congkhai.yaml").path) else {
                console.report([
                    Diagnostic(
                        .error, "user.not-a-portal", file: source,
                        message: .init(
                            vi:
                                "thư mục “\(folder.standardizedFileURL.path)” không phải cổng (không có congkhai.yaml).",
                            en: "“\(folder.standardizedFileURL.path)” is not a portal (no congkhai.yaml)."),
                        fix: .init(
                            vi: "cd vào thư mục của cổng, hoặc thêm `--source THƯ-MỤC-CỔNG`.",
                            en: "cd into the portal's folder, or add `--source PORTAL-FOLDER`."))
                ])
                throw ExitCode(1)
            }
            guard usersFile.exists else { return [] }
            do { return try usersFile.load() } catch { throw console.failure(error) }
        }

        func save(_ accounts: [Account]) throws {
            do { try usersFile.save(accounts) } catch {
                throw console.failure(error, file: UsersFile.name)
            }
        }

        func refuse(_ code: String, _ message: LocalizedText, fix: LocalizedText) -> ExitCode {
            console.report([Diagnostic(.error, code, file: UsersFile.name, message: message, fix: fix)])
            return ExitCode(1)
        }

        /// A new password, asked and checked.
        func password(for name: String) throws -> String {
            guard
                let password = PasswordPrompt.read(
                    .init(vi: "Mật khẩu cho \(name): ", en: "Password for \(name): "), language: lang.language)
            else { throw ExitCode(1) }
            if let problem = Account.passwordProblem(password) {
                throw refuse(
                    "user.weak-password", problem,
                    fix: .init(
                        vi: "chọn mật khẩu từ 8 ký tự, dễ nhớ với người dùng, khó đoán với người khác.",
                        en: "choose one of 8 characters or more."))
            }
            return password
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Thêm tài khoản cho một hoặc nhiều đơn vị (tài khoản của phòng/sở soạn được cả cho các đơn vị trực thuộc).",
            // --unit is required (refused, with the portal's units, when missing), though an
            // array option with a default shows as optional in the usage the parser makes.
            usage: "congkhai user add <name> --unit <unit> [--unit <unit> ...] [--source <source>] [--lang <lang>]"
        )

        @Argument(help: "Tên tài khoản: chữ thường không dấu, số, “.”, “-”, “_”; ví dụ lan.thcs-a.")
        var name: String

        @Option(
            name: .customLong("unit"), help: "Mã đơn vị (thư mục trong content/units/); ghi nhiều lần cho nhiều đơn vị."
        )
        var units: [String] = []

        @OptionGroup var portal: Portal

        func run() throws { try portal.locked(change) }

        func change() throws {
            let name = Account.normalisedName(self.name)
            guard Account.isValidName(name) else {
                throw portal.refuse(
                    "user.bad-name",
                    .init(
                        vi: "tên tài khoản “\(self.name)” không dùng được.",
                        en: "account name “\(self.name)” cannot be used."),
                    fix: .init(
                        vi: "dùng 2–32 chữ thường không dấu, số, “.”, “-”, “_”, ví dụ `lan.thcs-a`.",
                        en: "use 2–32 of a–z, 0–9, “.”, “-”, “_”, e.g. `lan.thcs-a`."))
            }
            var accounts = try portal.accounts()
            guard !accounts.contains(where: { $0.name == name }) else {
                throw portal.refuse(
                    "user.exists", .init(vi: "đã có tài khoản “\(name)”.", en: "account “\(name)” exists already."),
                    fix: .init(
                        vi: "chọn tên khác, hoặc `congkhai user password \(name)` để đặt lại mật khẩu.",
                        en: "choose another name, or `congkhai user password \(name)` to set its password."))
            }
            let known = ContentLoader(root: portal.folder).settingsAndUnits().units.map(\.id).sorted()
            let unknown = units.filter { !known.contains($0) }
            guard !units.isEmpty, unknown.isEmpty else {
                throw portal.refuse(
                    "user.unknown-unit",
                    units.isEmpty
                        ? .init(vi: "chưa ghi đơn vị của tài khoản.", en: "the account's unit is not given.")
                        : .init(
                            vi: "cổng không có đơn vị \(unknown.map { "“\($0)”" }.joined(separator: ", ")).",
                            en: "the portal has no unit \(unknown.map { "“\($0)”" }.joined(separator: ", "))."),
                    fix: .init(
                        vi: "thêm `--unit MÃ` với một trong: \(known.joined(separator: ", ")).",
                        en: "add `--unit ID` with one of: \(known.joined(separator: ", "))."))
            }
            let password = try portal.password(for: name)
            accounts.append(Account(name: name, units: units, password: password))
            try portal.save(accounts)
            portal.console.say(
                LocalizedText(
                    vi: "Đã thêm tài khoản \(name) (đơn vị: \(units.joined(separator: ", "))) vào \(UsersFile.name).",
                    en: "Added account \(name) (units: \(units.joined(separator: ", "))) to \(UsersFile.name)."))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liệt kê các tài khoản và đơn vị của chúng.")

        @OptionGroup var portal: Portal

        func run() throws {
            let accounts = try portal.accounts()
            if accounts.isEmpty {
                portal.console.say(
                    LocalizedText(
                        vi: "Chưa có tài khoản nào. Thêm bằng `congkhai user add TÊN --unit MÃ-ĐƠN-VỊ`.",
                        en: "No accounts yet. Add one with `congkhai user add NAME --unit UNIT-ID`."))
            }
            let known = Set(ContentLoader(root: portal.folder).settingsAndUnits().units.map(\.id))
            for account in accounts {
                print("\(account.name)\t\(account.units.joined(separator: ", "))")
                // A unit folder renamed or removed leaves the account writing for nothing there.
                let gone = account.units.filter { !known.contains($0) }
                if !gone.isEmpty {
                    portal.console.report([
                        Diagnostic(
                            .warning, "user.unit-gone", file: UsersFile.name, key: account.name,
                            message: .init(
                                vi: "cổng không còn đơn vị \(gone.joined(separator: ", ")) của tài khoản này.",
                                en: "the portal no longer has unit \(gone.joined(separator: ", ")) of this account."),
                            fix: .init(
                                vi:
                                    "xóa rồi thêm lại tài khoản với mã đơn vị đúng (`congkhai user remove`, `congkhai user add`).",
                                en: "remove the account and add it again with the right unit id."))
                    ])
                }
            }
        }
    }

    struct Password: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Đặt mật khẩu mới cho một tài khoản (phiên đang mở của tài khoản đó kết thúc).")

        @Argument(help: "Tên tài khoản.")
        var name: String

        @OptionGroup var portal: Portal

        func run() throws {
            try portal.changing(name) { accounts, index in
                let name = accounts[index].name
                accounts[index] = Account(
                    name: name, units: accounts[index].units, password: try portal.password(for: name))
                return LocalizedText(vi: "Đã đặt mật khẩu mới cho \(name).", en: "Set a new password for \(name).")
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Xóa một tài khoản (văn bản nó đã lưu vẫn giữ nguyên; nhật ký vẫn ghi tên nó).")

        @Argument(help: "Tên tài khoản.")
        var name: String

        @OptionGroup var portal: Portal

        func run() throws {
            try portal.changing(name) { accounts, index in
                let name = accounts.remove(at: index).name
                return LocalizedText(vi: "Đã xóa tài khoản \(name).", en: "Removed account \(name).")
            }
        }
    }
}
