import Foundation

/// Every entry below content/ with its lstat(2) status, as the build's fingerprint found them
/// (FolderEntries.statuses), and when: the loader sorts these into units and documents and
/// stamps each document from its status, rather than walking and statting content/ again.
struct ContentListing: @unchecked Sendable {
    /// Paths from content/.
    var entries: [(path: String, kind: FolderEntries.Kind, status: stat)]
    /// FileIdentity.now() before the first status was taken.
    var takenAt: Double
}
