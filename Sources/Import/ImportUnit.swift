/// The unit a document is imported for, as import needs it: where its files go, and the name and
/// places its letterhead is read and checked against.
public struct ImportUnit: Sendable, Hashable {
    public var id: String
    public var name: String
    public var district: String?
    public var province: String?

    public init(id: String, name: String, district: String? = nil, province: String? = nil) {
        self.id = id
        self.name = name
        self.district = district
        self.province = province
    }
}
