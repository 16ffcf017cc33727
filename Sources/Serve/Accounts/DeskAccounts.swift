import CongKhai
import Foundation
import HummingbirdBcrypt
import VietText

/// The accounts of a desk that asks who is there: the users file (read again when it changes),
/// the sessions' key, the sign-ins slowed after wrong passwords, and the sessions ended early.
final class DeskAccounts: @unchecked Sendable {
    let usersFile: UsersFile
    let cookie: SessionCookie
    let throttle = LoginThrottle()

    private let lock = NSLock()
    private var read: (stamp: Date?, size: Int?, accounts: Result<[Account], BuildFailure>)?
    /// Sessions ended by "Đăng xuất", until their cookie would have expired anyway.
    private var ended: [String: Int] = [:]

    init(usersFile: UsersFile, keyFolder: URL) throws {
        self.usersFile = usersFile
        cookie = SessionCookie(keyBytes: try SessionCookie.key(in: keyFolder))
    }

    /// The accounts as the file says them now; a file that cannot be read lets nobody in.
    func accounts() -> Result<[Account], BuildFailure> {
        let attributes = try? FileManager.default.attributesOfItem(atPath: usersFile.file.path)
        let stamp = attributes?[.modificationDate] as? Date
        let size = (attributes?[.size] as? NSNumber)?.intValue
        return lock.withLock {
            if let read, read.stamp == stamp, read.size == size { return read.accounts }
            let accounts: Result<[Account], BuildFailure> =
                attributes == nil ? .success([]) : Result { () throws(BuildFailure) in try usersFile.load() }
            read = (stamp, size, accounts)
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
        if let wait = throttle.wait(for: name, now: now) { return .wait(Int(wait.rounded(.up))) }
        let accounts: [Account]
        switch self.accounts() {
        case .success(let found): accounts = found
        case .failure(let failure): return .unreadable(failure)
        }
        guard let account = accounts.first(where: { $0.name == name }) else {
            // As long as for a real account: the time taken does not tell which names exist.
            _ = Bcrypt.verify(password, hash: Self.standIn)
            throttle.failed(name, now: now)
            return .wrong
        }
        guard account.accepts(password) else {
            throttle.failed(name, now: now)
            return .wrong
        }
        throttle.succeeded(name)
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

    /// "Đăng xuất": the cookie is no good any more, even if kept.
    func end(_ session: SessionCookie.Session, now: Date) {
        lock.withLock {
            let time = Int(now.timeIntervalSince1970)
            ended = ended.filter { $0.value > time }
            ended[session.nonce] = session.expires
        }
    }

    /// A hash no password is checked against but to take a real check's time (made once, on
    /// the first unknown name).
    private static let standIn = Bcrypt.hash("congkhai", cost: 12)
}
