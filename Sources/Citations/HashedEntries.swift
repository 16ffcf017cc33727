import VietText

/// Entries by a hash, in a `PackedTable`: the hash is looked up as it is, and the entries under
/// it confirmed by their words (two words may share a hash).
struct HashedEntries<Entry: Sendable>: Sendable {
    private var slots = PackedTable()
    private var groups: [[Entry]] = []

    init(_ entries: [(hash: UInt64, entry: Entry)]) {
        for (hash, entry) in entries {
            if let group = slots.value(of: Self.key(hash)) {
                groups[group].append(entry)
            } else {
                slots.insert(Self.key(hash), value: groups.count)
                groups.append([entry])
            }
        }
    }

    /// The table's keys are never zero (its empty slots); a zero hash shares a key with one.
    private static func key(_ hash: UInt64) -> UInt64 { hash == 0 ? 1 : hash }

    subscript(hash: UInt64) -> [Entry] {
        slots.value(of: Self.key(hash)).map { groups[$0] } ?? []
    }

    /// Whether an entry under `hash` passes `test`, read in place (the subscript copies its group).
    func contains(_ hash: UInt64, where test: (Entry) -> Bool) -> Bool {
        guard let group = slots.value(of: Self.key(hash)) else { return false }
        return groups[group].contains(where: test)
    }
}
