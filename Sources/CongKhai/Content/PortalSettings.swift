import VietText

/// congkhai.yaml: the portal's own settings.
package struct PortalSettings: Sendable {
    package var title: String
    package var description: String?
    /// Cơ quan chủ quản, shown above the title ("UBND HUYỆN TÂN HỒNG").
    package var governingBody: String?
    /// The public address, used only where a URL must be absolute (sitemap, feeds, Open Graph).
    package var baseURL: String?
    package var catalogue: Catalogue
    /// What each kind of unit must disclose under TT 09/2024, and when: the built-in catalogue
    /// with the portal's `obligations:` changes.
    package var obligations: ObligationCatalogue = .builtIn
    /// A line shown on every page ("Ví dụ minh họa, không phải số liệu thật").
    package var notice: String?
    /// Rows per page in listings.
    package var pageSize: Int
    /// A hash of congkhai.yaml's text, set by the loader: when it changes, no page is reused.
    package var inputKey: UInt64?

    package init(
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
