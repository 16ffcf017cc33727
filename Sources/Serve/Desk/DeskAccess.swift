import CongKhai

/// Who is at the desk, and what she may read and write: on a desk without accounts (this
/// computer only) everything; signed in, her account's units and nothing else.
struct DeskAccess: Sendable {
    /// nil on a desk without accounts.
    var account: Account?
    var session: SessionCookie.Session?
    /// nil: every unit.
    var scope: AccountScope?
    /// The token this visitor's forms carry.
    var formToken: String

    /// A desk without accounts: whoever can reach 127.0.0.1 is the computer's owner.
    static func everything(formToken: String) -> DeskAccess {
        DeskAccess(account: nil, session: nil, scope: nil, formToken: formToken)
    }

    func allows(unit: String) -> Bool { scope?.allows(unit) ?? true }

    /// A path from the portal's folder, checked the same way.
    func allows(path: String) -> Bool { scope?.allows(path: path) ?? true }

    /// The portal's units she may write for.
    func units(of portal: Portal) -> [PortalUnit] { portal.units.filter { allows(unit: $0.id) } }
}
