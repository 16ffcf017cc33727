import Mustache

/// A String renders as itself. Without this, swift-mustache tries a text value as a template, a
/// custom renderable, a lambda and an optional, then prints it through `String(describing:)`:
/// four failed dynamic casts and a fifth that succeeds, for every value of every page. The
/// output is the same; transforms (`uppercased`) and sections still treat it as a String.
/// Retroactive, so the lint's rule is waived here: swift-mustache is pinned, and a conformance
/// it added later would stop the build rather than change a page.
// swift-format-ignore: AvoidRetroactiveConformances
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}
