/// A school or office: content/units/<id>/unit.yaml. The folder name is its id everywhere.
public struct PortalUnit: Sendable, Hashable {
    public var id: String
    public var name: String
    public var kind: String
    public var governingBody: String?
    public var district: String?
    public var province: String?
    public var parent: String?
    public var address: String?
    public var phone: String?
    public var email: String?
    public var website: String?
    /// TT 09 items that do not apply to this unit, with the reason (`not_applicable:` in
    /// unit.yaml): "thuc-don: Trường không tổ chức ăn bán trú."
    public var notApplicable: [String: String] = [:]
    /// Path of unit.yaml relative to the portal folder.
    public var sourcePath: String
    /// A hash of unit.yaml's text, set by the loader (see `SourceDocument.inputKey`).
    public var inputKey: UInt64?

    public init(
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
