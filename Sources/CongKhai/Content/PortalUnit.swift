/// A school or office: content/units/<id>/unit.yaml. The folder name is its id everywhere.
package struct PortalUnit: Sendable, Hashable {
    package var id: String
    package var name: String
    package var kind: String
    package var governingBody: String?
    package var district: String?
    package var province: String?
    package var parent: String?
    package var address: String?
    package var phone: String?
    package var email: String?
    package var website: String?
    /// TT 09 items that do not apply to this unit, with the reason (`not_applicable:` in
    /// unit.yaml): "thuc-don: Trường không tổ chức ăn bán trú."
    package var notApplicable: [String: String] = [:]
    /// Path of unit.yaml relative to the portal folder.
    package var sourcePath: String
    /// A hash of unit.yaml's text, set by the loader (see `SourceDocument.inputKey`).
    package var inputKey: UInt64?

    package init(
        id: String, name: String, kind: String = "khac", governingBody: String? = nil, district: String? = nil,
        province: String? = nil, parent: String? = nil, address: String? = nil, phone: String? = nil,
        email: String? = nil, website: String? = nil, sourcePath: String = ""
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.governingBody = governingBody
        self.district = district
        self.province = province
        self.parent = parent
        self.address = address
        self.phone = phone
        self.email = email
        self.website = website
        self.sourcePath = sourcePath
    }
}
