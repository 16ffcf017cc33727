import CongKhai
import Testing

@testable import Serve

struct AccountScopeTests {
    static let units = [
        PortalUnit(id: "so", name: "Sở"), PortalUnit(id: "pgd-a", name: "Phòng A", parent: "so"),
        PortalUnit(id: "th-1", name: "Trường 1", parent: "pgd-a"),
        PortalUnit(id: "th-2", name: "Trường 2", parent: "pgd-a"),
        PortalUnit(id: "pgd-b", name: "Phòng B", parent: "so"),
        PortalUnit(id: "th-3", name: "Trường 3", parent: "pgd-b"),
        // A loop of parents: read without running forever.
        PortalUnit(id: "x", name: "X", parent: "y"), PortalUnit(id: "y", name: "Y", parent: "x")
    ]

    func scope(_ units: [String]) -> AccountScope {
        AccountScope(account: Account(name: "a", units: units, passwordHash: ""), portalUnits: Self.units)
    }

    @Test func anOfficeWritesForEveryUnitBelowItAtAnyDepth() {
        #expect(scope(["so"]).units == ["so", "pgd-a", "th-1", "th-2", "pgd-b", "th-3"])
        #expect(scope(["pgd-a"]).units == ["pgd-a", "th-1", "th-2"])
        #expect(scope(["th-1"]).units == ["th-1"])
        #expect(scope(["x"]).units == ["x", "y"])
        // A unit the portal no longer has gives nothing.
        #expect(scope(["da-xoa"]).units.isEmpty)
    }

    @Test func aPathIsAllowedOnlyInsideTheAccountsUnitsFolders() {
        let school = scope(["th-1"])
        #expect(school.allows(path: "content/units/th-1/2025-2026/ke-hoach.md"))
        #expect(!school.allows(path: "content/units/th-2/2025-2026/ke-hoach.md"))
        #expect(!school.allows(path: "content/units/th-1/../th-2/2025-2026/ke-hoach.md"))
        #expect(!school.allows(path: "content/units/th-1"))
        #expect(!school.allows(path: "content/pages/gioi-thieu.md"))
        #expect(!school.allows(path: "/content/units/th-1/2025-2026/ke-hoach.md"))
    }
}
