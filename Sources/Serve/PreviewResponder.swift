import Foundation
import Hummingbird
import NIOCore

/// Answers the preview's requests: the built site's files under the base path, as `build` wrote
/// them but for the reload script added to each page; the diagnostics of a failed build instead
/// of a page; the reload script and its events.
package struct PreviewResponder: HTTPResponder {
    package typealias Context = BasicRequestContext

    /// The folder the preview is built into.
    let folder: URL
    let base: String
    let state: PreviewState
    let desk: Desk

    init(options: PreviewOptions, state: PreviewState, accounts: DeskAccounts) {
        folder = options.output
        base = options.base
        self.state = state
        desk = Desk(options: options, state: state, accounts: accounts)
    }

    package func respond(to request: Request, context: Context) async throws -> Response {
        let isDesk = request.uri.path.hasPrefix(base + Desk.path)
        guard request.method == .get || request.method == .head || (isDesk && request.method == .post) else {
            return Self.plain(.methodNotAllowed, "Chỉ đọc được trang (GET, HEAD).\n", extra: [.allow: "GET, HEAD"])
        }
        // A page of another site can have its own name lead to this server (DNS rebinding) and
        // read the preview, drafts and all: only the names it is reached by are answered.
        guard desk.guardian.address.allows(authority: request.head.authority, port: state.port) else {
            return Self.plain(
                .misdirectedRequest,
                "Bản xem trước chỉ mở bằng địa chỉ của máy này hoặc tên đã khai (--server-name).\n")
        }
        if request.method == .head && request.uri.path == base + ReloadScript.events {
            return Response(status: .ok, headers: Self.eventHeaders)
        }
        if request.uri.path.hasPrefix(base + Desk.path) {
            return await desk.respond(to: request, rest: request.uri.path.dropFirst(base.count + Desk.path.count))
        }
        if request.uri.path == base + Desk.path.dropLast() {
            return .redirect(to: base + Desk.path, type: .found)
        }
        // With accounts, the preview shows drafts to those signed in only.
        if desk.guardian.access(request) == nil {
            if request.uri.path == base + ReloadScript.events {
                return Self.plain(.unauthorized, "Chưa đăng nhập.\n")
            }
            return desk.signInFirst(request)
        }
        let response = answer(request)
        guard request.method == .head else { return response }
        // The same headers, no body.
        var head = Response(status: response.status, headers: response.headers)
        if let length = response.body.contentLength { head.headers[.contentLength] = String(length) }
        return head
    }

    private func answer(_ request: Request) -> Response {
        let path = request.uri.path
        guard path.hasPrefix(base) else {
            // The site's own root, asked without its base path: sent there.
            if path == "/" || base.hasPrefix(path) { return .redirect(to: base, type: .found) }
            return Self.plain(.notFound, "Không có trang này. Trang web ở \(base)\n")
        }
        let rest = path.dropFirst(base.count)
        if rest == ReloadScript.script[...] {
            return Self.bytes(Array(ReloadScript.source.utf8), type: "text/javascript; charset=utf-8")
        }
        if rest == ReloadScript.sharedScript[...] {
            return Self.bytes(Array(ReloadScript.sharedSource.utf8), type: "text/javascript; charset=utf-8")
        }
        if rest == ReloadScript.events[...] { return events() }
        guard let sitePath = SitePath(rest) else { return Self.plain(.notFound, "Không có trang này.\n") }
        let snapshot = state.snapshot
        let tag = ReloadScript.tag(base: base, generation: snapshot.generation)
        // The pages a build renders are folders' index.html and 404.html; any other file (an
        // attachment saved as .html too) is served as it is.
        let isPage = sitePath.isFolder || ["index.html", "404.html"].contains(sitePath.segments.last ?? "")
        if isPage {
            if let failure = snapshot.failure {
                return Self.bytes(
                    Array(DiagnosticsPage.html(failure, reloadTag: tag).utf8), type: Self.htmlType,
                    status: .internalServerError)
            }
            if !snapshot.built {
                return Self.bytes(
                    Array(DiagnosticsPage.waiting(reloadTag: tag).utf8), type: Self.htmlType,
                    status: .serviceUnavailable)
            }
        }
        var file = folder.appendingPathComponent(sitePath.joined)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), isDirectory.boolValue {
            // Pages link relatively: a folder's page must be asked for with its slash.
            guard sitePath.isFolder else {
                let query = request.uri.query.map { "?" + $0 } ?? ""
                return .redirect(to: path + "/" + query, type: .found)
            }
            file = file.appendingPathComponent("index.html")
        }
        guard let bytes = FileManager.default.contents(atPath: file.path).map(Array.init) else {
            return notFound(tag: tag)
        }
        let isRendered = isPage || file.lastPathComponent == "index.html"
        var response = Self.bytes(
            isRendered ? ReloadScript.inject(tag, into: bytes) : bytes, type: Self.contentType(file.pathExtension))
        // An attachment that a browser would run (a saved page, a drawing) runs apart from this
        // site: its scripts cannot reach the publishing desk.
        if !isRendered && ["html", "htm", "svg", "xhtml", "xml"].contains(file.pathExtension.lowercased()) {
            response.headers[.contentSecurityPolicy] = "sandbox"
        }
        return response
    }

    /// The site's own 404 page, when it has one.
    private func notFound(tag: String) -> Response {
        guard let page = FileManager.default.contents(atPath: folder.appendingPathComponent("404.html").path) else {
            return Self.plain(.notFound, "Không có trang này.\n")
        }
        return Self.bytes(ReloadScript.inject(tag, into: Array(page)), type: Self.htmlType, status: .notFound)
    }

    private func events() -> Response {
        let stream = state.events()
        return Response(
            status: .ok, headers: Self.eventHeaders,
            body: ResponseBody { writer in
                for await text in stream { try await writer.write(ByteBuffer(string: text)) }
                try await writer.finish(nil)
            })
    }

    static let htmlType = "text/html; charset=utf-8"
    static let eventHeaders: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"]

    /// The types of the files a site holds; anything else is sent as bytes to download.
    static func contentType(_ pathExtension: String) -> String {
        switch pathExtension.lowercased() {
        case "html", "htm": htmlType
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "xml": "application/xml; charset=utf-8"
        case "txt": "text/plain; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "ico": "image/x-icon"
        case "woff2": "font/woff2"
        case "pdf": "application/pdf"
        case "zip": "application/zip"
        case "doc": "application/msword"
        case "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "xls": "application/vnd.ms-excel"
        case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        default: "application/octet-stream"
        }
    }

    /// Never cached: the next build may change any file.
    private static func bytes(_ bytes: [UInt8], type: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: type, .cacheControl: "no-store", .contentLength: String(bytes.count)],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A short text for a person, never cached: what the server says when it serves no page.
    static func plain(_ status: HTTPResponse.Status, _ text: String, extra: HTTPFields = [:]) -> Response {
        var response = bytes(Array(text.utf8), type: "text/plain; charset=utf-8", status: status)
        response.headers.append(contentsOf: extra)
        return response
    }
}
