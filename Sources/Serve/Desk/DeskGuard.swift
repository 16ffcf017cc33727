import Foundation
import Hummingbird

/// What stands between the desk and a request made by another site or another person: a token
/// with each form, checked on every post, with the Origin a browser names; and on a desk with
/// accounts, the signed session cookie (HttpOnly, SameSite=Strict, Secure over https), which
/// makes the token.
struct DeskGuard: Sendable {
    /// The token of a desk without accounts, and of the sign-in form: in a cookie only this
    /// site's pages send (SameSite=Strict). New for each run of `serve`: a form left open
    /// across a restart must be sent again.
    static let cookieName = "congkhai_soan_thao"
    let token: String = (0..<4).map { _ in String(UInt64.random(in: 0...UInt64.max), radix: 16) }.joined()
    /// Asked only once the desk asks who is there (`DeskAccounts.asking`).
    let accounts: DeskAccounts
    let address: SiteAddress
    let base: String

    /// The cookie holding the token, for the desk's pages only.
    var tokenCookie: Cookie {
        Cookie(
            name: Self.cookieName, value: token, path: base + Desk.path, secure: address.secure, httpOnly: true,
            sameSite: .strict)
    }

    /// A new session's cookie, sent with every page of the site (the preview's pages too: they
    /// show drafts).
    func sessionCookie(_ value: String) -> Cookie {
        Cookie(
            name: SessionCookie.name, value: value, path: base, secure: address.secure, httpOnly: true,
            sameSite: .strict)
    }

    /// The session cookie emptied and expired: signed out.
    var endedSessionCookie: Cookie {
        Cookie(
            name: SessionCookie.name, value: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: base,
            secure: address.secure, httpOnly: true, sameSite: .strict)
    }

    /// Who sent the request; nil when the desk has accounts and the request no live session.
    func access(_ request: Request, now: Date = Date()) -> DeskAccess? {
        guard accounts.asking else { return .everything(formToken: token) }
        guard let (account, session) = accounts.account(session: request.cookies[SessionCookie.name]?.value, now: now)
        else { return nil }
        return DeskAccess(
            account: account, session: session, scope: nil, formToken: accounts.cookie.formToken(for: session))
    }

    /// Whether a post comes from this site's own form: its token (in the form, and in the
    /// token cookie unless a session made it) and its Origin.
    func allows(_ request: Request, formToken: String?, access: DeskAccess?, port: Int?) -> Bool {
        guard let formToken else { return false }
        if let access, access.session != nil {
            guard formToken == access.formToken else { return false }
        } else {
            guard formToken == token, request.cookies[Self.cookieName]?.value == token else { return false }
        }
        // Browsers name the page a form was posted from; one that names none is older than
        // SameSite cookies too, and the token stands alone.
        if let origin = request.headers[.origin] {
            guard address.allows(origin: origin, port: port) else { return false }
        }
        return true
    }
}
