/// Bold text as Markdown, the spaces around it kept outside the markers ("**" cannot open after
/// a space or close before one): " Căn cứ " gives " **Căn cứ** ".
enum BoldText {
    static func markdown(_ text: String) -> String {
        let core = text.trimmingCharacters(in: .whitespaces)
        guard !core.isEmpty else { return text }
        let leading = text.prefix { $0 == " " }
        let trailing = String(text.reversed().prefix { $0 == " " })
        return leading + "**" + core + "**" + trailing
    }
}
