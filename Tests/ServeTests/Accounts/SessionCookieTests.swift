import Foundation
import Testing

@testable import Serve

struct SessionCookieTests {
    let cookie = SessionCookie(keyBytes: Data((0..<32).map { UInt8($0) }))
    let lan = Account(name: "lan", units: ["th-1"], passwordHash: "$2b$12$" + String(repeating: "a", count: 53))
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aSessionIsGoodForItsAccountUntilItExpires() throws {
        let value = cookie.value(for: lan, now: now)
        let session = try #require(cookie.session(value, accounts: [lan], now: now.addingTimeInterval(60)))
        #expect(session.account == "lan")
        #expect(cookie.session(value, accounts: [lan], now: now.addingTimeInterval(SessionCookie.lifetime + 1)) == nil)
        // Its account removed, or its password changed: over.
        #expect(cookie.session(value, accounts: [], now: now) == nil)
        var changed = lan
        changed.passwordHash = "$2b$12$" + String(repeating: "b", count: 53)
        #expect(cookie.session(value, accounts: [changed], now: now) == nil)
        // Another server's key signs another cookie.
        let other = SessionCookie(keyBytes: Data(repeating: 7, count: 32))
        #expect(other.session(value, accounts: [lan], now: now) == nil)
    }

    @Test func aCookieChangedByHandIsRefused() throws {
        let ha = Account(name: "ha", units: ["th-2"], passwordHash: "$2b$12$" + String(repeating: "c", count: 53))
        let value = cookie.value(for: lan, now: now)
        let parts = value.split(separator: ".")
        let payload = try #require(
            SessionCookie.data(base64URL: String(parts[0])).flatMap { String(data: $0, encoding: .utf8) })
        #expect(payload.hasPrefix("lan|"))
        // The same signature on another name, or on a later expiry.
        let renamed = SessionCookie.base64URL(Data(payload.replacingOccurrences(of: "lan|", with: "ha|").utf8))
        #expect(cookie.session(renamed + "." + parts[1], accounts: [lan, ha], now: now) == nil)
        let fields = payload.split(separator: "|")
        let later = SessionCookie.base64URL(Data("lan|\(Int(fields[1])! + 86400)|\(fields[2])".utf8))
        #expect(cookie.session(later + "." + parts[1], accounts: [lan], now: now) == nil)
        for broken in ["", ".", "abc", value + "x", String(parts[0]), "a.b.c"] {
            #expect(cookie.session(broken, accounts: [lan], now: now) == nil, "\(broken)")
        }
    }

    @Test func eachSessionHasItsOwnFormToken() throws {
        let first = try #require(cookie.session(cookie.value(for: lan, now: now), accounts: [lan], now: now))
        let second = try #require(cookie.session(cookie.value(for: lan, now: now), accounts: [lan], now: now))
        #expect(first.nonce != second.nonce)
        #expect(cookie.formToken(for: first) != cookie.formToken(for: second))
        #expect(cookie.formToken(for: first) == cookie.formToken(for: first))
    }

    @Test func theKeyIsMadeOnceAndKeptForItsOwnerOnly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-key-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try SessionCookie.key(in: folder)
        #expect(first.count == 32)
        #expect(try SessionCookie.key(in: folder) == first)
        let attributes = try FileManager.default.attributesOfItem(
            atPath: folder.appendingPathComponent("khoa-phien").path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }
}
