import CongKhai
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import ServiceLifecycle
import UnixSignals
import VietText

/// `congkhai serve`: builds the portal into its preview folder, serves it on this computer,
/// rebuilds it when its sources change and reloads the open pages. Runs until one of `signals`
/// (Ctrl-C, SIGTERM), or until the task running it is cancelled.
package struct PreviewServer: Sendable {
    package let options: PreviewOptions

    package init(options: PreviewOptions) { self.options = options }

    /// `listening`: called with the port once the server accepts connections; nothing is built
    /// before. `report`: told of every build. Throws `PreviewServer.Failure` when the address
    /// cannot be listened on.
    package func run(
        signals: [UnixSignal] = [.sigterm, .sigint],
        listening: @escaping @Sendable (Int) -> Void = { _ in },
        report: @escaping @Sendable (Result<BuildReport, BuildFailure>) -> Void = { _ in }
    ) async throws {
        try Self.keepOutOfGit(options.output.deletingLastPathComponent())
        var logger = Logger(label: "congkhai-serve")
        // The console says what happens in Vietnamese; the server's own log only when asked.
        logger.logLevel = ProcessInfo.processInfo.environment["CONGKHAI_SERVE_LOG"] != nil ? .info : .critical
        let state = PreviewState()
        let accounts = try Self.accounts(options)
        let app = Application(
            responder: PreviewResponder(options: options, state: state, accounts: accounts),
            server: try Self.server(options),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "congkhai"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? options.port
                state.listening(on: port)
                listening(port)
            },
            logger: logger)
        var rebuilder = PreviewRebuilder(options: options.buildOptions, state: state)
        rebuilder.report = report
        // Stopped in reverse order: the rebuilder first, which ends the pages' event streams
        // (a build under way is left to finish or die with the process: a killed build leaves
        // the preview's folder as it was), then the server, which ends the requests under way.
        var configuration = ServiceGroupConfiguration(
            services: [app, rebuilder], gracefulShutdownSignals: signals, logger: logger)
        configuration.maximumGracefulShutdownDuration = .seconds(5)
        do {
            try await ServiceGroup(configuration: configuration).run()
        } catch let error as IOError {
            throw Failure(options: options, errno: error.errnoCode)
        }
    }

    /// The desk's accounts: asked for when served to other computers, or once the portal has
    /// a users file (then on this computer too). A users file that cannot be read stops
    /// `serve` from starting.
    static func accounts(_ options: PreviewOptions) throws -> DeskAccounts {
        let accounts = try DeskAccounts(
            usersFile: options.usersFile, folder: options.output.deletingLastPathComponent(),
            shared: options.isShared)
        if accounts.asking, case .failure(let failure) = accounts.accounts() {
            throw Failure(diagnostics: failure.diagnostics)
        }
        return accounts
    }

    /// HTTP, or HTTPS with the certificate and key given: each file read, and the pair checked
    /// to belong together, before the server starts (NIOSSL would otherwise say so only at the
    /// first connection, in English).
    static func server(_ options: PreviewOptions) throws -> HTTPServerBuilder {
        guard let certificate = options.tlsCertificate, let key = options.tlsKey else { return .http1() }
        func refusal(_ code: String, _ option: String, _ vi: String, _ en: String) -> Failure {
            Failure(diagnostics: [
                Diagnostic(
                    .error, code, file: option, message: .init(vi: vi, en: en),
                    fix: .init(
                        vi:
                            "dùng tệp PEM mà tài khoản chạy congkhai đọc được: chứng chỉ bắt đầu bằng -----BEGIN CERTIFICATE-----, khóa riêng của chính nó bắt đầu bằng -----BEGIN PRIVATE KEY----- (hoặc EC/RSA PRIVATE KEY).",
                        en:
                            "use PEM files readable by the account running congkhai: the certificate beginning -----BEGIN CERTIFICATE-----, its own private key beginning -----BEGIN PRIVATE KEY----- (or EC/RSA PRIVATE KEY)."
                    ))
            ])
        }
        for (file, option) in [(certificate, "--tls-cert"), (key, "--tls-key")]
        where !FileManager.default.isReadableFile(atPath: file) {
            throw refusal(
                "serve.tls-unreadable", option, "không đọc được tệp \(file) (không có, hoặc không được phép đọc).",
                "cannot read \(file) (missing, or not readable).")
        }
        let chain: [NIOSSLCertificateSource]
        do { chain = try NIOSSLCertificate.fromPEMFile(certificate).map { .certificate($0) } } catch {
            throw refusal(
                "serve.tls-unreadable", "--tls-cert", "\(certificate) không phải chứng chỉ dạng PEM.",
                "\(certificate) is not a PEM certificate.")
        }
        guard !chain.isEmpty else {
            throw refusal(
                "serve.tls-unreadable", "--tls-cert", "\(certificate) không chứa chứng chỉ nào.",
                "\(certificate) holds no certificate.")
        }
        let privateKey: NIOSSLPrivateKey
        do { privateKey = try NIOSSLPrivateKey(file: key, format: .pem) } catch {
            throw refusal(
                "serve.tls-unreadable", "--tls-key",
                "\(key) không phải khóa riêng dạng PEM (không mã hóa bằng mật khẩu).",
                "\(key) is not a PEM private key (without a passphrase).")
        }
        let configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain, privateKey: .privateKey(privateKey))
        do { _ = try NIOSSLContext(configuration: configuration) } catch {
            throw refusal(
                "serve.tls-mismatch", "--tls-key", "khóa riêng \(key) không khớp với chứng chỉ \(certificate).",
                "the private key \(key) does not match the certificate \(certificate).")
        }
        return try .tls(.http1(), tlsConfiguration: configuration)
    }

    /// The preview's folder holds the built site and its cache, drafts included with
    /// `--drafts`: a portal kept in git never commits it (as pytest keeps its cache).
    static func keepOutOfGit(_ folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // The sessions' key, the uploads and the log are this account's alone.
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder.path)
        let ignore = folder.appendingPathComponent(".gitignore")
        if !FileManager.default.fileExists(atPath: ignore.path) {
            try Data("# congkhai serve: the preview, made again from content/.\n*\n".utf8).write(to: ignore)
        }
    }

    /// The address could not be listened on, said as every congkhai problem is.
    package struct Failure: Error, DiagnosticError {
        package var diagnostics: [Diagnostic]

        init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

        init(options: PreviewOptions, errno code: Int32) {
            let address = "\(options.host):\(options.port)"
            let other = options.port == 8080 ? 8081 : 8080
            if code == EADDRINUSE {
                diagnostics = [
                    Diagnostic(
                        .error, "serve.port-in-use", file: "--port",
                        message: .init(
                            vi: "cổng \(options.port) đang được chương trình khác dùng (\(address)).",
                            en: "port \(options.port) is used by another program (\(address))."),
                        fix: .init(
                            vi: "chọn cổng khác, ví dụ `congkhai serve --port \(other)`, hoặc dừng chương trình kia.",
                            en: "choose another, e.g. `congkhai serve --port \(other)`, or stop the other program."))
                ]
            } else {
                let reason = String(cString: strerror(code))
                diagnostics = [
                    Diagnostic(
                        .error, "serve.cannot-listen", file: "--port",
                        message: .init(
                            vi: "không mở được \(address) (\(reason)).", en: "cannot listen on \(address) (\(reason))."),
                        fix: .init(
                            vi: "dùng một cổng từ 1024 đến 65535, ví dụ `--port \(other)`, và để --host là 127.0.0.1.",
                            en: "use a port from 1024 to 65535, e.g. `--port \(other)`, and --host 127.0.0.1."))
                ]
            }
        }
    }
}
