import Crypto
import Foundation

/// A signed-in session, held by the browser in a cookie the server signed: who, until when, and
/// a random number naming this session. Nothing is kept on the server but the key (in the
/// preview's folder, readable by its owner only, so a restart keeps everyone signed in) and
/// the sessions ended by "Đăng xuất" before their time.
struct SessionCookie: Sendable {
    static let name = "congkhai_phien"
    /// A working day: a clerk signs in in the morning and is not asked again before evening.
    static let lifetime: TimeInterval = 12 * 3600

    /// The signing key's bytes (swift-crypto's key type is not Sendable).
    let keyBytes: Data
    var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    /// A session as the cookie says it, once its signature is checked.
    struct Session: Sendable, Equatable {
        var account: String
        var expires: Int
        var nonce: String
    }

    /// The key kept in `folder`, made on first use: 32 random bytes.
    static func key(in folder: URL) throws -> Data {
        let file = folder.appendingPathComponent("khoa-phien")
        if let bytes = FileManager.default.contents(atPath: file.path), bytes.count == 32 { return bytes }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        try PrivateFile.write(bytes, to: file)
        return bytes
    }

    /// The cookie's value for a new session of `account`, which stays good while her password
    /// is the same: a password changed or an account removed ends its sessions.
    func value(for account: Account, now: Date) -> String {
        let nonce = (0..<2).map { _ in String(UInt64.random(in: 0...UInt64.max), radix: 36) }.joined(separator: "-")
        let payload = "\(account.name)|\(Int(now.timeIntervalSince1970 + Self.lifetime))|\(nonce)"
        return Self.base64URL(Data(payload.utf8)) + "." + signature(payload, account: account)
    }

    /// The session a cookie's value names, if this server signed it for an account as it is
    /// now and it has not expired.
    func session(_ value: String, accounts: [Account], now: Date) -> Session? {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let data = Self.data(base64URL: String(parts[0])),
            let payload = String(data: data, encoding: .utf8)
        else { return nil }
        let fields = payload.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 3, let expires = Int(fields[1]), expires > Int(now.timeIntervalSince1970),
            let account = accounts.first(where: { $0.name == fields[0] })
        else { return nil }
        let expected = signature(payload, account: account)
        // Compared in constant time: how long the comparison takes tells nothing of the signature.
        guard expected.utf8.count == parts[1].utf8.count,
            zip(expected.utf8, parts[1].utf8).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0
        else { return nil }
        return Session(account: account.name, expires: expires, nonce: fields[2])
    }

    /// The token the session's forms carry: another site can neither read nor make it.
    func formToken(for session: Session) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("form|\(session.nonce)".utf8), using: key)
        return Self.base64URL(Data(mac))
    }

    private func signature(_ payload: String, account: Account) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data("session|\(payload)|\(account.passwordHash)".utf8), using: key)
        return Self.base64URL(Data(mac))
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func data(base64URL text: String) -> Data? {
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        standard += String(repeating: "=", count: (4 - standard.count % 4) % 4)
        return Data(base64Encoded: standard)
    }
}
