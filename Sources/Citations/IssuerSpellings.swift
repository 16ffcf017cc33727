import VietText

/// Issuers as printed → their usual spelling (`IssuerName`), kept for a whole build: the
/// documents of a portal cite the same few hundred bodies in tens of thousands of citations,
/// and spelling one again costs its words cut, lowercased and looked up. Shared by the scanners
/// of documents parsed on several threads at once.
public final class IssuerSpellings: Sendable {
    private let spelled = MadeOnce<String, String>()

    public init() {}

    func normalised(_ issuer: String) -> String {
        spelled.value(for: issuer) { IssuerName.normalised(issuer) }
    }
}
