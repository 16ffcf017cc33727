import Foundation
import TestSupport
import Testing

@testable import CongKhai

/// The spare output is known from the record of the build that made it, each folder checked by
/// its change time, and is listed where that record cannot say what it holds: what it is
/// found to hold is always what a walk of it finds.
struct RecycledOutputTests {
    /// An output as a build leaves it: pages in folders of their own, a few other files, the
    /// marker; and its record.
    func output() throws -> (folder: URL, record: OutputRecord) {
        let folder = try TestPaths.temporaryFolder()
        let keyed = ["index.html", "van-ban/a/index.html", "van-ban/b/index.html", "can-cu/x/trang-2/index.html"]
        let others = ["assets/style.css", "robots.txt", "tim-kiem/index.html"]
        for path in keyed + others {
            let file = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(path.utf8).write(to: file)
        }
        try Data("congkhai\nabc\n".utf8).write(to: folder.appendingPathComponent(OutputFolder.markerName))
        var record = OutputRecord()
        for (number, path) in keyed.enumerated() { record.keys[path] = UInt64(number) }
        record.otherFiles = others
        return (folder, record)
    }

    func recordedAt(secondsFromNow seconds: Int) -> timespec {
        timespec(tv_sec: time(nil) + seconds, tv_nsec: 0)
    }

    func same(_ listed: RecycledOutput, _ walked: RecycledOutput, _ label: String) {
        #expect(listed.files.sorted() == walked.files.sorted(), "\(label): files")
        for file in walked.files { #expect(listed.holds(file), "\(label): \(file)") }
        for file in ["khong-co.html", "van-ban/khong-co/index.html"] { #expect(!listed.holds(file)) }
        #expect(listed.folders == walked.folders, "\(label): folders")
    }

    /// Folders unchanged since the record are not read: a file put there afterwards, on a
    /// clock the record's time is later than, is not seen. This is what saves the readdirs.
    @Test func anOutputUnchangedSinceItsRecordIsTakenAsRecorded() throws {
        var (folder, record) = try output()
        defer { try? FileManager.default.removeItem(at: folder) }
        record.recordedAt = recordedAt(secondsFromNow: 60)
        let walked = RecycledOutput.walk(folder, keys: record.keys)
        same(RecycledOutput.list(folder, record: record), walked, "unchanged")
        #expect(Set(walked.files) == Set(record.keys.keys).union(record.otherFiles))
        #expect(walked.folders.contains("can-cu/x/trang-2") && walked.folders.contains("can-cu"))
        try Data().write(to: folder.appendingPathComponent("van-ban/a/unseen.txt"))
        #expect(!RecycledOutput.list(folder, record: record).holds("van-ban/a/unseen.txt"))
    }

    /// Every change made by hand after the record shows in the folders' change times: those
    /// folders are read, the others (changed before it) are taken as recorded.
    @Test func foldersChangedSinceTheRecordAreRead() throws {
        var (folder, record) = try output()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The output made within second `made`, the changes in a later second, the record's
        // time such that only the later changes are after it (less the clock's margin).
        let made = time(nil)
        while time(nil) == made { usleep(20_000) }
        record.recordedAt = timespec(tv_sec: made + 1 + RecycledOutput.clockMarginSeconds, tv_nsec: 0)
        let manager = FileManager.default
        try Data().write(to: folder.appendingPathComponent("van-ban/a/la.txt"))
        try manager.removeItem(at: folder.appendingPathComponent("van-ban/b/index.html"))
        try manager.createDirectory(
            at: folder.appendingPathComponent("van-ban/moi/sau"), withIntermediateDirectories: true)
        try Data().write(to: folder.appendingPathComponent("van-ban/moi/sau/c.html"))
        try Data().write(to: folder.appendingPathComponent("them.html"))
        let listed = RecycledOutput.list(folder, record: record)
        same(listed, RecycledOutput.walk(folder, keys: record.keys), "changed by hand")
        #expect(listed.holds("van-ban/moi/sau/c.html") && listed.folders.contains("van-ban/moi/sau"))
        #expect(!listed.holds("van-ban/b/index.html") && listed.holds("van-ban/a/la.txt"))
        #expect(!listed.holds(OutputFolder.markerName))
    }

    /// On a file system stamping to the nanosecond, a folder changed more than the fine margin
    /// before the record belongs to the build that made it (not read), one changed after is
    /// read: after a full build, the folders it wrote last are not all read again.
    @Test func aFineClockNarrowsTheMargin() throws {
        var (folder, record) = try output()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data().write(to: folder.appendingPathComponent("van-ban/a/before.txt"))
        var written = stat()
        try #require(stat(folder.appendingPathComponent("van-ban/a").path, &written) == 0)
        try #require(written.st_ctim.tv_nsec != 0, "this file system stamps to the nanosecond")
        // The record taken a little more than the margin after the change.
        usleep(useconds_t(RecycledOutput.fineClockMarginNanoseconds / 1_000) + 50_000)
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        record.recordedAt = now
        #expect(!RecycledOutput.list(folder, record: record).holds("van-ban/a/before.txt"))
        usleep(20_000)
        try Data().write(to: folder.appendingPathComponent("van-ban/b/after.txt"))
        let listed = RecycledOutput.list(folder, record: record)
        #expect(listed.holds("van-ban/b/after.txt"))
        #expect(!listed.holds("van-ban/a/before.txt"))
    }

    /// A folder of the record gone, or made a file, and the record is not trusted at all.
    @Test func aRecordedFolderGoneMeansTheOutputIsWalked() throws {
        for replaced in [false, true] {
            var (folder, record) = try output()
            defer { try? FileManager.default.removeItem(at: folder) }
            record.recordedAt = recordedAt(secondsFromNow: 60)
            try FileManager.default.removeItem(at: folder.appendingPathComponent("can-cu/x"))
            if replaced { try Data().write(to: folder.appendingPathComponent("can-cu/x")) }
            let listed = RecycledOutput.list(folder, record: record)
            same(listed, RecycledOutput.walk(folder, keys: record.keys), "folder gone, replaced: \(replaced)")
            #expect(!listed.folders.contains("can-cu/x/trang-2"))
            #expect(listed.holds("can-cu/x") == replaced)
        }
    }

    /// The record's other files come back with its keys, and its time from the file.
    @Test func theRecordKeepsFilesWithoutKeys() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = BuildCache(output: folder.appendingPathComponent("public"))
        let keys: [(path: String, key: UInt64)] = [("index.html", 7), ("van-ban/a/index.html", 0)]
        let generation = BuildCache.generation(of: keys)
        try cache.storePageKeys(keys, otherFiles: ["robots.txt", "assets/a b.css"], generation: generation)
        let record = try #require(cache.outputRecord(generation: generation))
        #expect(record.keys == ["index.html": 7, "van-ban/a/index.html": 0])
        #expect(record.otherFiles == ["robots.txt", "assets/a b.css"])
        let written = try #require(record.recordedAt)
        #expect(abs(Int(written.tv_sec) - time(nil)) < 60)
    }

    /// A build whose output has the generation of the one it replaces (nothing any page shows
    /// changed) leaves that record, and its time, as they were: dated anew, the replaced
    /// output (the next spare) would have hand changes made since the first one go unseen.
    /// Files without a key are part of the generation.
    @Test func aRecordOfTheSameGenerationKeepsItsTime() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = BuildCache(output: folder.appendingPathComponent("public"))
        let keys: [(path: String, key: UInt64)] = [("index.html", 7)]
        let generation = BuildCache.generation(of: keys, otherFiles: ["robots.txt"])
        #expect(generation != BuildCache.generation(of: keys, otherFiles: ["robots.txt", "luu-tru/a.zip"]))
        try cache.storePageKeys(keys, otherFiles: ["robots.txt"], generation: generation)
        let path = cache.folder.appendingPathComponent("page-keys-\(generation)").path
        var old = [timeval(tv_sec: time(nil) - 3_600, tv_usec: 0), timeval(tv_sec: time(nil) - 3_600, tv_usec: 0)]
        #expect(utimes(path, &old) == 0)
        try cache.storePageKeys(keys, otherFiles: ["robots.txt"], generation: generation)
        let record = try #require(cache.outputRecord(generation: generation))
        #expect(record.recordedAt?.tv_sec == old[0].tv_sec)
    }
}
