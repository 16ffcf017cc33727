import VietText

/// congkhai.yaml: the portal's own settings.
public struct PortalSettings: Sendable {
    public var title: String
    public var description: String?
    /// Cơ quan chủ quản, shown above the title ("UBND HUYỆN TÂN HỒNG").
    public var governingBody: String?
    /// The public address, used only where a URL must be absolute (sitemap, feeds, Open Graph).
    public var baseURL: String?
    public var catalogue: Catalogue
    /// What each kind of unit must disclose under TT 09/2024, and when: the built-in catalogue
    /// with the portal's `obligations:` changes.
    public var obligations: ObligationCatalogue = .builtIn
    /// A line shown on every page ("Ví dụ minh họa, không phải số liệu thật").
    public var notice: String?
    /// Rows per page in listings.
    public var pageSize: Int
    /// A hash of congkhai.yaml's text, set by the loader: when it changes, no page is reused.
    public var inputKey: UInt64?

    public init(
        title: String, description: String? = nil, governingBody: String? = nil, baseURL: String? = nil,
        catalogue: Catalogue = Catalogue(), pageSize: Int = 50
    ) {
        self.title = title
        self.description = description
        self.governingBody = governingBody
        self.baseURL = baseURL
        self.catalogue = catalogue
        self.pageSize = pageSize
    }
}
