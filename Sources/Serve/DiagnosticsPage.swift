import CongKhai
import VietText

/// What the preview shows instead of a page while the latest build has failed: each error with
/// its file and line, what is wrong and how to fix it, in Vietnamese; the page reloads by
/// itself when a build succeeds.
enum DiagnosticsPage {
    static func html(_ diagnostics: [Diagnostic], reloadTag: String) -> String {
        var items = ""
        for diagnostic in diagnostics {
            var location = diagnostic.file
            if let line = diagnostic.line { location += ":\(line)" }
            items += "<li><p class=\"where\"><code>\(FastHTMLEscaping.escape(location))</code>"
            if let key = diagnostic.key { items += " – khóa <code>\(FastHTMLEscaping.escape(key))</code>" }
            items += "</p><p>\(FastHTMLEscaping.escape(diagnostic.message.vi))</p>"
            if let fix = diagnostic.fix {
                items += "<p><strong>Cách sửa:</strong> \(FastHTMLEscaping.escape(fix.vi))</p>"
            }
            items += "</li>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Chưa tạo được trang – congkhai serve</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 46rem; padding: 1rem; line-height: 1.5; color: #1a1a1a; }
            h1 { font-size: 1.4rem; color: #8a1c1c; }
            ol { padding-left: 1.2rem; }
            li { margin-bottom: 1rem; border-left: 4px solid #8a1c1c; padding-left: .75rem; }
            li p { margin: .25rem 0; }
            code { font-size: .95rem; overflow-wrap: anywhere; }
            </style>
            </head>
            <body>
            <main>
            <h1>Chưa tạo được trang: \(diagnostics.count) lỗi</h1>
            <p>Sửa các lỗi dưới đây trong tệp được nêu rồi lưu lại. Trang này tự tải lại khi trang web đã được tạo lại.</p>
            <ol>
            \(items)</ol>
            </main>
            \(reloadTag)
            </body>
            </html>

            """
    }

    /// Shown before the first build has finished.
    static func waiting(reloadTag: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Đang tạo trang – congkhai serve</title>
        </head>
        <body>
        <main><h1>Đang tạo trang…</h1><p>Trang này tự tải lại khi xong.</p></main>
        \(reloadTag)
        </body>
        </html>

        """
    }
}
