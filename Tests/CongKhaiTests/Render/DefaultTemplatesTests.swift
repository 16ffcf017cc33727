import Foundation
import TestSupport
import Testing

@testable import CongKhai

/// The binary carries every template of the repository's templates/, byte for byte: a template
/// added there but not embedded would render as nothing.
@Suite struct DefaultTemplatesTests {
    @Test func everyRepositoryTemplateIsEmbedded() throws {
        let folder = TestPaths.repository.appendingPathComponent("templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasSuffix(".mustache")
        }
        #expect(names.count == DefaultTemplates.templates.count)
        for name in names {
            let embedded = DefaultTemplates.templates[String(name.dropLast(".mustache".count))]
            #expect(embedded == Array(try Data(contentsOf: folder.appendingPathComponent(name))), "\(name)")
        }
        let assets = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("assets").path)
        #expect(Set(assets) == Set(DefaultTemplates.assets.keys))
    }
}
