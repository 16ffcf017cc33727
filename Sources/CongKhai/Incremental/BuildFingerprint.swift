import Foundation
import VietText

/// What a build read, summed up without reading it: every source file's path, size, change time
/// and inode (content/, templates/, congkhai.yaml), the options, and congkhai's own executable.
/// Equal fingerprints mean the previous output is still exactly what a build would write, so a
/// rebuild with nothing changed has nothing to do. `--full` always builds.
package struct BuildFingerprint: Equatable, Sendable {
    package let value: String
    /// What the walk of content/ found, handed to the loader so that it does not walk and stat
    /// the same 10,000 files again; not part of the fingerprint's identity.
    var content: ContentListing? = nil

    package static func == (lhs: BuildFingerprint, rhs: BuildFingerprint) -> Bool { lhs.value == rhs.value }

    package static func compute(_ options: BuildOptions) -> BuildFingerprint {
        var first = Hasher64(seed: 0xcbf29ce484222325)
        var second = Hasher64(seed: 0x84222325cbf29ce4)
        func add(_ text: String) {
            first.add(text)
            second.add(text)
        }
        add(
            "congkhai-fingerprint-2|drafts=\(options.includeDrafts)|year=\(options.schoolYear ?? "")|output=\(options.output.path)"
        )
        add(FileIdentity.executable)
        add(FileIdentity.line(options.source.appendingPathComponent("congkhai.yaml").path, name: "congkhai.yaml"))
        var content: ContentListing?
        for folder in ["content", "templates", "archives"] {
            let root = options.source.appendingPathComponent(folder).path
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue else {
                add("\(folder): none")
                continue
            }
            // readdir(3) and path strings: FileManager's enumerator and URLs took 0.15 s at
            // 10,000 documents, on every rebuild.
            // A link is summed up as itself: the file it leads to is inside content/ (the
            // walker refuses others), so it is summed up too.
            // Taken before the walk: a file changed just before it is found is not vouched for.
            let time = FileIdentity.now()
            let statuses = FolderEntries.statuses(root)
            if folder == "content" { content = ContentListing(entries: statuses, takenAt: time) }
            // In path order, each entry's path and the numbers of its status hashed as they are
            // (not formatted into a line of text per file, then the lines sorted).
            add("\(folder):\(statuses.count)")
            for index in statuses.indices.sorted(by: { statuses[$0].path < statuses[$1].path }) {
                let status = statuses[index].status
                add(statuses[index].path)
                func number(_ value: UInt64) {
                    first.add(value)
                    second.add(value)
                }
                number(UInt64(bitPattern: Int64(status.st_size)))
                number(UInt64(bitPattern: Int64(status.st_mtim.tv_sec)))
                number(UInt64(bitPattern: Int64(status.st_mtim.tv_nsec)))
                number(UInt64(bitPattern: Int64(status.st_ctim.tv_sec)))
                number(UInt64(bitPattern: Int64(status.st_ctim.tv_nsec)))
                number(UInt64(status.st_ino))
                number(UInt64(status.st_mode))
            }
        }
        return BuildFingerprint(value: first.hex + second.hex, content: content)
    }
}
