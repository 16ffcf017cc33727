import CongKhai
import Foundation
import TestSupport
import Testing
import VietText

@testable import Serve

struct UsersFileTests {
    @Test func accountsAreWrittenForTheOwnerOnlyAndReadBack() throws {
        let portal = try PortalFixture()
        defer { portal.remove() }
        let file = UsersFile(portal: portal.root)
        #expect(!file.exists)
        let accounts = [
            Account(name: "phong", units: ["pgd"], passwordHash: "$2b$12$" + String(repeating: "a", count: 53)),
            Account(name: "lan", units: ["th-a", "th-b"], passwordHash: "$2b$12$" + String(repeating: "b", count: 53))
        ]
        try file.save(accounts)
        #expect(try file.load() == accounts.sorted { $0.name < $1.name })
        let attributes = try FileManager.default.attributesOfItem(atPath: file.file.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let text = try String(contentsOf: file.file, encoding: .utf8)
        #expect(text.hasPrefix("# Tài khoản của bàn soạn thảo") && text.contains("password_bcrypt:"))
        // Never inside content/: a build never publishes it.
        #expect(file.file.path == portal.root.appendingPathComponent("congkhai-users.yaml").path)
    }

    @Test func eachProblemOfTheFileIsSaidWithItsLine() throws {
        let portal = try PortalFixture()
        defer { portal.remove() }
        let file = UsersFile(portal: portal.root)
        func problems(_ text: String) throws -> [Diagnostic] {
            try portal.write(UsersFile.name, text)
            do {
                _ = try file.load()
                return []
            } catch { return error.diagnostics }
        }
        let hash = "$2b$12$" + String(repeating: "c", count: 53)
        let syntax = try problems("users:\n  - name: lan\n   units: [a]\n")
        #expect(syntax.map(\.code) == ["users.yaml"] && syntax.first?.line == 3)
        let missing = try problems(
            "users:\n- name: lan\n  units: [a]\n  password_bcrypt: \(hash)\n- name: ha\n  units: [b]\n")
        #expect(missing.map(\.code) == ["users.entry"] && missing.first?.line == 5)
        let clear = try problems("users:\n- name: lan\n  units: [a]\n  password_bcrypt: matkhau123\n")
        #expect(clear.map(\.code) == ["users.password"] && clear.first?.message.vi.contains("không bao giờ") == true)
        let twice = try problems(
            "users:\n- name: lan\n  units: [a]\n  password_bcrypt: \(hash)\n- name: lan\n  units: [b]\n  password_bcrypt: \(hash)\n"
        )
        #expect(twice.map(\.code) == ["users.duplicate"] && twice.first?.line == 5)
        #expect(try problems("- lan\n").map(\.code) == ["users.shape"])
        #expect(
            try problems("users:\n- name: Lân\n  units: [a]\n  password_bcrypt: \(hash)\n").map(\.code) == [
                "users.name"
            ])
    }
}
