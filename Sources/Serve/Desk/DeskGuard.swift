import Foundation
import Hummingbird

/// What stands between the desk's forms and a request made by another site: a token given with
/// each form and kept in a cookie only this site's pages send (SameSite=Strict), both checked on
/// every post, and the Origin a browser names checked against the Host it asked.
struct DeskGuard: Sendable {
    static let cookieName = "congkhai_soan_thao"
    /// A new token for each run of `serve`: a form left open across a restart must be sent again.
    let token: String = (0..<4).map { _ in String(UInt64.random(in: 0...UInt64.max), radix: 16) }.joined()

    /// The cookie holding the token, for the desk's pages only.
    func cookie(base: String) -> Cookie {
        Cookie(name: Self.cookieName, value: token, path: base + "_soan-thao/", httpOnly: true, sameSite: .strict)
    }

    /// Whether a post carries the token in its form and its cookie, and comes from this site.
    func allows(_ request: Request, formToken: String?) -> Bool {
        guard let formToken, formToken == token, request.cookies[Self.cookieName]?.value == token else { return false }
        if let origin = request.headers[.origin] {
            guard let host = request.head.authority, origin == "http://\(host)" else { return false }
        }
        return true
    }
}
