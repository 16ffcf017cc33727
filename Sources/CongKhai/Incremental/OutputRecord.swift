import Foundation

/// What a build wrote down about the output it made (BuildCache's `page-keys-<generation>`):
/// the key of every keyed page and file, the files written without a key, and when the record
/// was written, after the last file of that output. Together they are every file of that
/// output as the build left it, so the next build but one, updating it in place as its spare,
/// need not list its 30,000 folders (RecycledOutput.list).
struct OutputRecord: Sendable {
    var keys: [String: UInt64] = [:]
    var otherFiles: [String] = []
    /// The record file's modification time; nil for a record not read from a file.
    var recordedAt: timespec? = nil
}
