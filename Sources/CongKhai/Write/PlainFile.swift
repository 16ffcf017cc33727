import Foundation

/// A file written with open(2), write(2) and close(2) and nothing more. Foundation's
/// `Data.write(to:)` syncs each file to disk before returning, which made the pages of a
/// 10,000-document build on disk take 7 s instead of 3; a staged site is flushed once instead,
/// before it is swapped in (`OutputFolder.commit`).
enum PlainFile {
    /// Creates the file anew, never writing into an existing one: a staged file may share its
    /// inode (a hard link) with a page of the live output.
    static func create(_ path: String, contents data: Data) throws(POSIXError) {
        try data.withUnsafeBytes { buffer in Result { () throws(POSIXError) in try create(path, bytes: buffer) } }.get()
    }

    static func create(_ path: String, contents bytes: [UInt8]) throws(POSIXError) {
        try bytes.withUnsafeBytes { buffer in Result { () throws(POSIXError) in try create(path, bytes: buffer) } }
            .get()
    }

    /// Replaces the file whole: written beside it, then renamed over it, so a reader sees the
    /// old file or the new one, never a part (and a file it shares with another folder by a
    /// hard link is left as it was). Not synced: what is kept this way (the build cache, the
    /// staged output's marker) is checked when read, or flushed with the staged site.
    static func replace(_ path: String, contents bytes: [UInt8]) throws(POSIXError) {
        // Named for this process: two builds of one output never write the same file.
        let partial = "\(path).\(getpid()).partial"
        try create(partial, contents: bytes)
        if rename(partial, path) != 0 {
            let failure = error()
            unlink(partial)
            throw failure
        }
    }

    /// The file's bytes read straight into an array (not through Data, which would hold them
    /// twice), or nil when it cannot be read whole.
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        let size = Int(status.st_size)
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let got = Foundation.read(descriptor, buffer.baseAddress! + done, size - done)
                if got < 0 && errno == EINTR { continue }
                if got <= 0 {
                    complete = false
                    break
                }
                done += got
            }
            count = done
        }
        return complete ? bytes : nil
    }

    private static func create(_ path: String, bytes buffer: UnsafeRawBufferPointer) throws(POSIXError) {
        var descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        if descriptor < 0 && errno == EEXIST {
            unlink(path)
            descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        }
        guard descriptor >= 0 else { throw Self.error() }
        var failure: POSIXError?
        var done = 0
        while done < buffer.count {
            let written = Foundation.write(descriptor, buffer.baseAddress! + done, buffer.count - done)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                failure = Self.error()
                break
            }
            done += written
        }
        if close(descriptor) != 0 && failure == nil { failure = Self.error() }
        if let failure {
            unlink(path)
            throw failure
        }
    }

    static func error() -> POSIXError { POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
}
