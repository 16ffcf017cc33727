import Foundation
import Hummingbird
import NIOCore

/// Signing in and out of a desk with accounts. The sign-in form carries the desk's token (as
/// a desk without accounts does); a session then makes its own.
extension Desk {
    /// What the sign-in form sends.
    struct SignInForm: Decodable {
        var csrf: String?
        var ten: String?
        var mat_khau: String?
        var tiep: String?
    }

    func signInPage(
        next: String?, name: String = "", problem: String? = nil, status: HTTPResponse.Status = .ok,
        extra: HTTPFields = [:]
    ) -> Response {
        guard guardian.accounts.asking else { return .redirect(to: base + Desk.path, type: .found) }
        var visit = self
        visit.access = .everything(formToken: guardian.token)
        var response = visit.respond(
            "signIn",
            [
                "title": "Đăng nhập", "next": safeNext(next), "name": name, "problems": problem.map { [$0] } ?? [],
                "hasProblems": problem != nil, "signingIn": true
            ], status: status)
        response.headers.append(contentsOf: extra)
        return response
    }

    /// A request without a live session: a page is asked again after signing in; a form is
    /// refused (its token is a session's).
    func signInFirst(_ request: Request) -> Response {
        if request.method == .get || request.method == .head {
            let asked = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
            return .redirect(to: signInAddress(next: asked), type: .found)
        }
        return Self.page(
            .forbidden, "Phiên làm việc đã hết hoặc chưa đăng nhập. Mở \(base + Desk.path)dang-nhap để đăng nhập lại.")
    }

    /// The sign-in page's address, coming back to `next` afterwards.
    func signInAddress(next: String) -> String {
        let encoded = next.addingPercentEncoding(
            withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-._~/")))
        return base + Desk.path + "dang-nhap" + (encoded.map { "?tiep=" + $0 } ?? "")
    }

    /// Where to go after signing in: a path of this site, never another's ("//evil", "/\\evil",
    /// "/<tab>/evil": browsers drop tabs and newlines from an address): printable ASCII only
    /// (the site's paths are slugs; anything else comes percent-encoded), no backslash.
    func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix(base), !next.hasPrefix("//"),
            next.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) && $0 != "\\" }),
            !next.hasPrefix(base + Desk.path + "dang-nhap")
        else { return base + Desk.path }
        return next
    }

    func signIn(_ request: inout Request) async -> Response {
        let accounts = guardian.accounts
        guard accounts.asking else { return .redirect(to: base + Desk.path, type: .normal) }
        let form: SignInForm
        do {
            let body = try await request.collectBody(upTo: 64 << 10)
            form = try URLEncodedFormDecoder().decode(SignInForm.self, from: String(buffer: body))
        } catch {
            return Self.page(.badRequest, "Biểu mẫu gửi lên không đọc được.")
        }
        guard guardian.allows(request, formToken: form.csrf, access: nil, port: state.port) else {
            return Self.refused()
        }
        let name = form.ten ?? ""
        let password = form.mat_khau ?? ""
        let outcome = await offThePool { accounts.signIn(name: name, password: password, now: Date()) }
        switch outcome {
        case .signedIn(let cookie, _)?:
            var response = Response.redirect(to: safeNext(form.tiep), type: .normal)
            response.setCookie(guardian.sessionCookie(cookie))
            return response
        case .wrong?:
            return signInPage(
                next: form.tiep, name: name,
                problem:
                    "Sai tên tài khoản hoặc mật khẩu. Sau \(LoginThrottle.freeTries) lần sai, phải chờ một lúc mới được thử lại.",
                status: .unauthorized)
        case .wait(let seconds)?:
            return signInPage(
                next: form.tiep, name: name,
                problem:
                    "Đã nhập sai mật khẩu nhiều lần. Hãy chờ \(seconds) giây rồi thử lại, hoặc hỏi người quản trị cổng.",
                status: .tooManyRequests, extra: [.retryAfter: String(seconds)])
        case .unreadable?:
            // What is wrong in it is for the administrator, not for whoever reaches this page.
            return signInPage(
                next: form.tiep, name: name,
                problem:
                    "Tệp tài khoản của cổng đang lỗi, chưa ai đăng nhập được. Báo người quản trị cổng: lệnh congkhai user list chỉ ra chỗ sai.",
                status: .internalServerError)
        case nil:
            return Self.page(.serviceUnavailable, "Bản xem trước đang dừng.")
        }
    }

    func signOut(_ request: inout Request) async -> Response {
        if case .failure(let refusal) = await sentForm(&request) { return refusal.response }
        if let session = access.session {
            do { try guardian.accounts.end(session, now: Date()) } catch {
                return Self.page(
                    .internalServerError,
                    "Chưa đăng xuất được (không ghi được \(error.localizedDescription)). Đóng trình duyệt rồi báo người quản trị cổng."
                )
            }
        }
        var response = Response.redirect(to: base + Desk.path + "dang-nhap", type: .normal)
        response.setCookie(guardian.endedSessionCookie)
        return response
    }
}
