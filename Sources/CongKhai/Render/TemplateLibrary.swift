import Foundation
import Mustache
import VietText

/// The Mustache templates of a build: the built-in defaults, each replaced by the file of the
/// same name in the portal's templates/ folder when there is one; and the assets likewise.
package struct TemplateLibrary: Sendable {
    let library: MustacheLibrary
    /// Asset file name → bytes.
    let assets: [String: [UInt8]]
    /// Names of templates taken from the portal rather than the defaults.
    package let overridden: [String]
    /// A hash of every template's text and every asset: when it changes, no page is reused.
    let fingerprint: UInt64

    /// Every template that fails to parse is reported with its file and line.
    package static func load(portal root: URL) -> (library: TemplateLibrary?, diagnostics: [Diagnostic]) {
        var sources: [String: (text: String, path: String)] = [:]
        for (name, bytes) in DefaultTemplates.templates {
            sources[name] = (String(decoding: bytes, as: UTF8.self), "(mẫu có sẵn) \(name).mustache")
        }
        var assets = DefaultTemplates.assets
        var overridden: [String] = []
        var diagnostics: [Diagnostic] = []
        let folder = root.appendingPathComponent("templates")
        let manager = FileManager.default
        if let names = try? manager.contentsOfDirectory(atPath: folder.path) {
            for name in names.sorted() where name.hasSuffix(".mustache") {
                let path = "templates/\(name)"
                do {
                    let text = try SourceText.read(folder.appendingPathComponent(name))
                    let templateName = String(name.dropLast(".mustache".count))
                    sources[templateName] = (text, path)
                    overridden.append(templateName)
                } catch {
                    diagnostics.append(
                        Diagnostic(
                            .error, "template.unreadable", file: path,
                            message: .init(
                                vi: "không đọc được mẫu trang (cần văn bản UTF-8).",
                                en: "cannot read the template (UTF-8 text needed)."),
                            fix: nil))
                }
            }
            let assetFolder = folder.appendingPathComponent("assets")
            if let assetNames = try? manager.contentsOfDirectory(atPath: assetFolder.path) {
                for name in assetNames.sorted() where !name.hasPrefix(".") {
                    if let data = manager.contents(atPath: assetFolder.appendingPathComponent(name).path) {
                        assets[name] = Array(data)
                    }
                }
            }
        }
        var library = MustacheLibrary()
        FastHTMLEscaping.registered
        for name in sources.keys.sorted() {
            let source = sources[name]!
            do {
                // The pragma shares the first line, so parse errors keep their line numbers.
                library.register(try MustacheTemplate(string: FastHTMLEscaping.pragma + source.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(
                    Diagnostic(
                        .error, "template.syntax", file: source.path, line: error.context.lineNumber,
                        column: error.context.columnNumber,
                        message: .init(
                            vi: "mẫu trang viết sai cú pháp Mustache (\(error.error)).",
                            en: "the template has a Mustache syntax error (\(error.error))."),
                        fix: .init(
                            vi: "kiểm tra các cặp {{#...}} và {{/...}} đóng mở khớp nhau.",
                            en: "check that every {{#...}} has its matching {{/...}}.")))
            } catch {
                diagnostics.append(
                    Diagnostic(
                        .error, "template.syntax", file: source.path,
                        message: .init(
                            vi: "mẫu trang viết sai cú pháp Mustache (\(error)).",
                            en: "template syntax error (\(error))."),
                        fix: nil))
            }
        }
        if diagnostics.contains(where: { $0.severity == .error }) { return (nil, diagnostics) }
        var hasher = Hasher64()
        for name in sources.keys.sorted() {
            hasher.add(name)
            hasher.add(sources[name]!.text)
        }
        for name in assets.keys.sorted() {
            hasher.add(name)
            hasher.add(bytes: assets[name]!)
        }
        return (
            TemplateLibrary(library: library, assets: assets, overridden: overridden, fingerprint: hasher.value),
            diagnostics
        )
    }

    func render(_ context: [String: Any], template: String) -> String {
        library.render(TemplateValues(values: context), withTemplate: template) ?? ""
    }
}
