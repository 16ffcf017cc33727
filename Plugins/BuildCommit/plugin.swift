import Foundation
import PackagePlugin

/// The commit `congkhai --version` names: before every build, BuildCommit.swift is written
/// from Sources/congkhai/BuildInfo/commit.txt (which the Makefile writes, ignored by git), or
/// with no commit when that file is not there. A prebuild command, not a check in
/// Package.swift: SwiftPM keeps what Package.swift said until its text changes, so a file
/// appearing later would never be seen there.
@main
struct BuildCommit: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "commit")
        let commitFile = context.package.directoryURL.appending(path: "Sources/congkhai/BuildInfo/commit.txt")
        let script = #"""
            mkdir -p "$2"
            commit=$(head -n 1 "$1" 2>/dev/null | tr -cd 'A-Za-z0-9.-')
            text="let buildCommit: String? = ${commit:+\"$commit\"}"
            [ -n "$commit" ] || text="let buildCommit: String? = nil"
            file="$2/BuildCommit.swift"
            [ "$(cat "$file" 2>/dev/null)" = "$text" ] || printf '%s\n' "$text" > "$file"
            """#
        return [
            .prebuildCommand(
                displayName: "congkhai's commit", executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", script, "sh", commitFile.path, output.path], outputFilesDirectory: output)
        ]
    }
}
