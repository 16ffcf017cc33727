import Foundation
import TestSupport
import Testing

@testable import CongKhai

/// The same input gives byte-identical output, whatever order the file system lists files in
/// and however the threads are scheduled.
@Suite struct DeterminismTests {
    /// Copies the example portal creating files in the given order.
    func copyPortal(reversed: Bool) throws -> URL {
        let target = try TestPaths.temporaryFolder()
        let files =
            try LinkChecker.allFiles(in: TestPaths.repository.appendingPathComponent("content")).map { "content/" + $0 }
            + ["congkhai.yaml"]
        for file in reversed ? files.reversed() : files {
            let destination = target.appendingPathComponent(file)
            try FileManager.default.createDirectory(
                at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: TestPaths.repository.appendingPathComponent(file), to: destination)
        }
        return target
    }

    func snapshot(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for file in try LinkChecker.allFiles(in: folder) {
            result[file] = try Data(contentsOf: folder.appendingPathComponent(file))
        }
        return result
    }

    @Test func fileOrderDoesNotChangeTheOutput() throws {
        let forward = try copyPortal(reversed: false)
        let backward = try copyPortal(reversed: true)
        defer {
            try? FileManager.default.removeItem(at: forward)
            try? FileManager.default.removeItem(at: backward)
        }
        _ = try Builder(options: BuildOptions(source: forward)).build()
        _ = try Builder(options: BuildOptions(source: backward)).build()
        let first = try snapshot(forward.appendingPathComponent("public"))
        #expect(first.count > 50)
        #expect(first == (try snapshot(backward.appendingPathComponent("public"))))
    }

    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: "/usr/bin/taskset")
                && FileManager.default.isExecutableFile(atPath: TestPaths.executable.path)))
    func oneCoreAndAllCoresGiveTheSameBytes() throws {
        let portal = try copyPortal(reversed: false)
        defer { try? FileManager.default.removeItem(at: portal) }
        for (name, arguments) in [("one", ["taskset", "-c", "0"]), ("all", [])] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments =
                arguments + [
                    TestPaths.executable.path, "build", "--source", portal.path, "--output",
                    portal.appendingPathComponent(name).path
                ]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        #expect(try snapshot(portal.appendingPathComponent("one")) == snapshot(portal.appendingPathComponent("all")))
    }
}
