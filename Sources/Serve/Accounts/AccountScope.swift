import CongKhai

/// The units an account may read and write on the desk: its own, and for an office every unit
/// whose `parent` leads up to one of them, at any depth (a province's office: its districts'
/// offices and their schools).
struct AccountScope: Sendable, Equatable {
    let units: Set<String>

    init(account: Account, portalUnits: [PortalUnit]) {
        var children: [String: [String]] = [:]
        for unit in portalUnits {
            if let parent = unit.parent { children[parent, default: []].append(unit.id) }
        }
        let known = Set(portalUnits.map(\.id))
        // Only units that exist: an account naming a unit since removed writes for nothing there.
        var reached = Set(account.units.filter(known.contains))
        var waiting = Array(reached)
        // Each unit is visited once: a `parent` loop cannot run forever.
        while let unit = waiting.popLast() {
            for child in children[unit] ?? [] where reached.insert(child).inserted {
                waiting.append(child)
            }
        }
        units = reached
    }

    func allows(_ unit: String) -> Bool { units.contains(unit) }

    /// Whether a path from the portal's folder is in one of the account's units' folders
    /// (`content/units/<unit>/…`).
    func allows(path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count > 3 && parts[0] == "content" && parts[1] == "units" && allows(String(parts[2]))
            && !parts.contains("..") && !parts.contains(".")
    }
}
