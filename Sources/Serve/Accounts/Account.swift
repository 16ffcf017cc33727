import Foundation
import HummingbirdBcrypt
import VietText

/// A person who publishes from the desk: the name she signs in with, the units she writes for
/// (an office's units below it too) and her password's bcrypt hash, never the password.
package struct Account: Codable, Sendable, Equatable {
    package var name: String
    package var units: [String]
    package var passwordHash: String

    enum CodingKeys: String, CodingKey {
        case name, units
        case passwordHash = "password_bcrypt"
    }

    package init(name: String, units: [String], passwordHash: String) {
        self.name = name
        self.units = units
        self.passwordHash = passwordHash
    }

    /// A new account, its password hashed (bcrypt, cost 12: a quarter of a second here, slow
    /// enough against guessing from a stolen file).
    package init(name: String, units: [String], password: String) {
        self.init(name: name, units: units, passwordHash: Bcrypt.hash(Self.normalised(password), cost: 12))
    }

    /// Whether `password` is this account's (a quarter of a second: run it off the server's
    /// threads).
    package func accepts(_ password: String) -> Bool {
        Bcrypt.verify(Self.normalised(password), hash: passwordHash)
    }

    /// A name typed at the sign-in form as the file holds it: "Lan.THCS " is "lan.thcs".
    package static func normalisedName(_ typed: String) -> String {
        typed.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// 2 to 32 of a–z, 0–9, ".", "-", "_", beginning with a letter or digit: a name typed on any
    /// keyboard, written in a URL or a log without escaping.
    package static func isValidName(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard (2...32).contains(scalars.count), let first = scalars.first, first != ".", first != "-", first != "_"
        else { return false }
        return scalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "0"..."9", ".", "-", "_": true
            default: false
            }
        }
    }

    /// What keeps a password from being one: bcrypt reads 72 bytes at most, and a short one is
    /// guessed.
    package static func passwordProblem(_ password: String) -> LocalizedText? {
        let normalised = normalised(password)
        // bcrypt reads up to a NUL: what follows it would not count.
        if normalised.contains("\0") {
            return .init(vi: "mật khẩu có ký tự NUL.", en: "the password holds a NUL character.")
        }
        if normalised.count < 8 {
            return .init(vi: "mật khẩu phải dài ít nhất 8 ký tự.", en: "a password needs at least 8 characters.")
        }
        if normalised.utf8.count > 72 {
            return .init(
                vi: "mật khẩu dài quá (tối đa 72 byte, khoảng 30 chữ có dấu).",
                en: "the password is too long (72 bytes at most).")
        }
        return nil
    }

    /// The same password typed on a keyboard that composes accents (Windows) or decomposes
    /// them (macOS) is the same text: hashed in NFC.
    static func normalised(_ password: String) -> String {
        password.precomposedStringWithCanonicalMapping
    }
}
