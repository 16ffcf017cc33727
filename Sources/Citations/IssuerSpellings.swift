import Foundation

/// Issuers as printed → their usual spelling (`IssuerName`), kept for a whole build: the
/// documents of a portal cite the same few hundred bodies in tens of thousands of citations,
/// and spelling one again costs its words cut, lowercased and looked up. Shared by the scanners
/// of documents parsed on several threads at once.
public final class IssuerSpellings: @unchecked Sendable {
    private let lock = NSLock()
    /// Filled under the lock.
    private var known: [String: String] = [:]

    public init() {}

    func normalised(_ issuer: String) -> String {
        lock.lock()
        let spelled = known[issuer]
        lock.unlock()
        if let spelled { return spelled }
        // Spelled outside the lock: two threads may spell the same issuer at once, alike.
        let normalised = IssuerName.normalised(issuer)
        lock.lock()
        known[issuer] = normalised
        lock.unlock()
        return normalised
    }
}
