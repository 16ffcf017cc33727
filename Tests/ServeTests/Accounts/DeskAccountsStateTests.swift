import Foundation
import TestSupport
import Testing

@testable import Serve

/// `DeskAccounts` itself: when the desk asks who is there, sessions ended for good, names no
/// account can have.
struct DeskAccountsStateTests {
    @Test func aDeskAsksOnceAUsersFileAppearsAndNeverStopsAsking() throws {
        let portal = try PortalFixture()
        defer { portal.remove() }
        let file = UsersFile(portal: portal.root)
        let accounts = try DeskAccounts(
            usersFile: file, folder: portal.root.appendingPathComponent(".congkhai-serve"), shared: false)
        #expect(!accounts.asking)
        try file.save([])
        #expect(accounts.asking)
        try FileManager.default.removeItem(at: file.file)
        // Removed: nobody gets in, rather than everybody.
        #expect(accounts.asking)
        if case .success(let found) = accounts.accounts() { #expect(found.isEmpty) } else { Issue.record("read") }
        let shared = try DeskAccounts(
            usersFile: file, folder: portal.root.appendingPathComponent(".congkhai-serve"), shared: true)
        #expect(shared.asking)
    }

    @Test func aSessionEndedStaysEndedAfterARestart() throws {
        let portal = try PortalFixture()
        defer { portal.remove() }
        let file = UsersFile(portal: portal.root)
        let lan = Account(name: "lan", units: ["th-1"], passwordHash: "$2b$12$" + String(repeating: "a", count: 53))
        try file.save([lan])
        let folder = portal.root.appendingPathComponent(".congkhai-serve")
        let now = Date()
        let first = try DeskAccounts(usersFile: file, folder: folder, shared: false)
        let value = first.cookie.value(for: lan, now: now)
        let kept = first.cookie.value(for: lan, now: now)
        let session = try #require(first.account(session: value, now: now)?.session)
        try first.end(session, now: now)
        #expect(first.account(session: value, now: now) == nil)
        // The same key after a restart: the ended session stays ended, the other goes on.
        let restarted = try DeskAccounts(usersFile: file, folder: folder, shared: false)
        #expect(restarted.account(session: value, now: now) == nil)
        #expect(restarted.account(session: kept, now: now)?.account == lan)
        let attributes = try FileManager.default.attributesOfItem(atPath: restarted.endedFile.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func aNewPasswordSetByTheAdministratorLiftsTheWait() throws {
        let portal = try PortalFixture()
        defer { portal.remove() }
        let file = UsersFile(portal: portal.root)
        try file.save([Account(name: "lan", units: ["th-1"], password: "mat-khau-cu-1")])
        let accounts = try DeskAccounts(
            usersFile: file, folder: portal.root.appendingPathComponent(".congkhai-serve"), shared: true)
        let now = Date()
        for _ in 0..<LoginThrottle.freeTries { _ = accounts.signIn(name: "lan", password: "sai-mat-khau", now: now) }
        guard case .wait = accounts.signIn(name: "lan", password: "mat-khau-cu-1", now: now) else {
            Issue.record("not slowed")
            return
        }
        try file.save([Account(name: "lan", units: ["th-1"], password: "mat-khau-moi-1")])
        guard case .signedIn = accounts.signIn(name: "lan", password: "mat-khau-moi-1", now: now) else {
            Issue.record("still slowed after a new password")
            return
        }
    }

    @Test func aNameNoAccountCanHaveIsWrongAtOnceAndNotRemembered() throws {
        let portal = try PortalFixture()
        defer { portal.remove() }
        let accounts = try DeskAccounts(
            usersFile: UsersFile(portal: portal.root), folder: portal.root.appendingPathComponent(".k"), shared: true)
        let junk = String(repeating: "x", count: 60_000)
        for _ in 0..<(LoginThrottle.freeTries + 2) {
            guard case .wrong = accounts.signIn(name: junk, password: "p", now: Date()) else {
                Issue.record("not wrong")
                return
            }
        }
        #expect(accounts.throttle.attempt(junk, now: Date()) == nil)
    }
}
