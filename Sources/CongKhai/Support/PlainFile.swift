import Foundation

/// A file written with open(2), write(2) and close(2) and nothing more. Foundation's
/// `Data.write(to:)` syncs each file to disk before returning, which made the pages of a
/// 10,000-document build on disk take 7 s instead of 3; a staged site is flushed once instead,
/// before it is swapped in (`OutputFolder.commit`).
enum PlainFile {
    /// Creates the file anew, never writing into an existing one: a staged file may share its
    /// inode (a hard link) with a page of the live output.
    static func create(_ path: String, contents data: Data) throws(POSIXError) {
        var descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        if descriptor < 0 && errno == EEXIST {
            unlink(path)
            descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        }
        guard descriptor >= 0 else { throw Self.error() }
        var failure: POSIXError?
        data.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + done, buffer.count - done)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { failure = Self.error(); return }
                done += written
            }
        }
        if close(descriptor) != 0 && failure == nil { failure = Self.error() }
        if let failure {
            unlink(path)
            throw failure
        }
    }

    static func error() -> POSIXError { POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
}
