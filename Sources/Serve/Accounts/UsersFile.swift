import CongKhai
import Foundation
import VietText
import Yams

/// The desk's accounts, in `congkhai-users.yaml` beside congkhai.yaml: outside content/, so never
/// built into a site, and readable by the file's owner only. Written by `congkhai user`; read
/// by `serve` again whenever it changes, so an account added is usable at once.
package struct UsersFile: Sendable {
    package static let name = "congkhai-users.yaml"

    package let file: URL

    package init(portal: URL) {
        file = portal.appendingPathComponent(Self.name)
    }

    package var exists: Bool { FileManager.default.fileExists(atPath: file.path) }

    struct Contents: Codable {
        var users: [Account]
    }

    /// The accounts, each problem of the file said with its line.
    package func load() throws(BuildFailure) -> [Account] {
        let text: String
        do { text = try String(contentsOf: file, encoding: .utf8) } catch {
            throw BuildFailure([
                problem(
                    "users.unreadable", line: nil,
                    .init(
                        vi: "không đọc được tệp tài khoản (\(error.localizedDescription)).",
                        en: "cannot read the users file (\(error.localizedDescription))."),
                    fix: .init(
                        vi: "tạo lại tài khoản bằng `congkhai user add TÊN --unit MÃ-ĐƠN-VỊ`.",
                        en: "add the accounts again with `congkhai user add NAME --unit UNIT-ID`."))
            ])
        }
        let node: Node?
        do { node = try Yams.compose(yaml: text, .basic, .default, .utf8) } catch {
            let (line, _, said) = (error as? YamlError).map(YAMLFields.place) ?? (nil, nil, "\(error)")
            throw BuildFailure([
                problem(
                    "users.yaml", line: line,
                    .init(
                        vi: "tệp tài khoản viết sai cú pháp YAML (\(said)).",
                        en: "the users file is not YAML (\(said))."),
                    fix: Self.howToMend)
            ])
        }
        guard let node else { return [] }
        var accounts: [Account] = []
        var problems: [Diagnostic] = []
        guard let entries = node.mapping?["users"]?.sequence else {
            throw BuildFailure([
                problem(
                    "users.shape", line: node.mark?.line,
                    .init(vi: "tệp tài khoản phải có danh sách `users:`.", en: "the users file needs a `users:` list."),
                    fix: Self.howToMend)
            ])
        }
        var seen: Set<String> = []
        for entry in entries {
            let line = entry.mark?.line
            guard let name = entry.mapping?["name"]?.string, let hash = entry.mapping?["password_bcrypt"]?.string,
                let units = entry.mapping?["units"]?.sequence?.compactMap(\.string), !units.isEmpty
            else {
                problems.append(
                    problem(
                        "users.entry", line: line,
                        .init(
                            vi: "mỗi tài khoản cần `name`, `units` (danh sách mã đơn vị) và `password_bcrypt`.",
                            en: "each account needs `name`, `units` (a list of unit ids) and `password_bcrypt`."),
                        fix: Self.howToMend))
                continue
            }
            guard Account.isValidName(name) else {
                problems.append(
                    problem(
                        "users.name", line: line,
                        .init(
                            vi:
                                "tên tài khoản “\(name)” chỉ được gồm chữ thường không dấu, số, “.”, “-”, “_” (2–32 ký tự).",
                            en: "account name “\(name)” may hold only a–z, 0–9, “.”, “-”, “_” (2–32 characters)."),
                        fix: Self.howToMend))
                continue
            }
            guard seen.insert(name).inserted else {
                problems.append(
                    problem(
                        "users.duplicate", line: line,
                        .init(vi: "tài khoản “\(name)” có hai lần.", en: "account “\(name)” is given twice."),
                        fix: .init(
                            vi: "xóa một lần bằng `congkhai user remove \(name)` rồi thêm lại.",
                            en: "remove it with `congkhai user remove \(name)` and add it again.")))
                continue
            }
            // A hash bcrypt made ($2a$, $2b$ or $2y$, cost, 53 characters), never a password.
            guard hash.hasPrefix("$2"), hash.count == 60 else {
                problems.append(
                    problem(
                        "users.password", line: line,
                        .init(
                            vi:
                                "mật khẩu của “\(name)” không phải dạng băm bcrypt; tệp không bao giờ chứa mật khẩu thật.",
                            en: "the password of “\(name)” is not a bcrypt hash; the file never holds a password."),
                        fix: .init(
                            vi: "đặt lại mật khẩu bằng `congkhai user password \(name)`.",
                            en: "set it again with `congkhai user password \(name)`.")))
                continue
            }
            accounts.append(Account(name: name, units: units, passwordHash: hash))
        }
        guard problems.isEmpty else { throw BuildFailure(problems) }
        return accounts
    }

    /// Writes the accounts, sorted by name, readable by this computer's account only; the
    /// file is replaced whole, never left half written.
    package func save(_ accounts: [Account]) throws {
        let sorted = accounts.sorted { $0.name < $1.name }
        let yaml = try YAMLEncoder().encode(Contents(users: sorted))
        let text =
            "# Tài khoản của bàn soạn thảo (congkhai serve). Sửa bằng lệnh `congkhai user`; mật khẩu chỉ lưu\n"
            + "# dạng băm bcrypt. Không chép tệp này lên mạng.\n" + yaml
        try PrivateFile.write(Data(text.utf8), to: file)
    }

    static let howToMend = LocalizedText(
        vi: "sửa tệp bằng lệnh `congkhai user` (add, remove, password) thay vì sửa tay.",
        en: "change it with `congkhai user` (add, remove, password) rather than by hand.")

    private func problem(_ code: String, line: Int?, _ message: LocalizedText, fix: LocalizedText) -> Diagnostic {
        Diagnostic(.error, code, file: Self.name, line: line, message: message, fix: fix)
    }
}
