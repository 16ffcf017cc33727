/// The unit a document is imported for, as import needs it: where its files go, and the name and
/// places its letterhead is read and checked against.
package struct ImportUnit: Sendable, Hashable {
    package var id: String
    package var name: String
    package var district: String?
    package var province: String?

    package init(id: String, name: String, district: String? = nil, province: String? = nil) {
        self.id = id
        self.name = name
        self.district = district
        self.province = province
    }
}
