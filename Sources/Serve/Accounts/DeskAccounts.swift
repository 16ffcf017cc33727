import CongKhai
import Foundation
import HummingbirdBcrypt
import VietText

/// The accounts of the desk: the users file (read again when it changes), the sessions' key,
/// the sign-ins slowed after wrong passwords, and the sessions ended by "Đăng xuất" (kept on
/// disk, as the key is: a restart neither signs anyone out nor lets an ended session back in).
final class DeskAccounts: @unchecked Sendable {
    let usersFile: UsersFile
    let cookie: SessionCookie
    let throttle = LoginThrottle()
    /// Where the sessions ended early are kept.
    let endedFile: URL

    private let lock = NSLock()
    private var read: (stamp: [FileAttributeKey: AnyHashable]?, accounts: Result<[Account], BuildFailure>)?
    /// Sessions ended before their time, by their random number, with when they would have ended.
    private var ended: [String: Int]
    /// Whether the desk asks who is there: from the start when served to other computers or
    /// when the portal had a users file, and from the moment one appears. Never again open once
    /// it asked: a users file removed lets nobody in rather than everybody.
    private var asks: Bool

    init(usersFile: UsersFile, folder: URL, shared: Bool, now: Date = Date()) throws {
        self.usersFile = usersFile
        cookie = SessionCookie(keyBytes: try SessionCookie.key(in: folder))
        endedFile = folder.appendingPathComponent("phien-da-ket-thuc")
        asks = shared || usersFile.exists
        let time = Int(now.timeIntervalSince1970)
        var ended: [String: Int] = [:]
        for line in ((try? String(contentsOf: endedFile, encoding: .utf8)) ?? "").split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let expires = Int(parts[1]), expires > time { ended[String(parts[0])] = expires }
        }
        self.ended = ended
    }

    /// Whether a request must come from a signed-in account.
    var asking: Bool {
        lock.withLock {
            if !asks && usersFile.exists { asks = true }
            return asks
        }
    }

    /// The accounts as the file says them now; a file that cannot be read lets nobody in.
    func accounts() -> Result<[Account], BuildFailure> {
        let attributes = try? FileManager.default.attributesOfItem(atPath: usersFile.file.path)
        // Its inode too: a new password makes a file of the same size, maybe in the same second.
        let stamp = attributes.map { found -> [FileAttributeKey: AnyHashable] in
            var stamp: [FileAttributeKey: AnyHashable] = [:]
            for key in [FileAttributeKey.modificationDate, .size, .systemFileNumber] {
                stamp[key] = found[key] as? AnyHashable
            }
            return stamp
        }
        return lock.withLock {
            if let read, read.stamp == stamp { return read.accounts }
            let accounts: Result<[Account], BuildFailure> =
                attributes == nil ? .success([]) : Result { () throws(BuildFailure) in try usersFile.load() }
            read = (stamp, accounts)
            return accounts
        }
    }

    enum SignIn: Sendable {
        case signedIn(cookie: String, account: Account)
        case wrong
        /// Too many wrong passwords: try again after this many seconds.
        case wait(Int)
        case unreadable(BuildFailure)
    }

    /// Checks a name and password (a quarter of a second, on the caller's thread: not a
    /// server's event loop).
    func signIn(name typed: String, password: String, now: Date) -> SignIn {
        let name = Account.normalisedName(typed)
        // A name no account can have is wrong at once, and not remembered: guesses at made-up
        // names neither fill the memory nor push a real account's failures out of it.
        guard Account.isValidName(name) else { return .wrong }
        let accounts: [Account]
        switch self.accounts() {
        case .success(let found): accounts = found
        case .failure(let failure): return .unreadable(failure)
        }
        let found = accounts.first(where: { $0.name == name })
        // The wait belongs to the password tried against: a new one set by the administrator
        // (`congkhai user password`) lifts it.
        let tries = found.map { "\(name) \($0.passwordHash.suffix(12))" } ?? name
        if let wait = throttle.attempt(tries, now: now) { return .wait(Int(wait.rounded(.up))) }
        guard let account = found else {
            // As long as for a real account: the time taken does not tell which names exist.
            _ = Bcrypt.verify(password, hash: Self.standIn)
            return .wrong
        }
        // bcrypt stops at a NUL: "mật-khẩu\0x" would pass for "mật-khẩu".
        guard !password.contains("\0"), account.accepts(password) else { return .wrong }
        throttle.succeeded(tries)
        return .signedIn(cookie: cookie.value(for: account, now: now), account: account)
    }

    /// The account a request's session cookie names, while the session lasts.
    func account(session value: String?, now: Date) -> (account: Account, session: SessionCookie.Session)? {
        guard let value, case .success(let accounts) = accounts(),
            let session = cookie.session(value, accounts: accounts, now: now),
            let account = accounts.first(where: { $0.name == session.account })
        else { return nil }
        let isEnded = lock.withLock { ended[session.nonce] != nil }
        return isEnded ? nil : (account, session)
    }

    /// "Đăng xuất": the cookie is no good any more, even if kept, even after a restart.
    func end(_ session: SessionCookie.Session, now: Date) throws {
        // Written under the lock: two sign-outs at once cannot each write a list without the other.
        try lock.withLock {
            let time = Int(now.timeIntervalSince1970)
            ended = ended.filter { $0.value > time }
            ended[session.nonce] = session.expires
            let text = ended.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)\n" }.joined()
            try PrivateFile.write(Data(text.utf8), to: endedFile)
        }
    }

    /// A hash no password is checked against but to take a real check's time (made once, on
    /// the first unknown name).
    private static let standIn = Bcrypt.hash("congkhai", cost: 12)
}
