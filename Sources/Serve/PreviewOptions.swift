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
    /// `--tls-cert` and `--tls-key`: PEM files; served over https with them.
    package var tlsCertificate: String?
    package var tlsKey: String?
    /// `--behind-proxy`: a reverse proxy in front serves https and passes requests on.
    package var behindProxy: Bool
    /// `--server-name`: the names the desk is reached by (its address bar), beside the address
    /// listened on.
    package var serverNames: [String]

    package init(
        source: URL, host: String = "127.0.0.1", port: Int = 8080, base: String = "/", includeDrafts: Bool = false,
        tlsCertificate: String? = nil, tlsKey: String? = nil, behindProxy: Bool = false, serverNames: [String] = [],
        today: @escaping @Sendable () -> IssuedDate? = { nil }
    ) {
        self.today = today
        self.tlsCertificate = tlsCertificate
        self.tlsKey = tlsKey
        self.behindProxy = behindProxy
        self.serverNames = serverNames
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

    /// This computer's addresses: a preview listening on one is reached from here only.
    static let localHosts: Set<String> = ["127.0.0.1", "localhost", "::1"]
    /// Every address of this computer: reached by whatever name the network gives it.
    static let wildcardHosts: Set<String> = ["0.0.0.0", "::", "*"]

    /// Reached from other computers, or through a proxy: anyone might ask.
    package var isShared: Bool { !Self.localHosts.contains(host.lowercased()) || behindProxy }

    /// Pages reached over https.
    package var secure: Bool { secureItself || behindProxy }

    /// Served over https by congkhai itself.
    var secureItself: Bool { tlsCertificate != nil && tlsKey != nil }

    package var usersFile: UsersFile { UsersFile(portal: source) }

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
        problems += sharingProblems()
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

    /// What forbids serving beyond this computer: anyone who can reach the server could read
    /// the drafts and write into the portal, so it needs the accounts, https, and the names it
    /// is reached by.
    func sharingProblems() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if (tlsCertificate == nil) != (tlsKey == nil) {
            problems.append(
                Diagnostic(
                    .error, "serve.tls-incomplete", file: tlsCertificate == nil ? "--tls-cert" : "--tls-key",
                    message: .init(
                        vi: "https cần cả chứng chỉ (`--tls-cert`) và khóa riêng (`--tls-key`).",
                        en: "https needs both the certificate (`--tls-cert`) and its private key (`--tls-key`)."),
                    fix: .init(
                        vi: "ghi cả hai, ví dụ `--tls-cert /etc/ssl/congkhai.pem --tls-key /etc/ssl/congkhai.key`.",
                        en: "give both, e.g. `--tls-cert /etc/ssl/congkhai.pem --tls-key /etc/ssl/congkhai.key`.")))
        }
        for name in serverNames where !Self.isHostName(name) {
            problems.append(
                Diagnostic(
                    .error, "serve.bad-server-name", file: "--server-name",
                    message: .init(
                        vi: "“\(name)” không phải tên máy chủ.", en: "“\(name)” is not a host name."),
                    fix: .init(
                        vi:
                            "ghi tên trên thanh địa chỉ, không có https:// và đường dẫn, ví dụ `--server-name congkhai.pgd.edu.vn`.",
                        en:
                            "give the name in the address bar, without https:// or a path, e.g. `--server-name congkhai.pgd.edu.vn`."
                    )))
        }
        guard isShared else { return problems }
        if behindProxy && !Self.localHosts.contains(host.lowercased()) && !secureItself {
            problems.append(
                Diagnostic(
                    .error, "serve.proxy-not-local", file: "--behind-proxy",
                    message: .init(
                        vi:
                            "sau máy chủ web thì congkhai chỉ nghe trên máy này; nghe ở “\(host)” bằng http thì mật khẩu đi qua mạng không mã hóa.",
                        en:
                            "behind a web server congkhai listens on this computer only; on “\(host)” over http passwords would cross the network in clear."
                    ),
                    fix: .init(
                        vi:
                            "bỏ `--host` (máy chủ web chuyển tới http://127.0.0.1:\(port)), hoặc thêm `--tls-cert` và `--tls-key`.",
                        en:
                            "leave out `--host` (the web server passes to http://127.0.0.1:\(port)), or add `--tls-cert` and `--tls-key`."
                    )))
        }
        if !usersFile.exists {
            problems.append(
                Diagnostic(
                    .error, "serve.no-accounts", file: behindProxy ? "--behind-proxy" : "--host",
                    message: .init(
                        vi:
                            "mở bàn soạn thảo cho máy khác (“\(behindProxy ? "--behind-proxy" : host)”) cần tài khoản, nếu không ai cũng đọc được văn bản nháp và ghi vào cổng.",
                        en:
                            "serving the desk to other computers (“\(behindProxy ? "--behind-proxy" : host)”) needs accounts, or anyone could read the drafts and write into the portal."
                    ),
                    fix: .init(
                        vi:
                            "tạo tài khoản cho từng trường: `congkhai user add TÊN --unit MÃ-ĐƠN-VỊ` (tệp \(UsersFile.name) cạnh congkhai.yaml).",
                        en:
                            "add an account for each school: `congkhai user add NAME --unit UNIT-ID` (\(UsersFile.name))."
                    )))
        }
        if !secure {
            problems.append(
                Diagnostic(
                    .error, "serve.no-tls", file: "--host",
                    message: .init(
                        vi: "mở cho máy khác thì phải dùng https: mật khẩu không được gửi qua mạng không mã hóa.",
                        en: "serving to other computers needs https: passwords must not cross the network in clear."),
                    fix: .init(
                        vi:
                            "thêm `--tls-cert CHỨNG-CHỈ.pem --tls-key KHÓA.pem`, hoặc `--behind-proxy` khi máy chủ web (nginx, Caddy) đã lo https.",
                        en:
                            "add `--tls-cert CERT.pem --tls-key KEY.pem`, or `--behind-proxy` when a web server (nginx, Caddy) serves https."
                    )))
        }
        if serverNames.isEmpty && (behindProxy || Self.wildcardHosts.contains(host)) {
            // Behind a proxy people reach the proxy's port, not this one.
            let example = "https://congkhai.pgd.edu.vn" + (behindProxy ? "" : ":\(port)") + base
            problems.append(
                Diagnostic(
                    .error, "serve.no-server-name", file: "--server-name",
                    message: .init(
                        vi: "chưa biết người dùng gõ tên nào để vào bàn soạn thảo; trang khác tên bị từ chối.",
                        en: "the name people type to reach the desk is not given; other names are refused."),
                    fix: .init(
                        vi:
                            "thêm `--server-name TÊN`: tên trên thanh địa chỉ, ví dụ `--server-name congkhai.pgd.edu.vn` khi mọi người mở \(example).",
                        en:
                            "add `--server-name NAME`: the name in the address bar, e.g. `--server-name congkhai.pgd.edu.vn` when people open \(example)."
                    )))
        }
        return problems
    }

    /// A DNS name or an address: letters, digits, "-" and "." (":" for IPv6).
    static func isHostName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 253
            && name.unicodeScalars.allSatisfy { scalar in
                switch scalar {
                case "a"..."z", "A"..."Z", "0"..."9", "-", ".", ":": true
                default: false
                }
            }
    }
}
