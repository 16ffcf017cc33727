import Foundation
import Mustache
import Testing

@testable import CongKhai

/// Contexts wrapped in `TemplateValues` render exactly as swift-mustache renders the same
/// dictionaries: a portal's own templates may use any of its features.
@Suite struct TemplateValuesTests {
    /// What a portal's template might do with a context: nested names, sections over rows and
    /// words, the parent's values from inside a row, inverted and missing sections, and the
    /// library's transforms on dictionaries, rows and lists of words.
    static let template = """
        {{title}} {{site.title}} {{#site}}{{title}} {{governing_body}}{{/site}}
        {{#rows}}[{{name}} {{root}} {{#tags}}{{.}},{{/tags}} {{count(tags)}} {{#first}}đầu{{/first}}]{{/rows}}
        {{#sorted(words)}}{{.}};{{/sorted(words)}} {{count(words)}} {{#reversed(words)}}{{.}}{{/reversed(words)}}
        {{count(site)}} {{#empty(empty_list)}}không có{{/empty(empty_list)}} {{count(rows)}}
        {{#first(rows)}}{{name}}{{/first(rows)}} {{#last(rows)}}{{name}}{{/last(rows)}}
        {{#enumerated(words)}}{{offset}}={{element}} {{/enumerated(words)}}
        {{#missing}}x{{/missing}}{{^missing}}thiếu{{/missing}} {{#absent}}x{{/absent}}{{^absent}}rỗng{{/absent}}
        {{#flag}}có{{/flag}} {{number}} {{#mixed}}{{#name}}{{name}}{{/name}}{{^name}}{{.}}{{/name}} {{/mixed}}
        {{#pagination}}{{current}}/{{count}} {{#pages}}{{number}}{{#current}}*{{/current}} {{/pages}}{{/pagination}}
        {{uppercased(site.title)}} {{#site.nested}}{{deep.value}}{{/site.nested}}
        """

    static var context: [String: Any] {
        let absent: [String: Any]? = nil
        return [
            "title": "Trang <chủ>", "root": "../",
            "site": [
                "title": "Cổng công khai", "governing_body": "Phòng GD&ĐT",
                "nested": ["deep": ["value": "sâu"] as [String: Any]] as [String: Any]
            ] as [String: Any],
            "rows": [
                ["name": "Một", "tags": ["a", "b"], "first": true] as [String: Any],
                ["name": "Hai", "tags": [String](), "first": false] as [String: Any]
            ],
            "words": ["chuối", "an", "bưởi"], "empty_list": [String](), "flag": true, "number": 42,
            "mixed": ["chữ", ["name": "tên"] as [String: Any]] as [Any], "absent": absent as Any,
            "pagination": [
                "current": 2, "count": 3,
                "pages": [1, 2, 3].map { ["number": $0, "current": $0 == 2] as [String: Any] }
            ] as [String: Any]
        ]
    }

    @Test func wrappedContextsRenderAsThePlainDictionaries() throws {
        var library = MustacheLibrary()
        library.register(try MustacheTemplate(string: Self.template), named: "page")
        let plain = try #require(library.render(Self.context, withTemplate: "page"))
        let wrapped = try #require(library.render(TemplateValues(values: Self.context), withTemplate: "page"))
        #expect(wrapped == plain)
        // The template did what it says, so the comparison compares something.
        #expect(plain.contains("Trang &lt;chủ&gt; Cổng công khai Cổng công khai Phòng GD&amp;ĐT"))
        #expect(plain.contains("[Một ../ a,b, 2 đầu][Hai ../  0 ]"))
        #expect(plain.contains("an;bưởi;chuối; 3 bưởianchuối"))
        #expect(plain.contains("3 không có 2"))
        #expect(plain.contains("Một Hai"))
        // swift-mustache takes a nil kept in an `Any` for a value: the same either way.
        #expect(plain.contains("thiếu x"))
        #expect(plain.contains("có 42 chữ tên "))
        #expect(plain.contains("2/3 1 2* 3 "))
        #expect(plain.contains("CỔNG CÔNG KHAI sâu"))
    }

    /// The site's own templates see the wrapped values through `TemplateLibrary`.
    @Test func theLibraryRendersThroughTheWrapper() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("template-values-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data(Self.template.utf8).write(to: templates.appendingPathComponent("own.mustache"))
        let library = try #require(TemplateLibrary.load(portal: folder).library)
        var plain = MustacheLibrary()
        plain.register(try MustacheTemplate(string: Self.template), named: "own")
        let expected = try #require(plain.render(Self.context, withTemplate: "own"))
        #expect(library.render(Self.context, template: "own") == expected)
    }
}
