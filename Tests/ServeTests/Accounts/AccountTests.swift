import Foundation
import Testing

@testable import Serve

struct AccountTests {
    @Test func namesAreWhatAnyKeyboardTypesAndAURLHolds() {
        for name in ["lan", "lan.thcs-a", "gv_01", "42"] { #expect(Account.isValidName(name), "\(name)") }
        for name in ["l", "Lan", "lân", "-lan", ".lan", "lan thcs", "lan/..", String(repeating: "a", count: 33), ""] {
            #expect(!Account.isValidName(name), "\(name)")
        }
        #expect(Account.normalisedName("  Lan.THCS \n") == "lan.thcs")
    }

    @Test func thePasswordIsKeptAsABcryptHashAndAccentsMatchHoweverTyped() {
        // Composed (Windows) when added, decomposed (macOS) when typed: the same password.
        let composed = "Mật khẩu trường".precomposedStringWithCanonicalMapping
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(composed != decomposed || composed.unicodeScalars.count != decomposed.unicodeScalars.count)
        let account = Account(name: "lan", units: ["th-an-phuoc"], password: composed)
        #expect(account.passwordHash.hasPrefix("$2b$12$") && !account.passwordHash.contains("khẩu"))
        #expect(account.accepts(decomposed))
        #expect(!account.accepts("Mat khau truong"))
        #expect(!account.accepts(""))
    }

    @Test func aPasswordTooShortOrLongerThanBcryptReadsIsRefused() {
        #expect(Account.passwordProblem("ngan") != nil)
        // bcrypt would read "mat-khau-1\0x" as "mat-khau-1".
        #expect(Account.passwordProblem("mat-khau-1\0x") != nil)
        #expect(Account.passwordProblem("đủ-dài-rồi") == nil)
        // bcrypt reads 72 bytes: a longer password would match any with the same beginning.
        #expect(Account.passwordProblem(String(repeating: "ữ", count: 30)) != nil)
    }
}
