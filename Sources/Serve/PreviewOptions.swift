import CongKhai
import Foundation
import VietText

/// What `congkhai serve` serves, and where: the portal, the address it listens on and the path
/// the site is served under.
package struct PreviewOptions: Sendable {
    package var source: URL
    package var host: String
    /// 0 takes any free port (the tests do).
    package var port: Int
    /// The path the site is served under: "/" or "/cong-khai/", always with both slashes.
    package var base: String { Self.normalisedBase(givenBase) ?? "/" }
    /// `--base` as given.
    package var givenBase: String
    package var includeDrafts: Bool
    /// Today in Vietnam, asked each time: the desk's default day of publication (the command
    /// line reads the clock; the library never does). `serve` runs for days.
    package var today: @Sendable () -> IssuedDate?

    package init(
        source: URL, host: String = "127.0.0.1", port: Int = 8080, base: String = "/", includeDrafts: Bool = false,
        today: @escaping @Sendable () -> IssuedDate? = { nil }
    ) {
        self.today = today
        self.source = source.standardizedFileURL
        self.host = host
        self.port = port
        givenBase = base
        self.includeDrafts = includeDrafts
    }

    /// The preview is built into a folder of its own inside the portal, hidden and ignored by
    /// git, never into public/: what is published changes only with `congkhai build`.
    package var output: URL { source.appendingPathComponent(".congkhai-serve/trang") }

    package var buildOptions: BuildOptions {
        BuildOptions(source: source, output: output, includeDrafts: includeDrafts)
    }

    /// The hosts a preview listens on. Anyone who can reach another address could read the
    /// drafts: serving beyond this computer waits for the accounts of the publishing desk.
    static let localHosts: Set<String> = ["127.0.0.1", "localhost", "::1"]

    /// "cong-khai", "/cong-khai" and "/cong-khai/" are all "/cong-khai/"; nil when a part of
    /// the path is not a plain URL segment.
    package static func normalisedBase(_ text: String) -> String? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: true)
        for part in parts {
            guard part != ".", part != "..",
                part.unicodeScalars.allSatisfy({ scalar in
                    switch scalar {
                    case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".", "~": true
                    default: false
                    }
                })
            else { return nil }
        }
        return parts.isEmpty ? "/" : "/" + parts.joined(separator: "/") + "/"
    }

    /// What forbids serving with these options, in the words `congkhai` reports problems in.
    package func problems() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let given = givenBase
        if Self.normalisedBase(given) == nil {
            problems.append(
                Diagnostic(
                    .error, "serve.bad-base", file: "--base",
                    message: .init(
                        vi: "đường dẫn “\(given)” có ký tự không dùng được trong địa chỉ trang.",
                        en: "path “\(given)” holds characters a web address cannot."),
                    fix: .init(
                        vi: "dùng chữ không dấu, số và dấu gạch ngang, ví dụ `--base /cong-khai/`.",
                        en: "use ASCII letters, digits and hyphens, e.g. `--base /cong-khai/`.")))
        }
        if !Self.localHosts.contains(host) {
            problems.append(
                Diagnostic(
                    .error, "serve.host-not-local", file: "--host",
                    message: .init(
                        vi:
                            "bản xem trước chỉ mở trên máy này (127.0.0.1); mở ra “\(host)” thì người khác xem được cả văn bản nháp.",
                        en:
                            "the preview is served on this computer only (127.0.0.1); on “\(host)” others could read the drafts."
                    ),
                    fix: .init(
                        vi:
                            "bỏ `--host` rồi mở http://127.0.0.1:\(port)\(base) trên máy này; để đăng lên mạng, chạy `congkhai build` và chép thư mục public/.",
                        en:
                            "leave out `--host` and open http://127.0.0.1:\(port)\(base) here; to publish, run `congkhai build` and copy public/."
                    )))
        }
        if !(0...65535).contains(port) {
            problems.append(
                Diagnostic(
                    .error, "serve.bad-port", file: "--port",
                    message: .init(vi: "cổng \(port) không có thật.", en: "there is no port \(port)."),
                    fix: .init(
                        vi: "chọn một số từ 1024 đến 65535, ví dụ `--port 8080`.",
                        en: "choose one from 1024 to 65535, e.g. `--port 8080`.")))
        }
        return problems
    }
}
