import Foundation
import VietText

/// Lists the files of content/ and sorts them into units, documents and pages by where they sit.
/// Anything misplaced is reported; links that lead outside content/ are never followed.
struct ContentWalker {
    struct UnitFile {
        var id: String
        var path: String
    }
    struct DocumentFile: Sendable {
        var unitID: String
        var schoolYear: String
        var slug: String
        var path: String
        /// Its stamp (FileIdentity.stamp) from the listing walked, when it is a plain file
        /// there; nil when it has to be stamped (a link is stamped as the file it leads to).
        var listedStamp: UInt64?? = nil
    }
    struct PageFile {
        var slug: String
        var path: String
    }
    struct Result {
        var unitFiles: [UnitFile] = []
        var documentFiles: [DocumentFile] = []
        var pageFiles: [PageFile] = []
        /// Unit folders that hold documents, with the first document's path, to report a missing unit.yaml.
        var unitsWithoutFile: [(String, String)] = []
    }

    let root: URL
    /// content/ as already listed; nil lists it.
    var listing: ContentListing? = nil

    func walk(_ diagnostics: inout [Diagnostic]) -> Result {
        var result = Result()
        let content = root.appendingPathComponent("content")
        let contentReal = content.resolvingSymlinksInPath().path + "/"
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content.path, isDirectory: &isFolder), isFolder.boolValue else {
            diagnostics.append(
                Diagnostic(
                    .error, "content.missing", file: "content",
                    message: .init(vi: "không có thư mục content/.", en: "there is no content/ folder."),
                    fix: .init(
                        vi: "tạo thư mục content/units/<đơn vị>/<năm học>/ và đặt văn bản vào đó.",
                        en: "create content/units/<unit>/<school-year>/ and put the documents there.")))
            return result
        }
        // Paths from content/, each file's stamp when the listing gives it.
        var paths: [(joined: String, stamp: UInt64??)] = []
        for (joined, kind, status) in entries() {
            var isDirectory = kind == .folder
            if kind == .link {
                let target = URL(fileURLWithPath: content.path + "/" + joined).resolvingSymlinksInPath().path
                var targetIsFolder: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: target, isDirectory: &targetIsFolder)
                if !target.hasPrefix(contentReal) {
                    diagnostics.append(
                        Diagnostic(
                            .error, "content.link-outside", file: "content/" + joined,
                            message: .init(
                                vi: "đây là liên kết (symlink) trỏ ra ngoài thư mục content/; congkhai không đọc nó.",
                                en: "this is a symbolic link leading outside content/; congkhai does not read it."),
                            fix: .init(
                                vi: "chép tệp thật vào content/ thay cho liên kết.",
                                en: "copy the real file into content/ instead.")))
                    continue
                }
                // A link to a folder inside content/ is not followed: its files are listed where they are.
                isDirectory = exists && targetIsFolder.boolValue
            }
            guard !isDirectory else { continue }
            let stamp: UInt64?? =
                if kind == .file, let status, let listing {
                    .some(FileIdentity.stamp(status, takenAt: listing.takenAt))
                } else { nil }
            paths.append((joined, stamp))
        }
        paths.sort { $0.joined < $1.joined }

        var unitFolders: [String: String] = [:]
        var unitYAML: Set<String> = []
        // A unit's id and a school year are checked once per folder, not once per document.
        var checkedUnitIDs: [String: Bool] = [:]
        var checkedYears: [String: Bool] = [:]
        func checkUnitIDOnce(_ id: String, path: String) -> Bool {
            if let known = checkedUnitIDs[id] { return known }
            let valid = checkUnitID(id, path: path, &diagnostics)
            checkedUnitIDs[id] = valid
            return valid
        }
        for (joined, stamp) in paths {
            let path = "content/" + joined
            let relative = joined.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            let name = relative.last ?? ""
            // Ends in ".md", in any case (without a lowercased copy of every name).
            let ending = Array(name.utf8.suffix(3))
            let isMarkdown =
                ending.count == 3 && ending[0] == 0x2E && ending[1] | 0x20 == 0x6D && ending[2] | 0x20 == 0x64
            if relative.count == 3, relative[0] == "units", name == "unit.yaml" {
                if checkUnitIDOnce(relative[1], path: path) {
                    result.unitFiles.append(UnitFile(id: relative[1], path: path))
                    unitYAML.insert(relative[1])
                }
            } else if relative.count == 2, relative[0] == "pages", isMarkdown {
                let slug = VietnameseText.slug(String(name.dropLast(3)))
                if slug.isEmpty {
                    reportBadName(path, &diagnostics)
                } else {
                    result.pageFiles.append(PageFile(slug: slug, path: path))
                }
            } else if relative.count == 4, relative[0] == "units", isMarkdown {
                guard checkUnitIDOnce(relative[1], path: path) else { continue }
                let validYear = checkedYears[relative[2]] ?? SchoolYear.isValid(relative[2])
                checkedYears[relative[2]] = validYear
                guard validYear else {
                    diagnostics.append(
                        Diagnostic(
                            .error, "content.bad-school-year", file: path,
                            message: .init(
                                vi: "thư mục “\(relative[2])” không phải là năm học dạng 2023-2024.",
                                en: "folder “\(relative[2])” is not a school year like 2023-2024."),
                            fix: .init(
                                vi: "đặt văn bản trong thư mục năm học, ví dụ content/units/\(relative[1])/2023-2024/.",
                                en:
                                    "put the document in a school-year folder such as content/units/\(relative[1])/2023-2024/."
                            )))
                    continue
                }
                let slug = VietnameseText.slug(String(name.dropLast(3)))
                if slug.isEmpty {
                    reportBadName(path, &diagnostics)
                    continue
                }
                result.documentFiles.append(
                    DocumentFile(
                        unitID: relative[1], schoolYear: relative[2], slug: slug, path: path,
                        listedStamp: stamp))
                if unitFolders[relative[1]] == nil { unitFolders[relative[1]] = path }
            } else if isMarkdown {
                diagnostics.append(
                    Diagnostic(
                        .error, "content.misplaced", file: path,
                        message: .init(
                            vi: "tệp Markdown nằm sai chỗ nên không thuộc đơn vị hay năm học nào.",
                            en: "this Markdown file is outside any unit's school-year folder."),
                        fix: .init(
                            vi:
                                "chuyển vào content/units/<đơn vị>/<năm học>/ (văn bản) hoặc content/pages/ (trang giới thiệu).",
                            en:
                                "move it into content/units/<unit>/<school-year>/ (a document) or content/pages/ (a page)."
                        )))
            }
        }
        result.unitsWithoutFile = unitFolders.filter { !unitYAML.contains($0.key) }.sorted { $0.key < $1.key }.map {
            ($0.key, $0.value)
        }
        return result
    }

    /// Every entry below content/ but hidden ones and those in hidden folders, as a path from
    /// content/, with its kind and, from a listing, its status. Folders are entered, links to
    /// folders are not.
    private func entries() -> [(path: String, kind: FolderEntries.Kind, status: stat?)] {
        if let listing {
            return listing.entries.compactMap { entry in
                // Hidden: a name starting with a dot, anywhere in the path.
                var previous: UInt8 = 0x2F
                for byte in entry.path.utf8 {
                    if byte == 0x2E && previous == 0x2F { return nil }
                    previous = byte
                }
                return (entry.path, entry.kind, entry.status)
            }
        }
        // readdir(3) and plain path strings: a portal of 10,000 files spent a third of its
        // loading time in URL values and resource lookups.
        let content = root.appendingPathComponent("content").path
        var found: [(path: String, kind: FolderEntries.Kind, status: stat?)] = []
        var pending: [String] = [""]
        while let folder = pending.popLast() {
            for (name, kind) in FolderEntries.list(folder.isEmpty ? content : content + "/" + folder)
            where !name.hasPrefix(".") {
                let path = folder.isEmpty ? name : folder + "/" + name
                found.append((path, kind, nil))
                if kind == .folder { pending.append(path) }
            }
        }
        return found
    }

    /// The folder name is the unit's id in URLs and JSON, so it must already be a slug.
    private func checkUnitID(_ id: String, path: String, _ diagnostics: inout [Diagnostic]) -> Bool {
        if VietnameseText.slug(id) == id { return true }
        let suggestion = VietnameseText.slug(id)
        diagnostics.append(
            Diagnostic(
                .error, "unit.bad-id", file: path,
                message: .init(
                    vi: "tên thư mục đơn vị “\(id)” phải chỉ gồm chữ thường không dấu, số và dấu gạch ngang.",
                    en: "unit folder name “\(id)” must be lowercase ASCII letters, digits and hyphens."),
                fix: .init(vi: "đổi tên thư mục thành “\(suggestion)”.", en: "rename the folder to “\(suggestion)”.")))
        return false
    }

    private func reportBadName(_ path: String, _ diagnostics: inout [Diagnostic]) {
        diagnostics.append(
            Diagnostic(
                .error, "content.bad-file-name", file: path,
                message: .init(
                    vi: "tên tệp không có chữ hay số nào để làm địa chỉ trang.",
                    en: "the file name has no letters or digits to make a page address from."),
                fix: .init(
                    vi: "đặt tên tệp như ke-hoach-dan-van-2024.md.", en: "name the file like ke-hoach-dan-van-2024.md.")
            ))
    }
}
