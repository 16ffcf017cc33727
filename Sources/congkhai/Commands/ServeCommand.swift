import ArgumentParser
import CongKhai
import Foundation
import Serve
import VietText

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract:
            "Xem trước cổng trên máy này: tạo trang, mở tại http://127.0.0.1:8080/, tạo lại và tải lại trang mỗi khi sửa tệp."
    )

    @Option(help: "Thư mục của cổng (chứa congkhai.yaml và content/).")
    var source: String = "."

    @Option(help: "Cổng mạng để mở trang.")
    var port: Int = 8080

    @Option(
        help:
            "Địa chỉ nghe. Mặc định chỉ máy này; địa chỉ khác (0.0.0.0: mọi địa chỉ) cần tài khoản (congkhai user add) và https."
    )
    var host: String = "127.0.0.1"

    @Option(name: .customLong("tls-cert"), help: "Chứng chỉ https (tệp PEM), cùng với --tls-key.")
    var tlsCertificate: String?

    @Option(name: .customLong("tls-key"), help: "Khóa riêng của chứng chỉ (tệp PEM).")
    var tlsKey: String?

    @Flag(name: .customLong("behind-proxy"), help: "Chạy sau máy chủ web (nginx, Caddy) đã lo https.")
    var behindProxy = false

    @Option(
        name: .customLong("server-name"),
        help: "Tên người dùng gõ để vào bàn soạn thảo, ví dụ congkhai.pgd.edu.vn; ghi nhiều lần nếu có nhiều tên.")
    var serverNames: [String] = []

    @Option(help: "Đường dẫn gốc của trang, ví dụ /cong-khai/.")
    var base: String = "/"

    @Flag(help: "Hiện cả các văn bản nháp (draft: true).")
    var drafts = false

    @OptionGroup var lang: MessageLanguage

    func run() async throws {
        let console = Console(language: lang.language, atOnce: true)
        let options = PreviewOptions(
            source: URL(fileURLWithPath: source), host: host, port: port, base: base, includeDrafts: drafts,
            tlsCertificate: tlsCertificate, tlsKey: tlsKey, behindProxy: behindProxy, serverNames: serverNames,
            today: { todayInVietnam().date })
        let problems = options.problems()
        guard problems.isEmpty else {
            console.report(problems)
            throw ExitCode(1)
        }
        do {
            try await PreviewServer(options: options).run(
                listening: { [host] port in
                    let name = options.serverNames.first ?? (host.contains(":") ? "[\(host)]" : host)
                    // Behind a proxy, the address people type has the proxy's port, not this one.
                    let root =
                        options.behindProxy
                        ? "https://\(name)\(options.base)"
                        : "\(options.secure ? "https" : "http")://\(name):\(port)\(options.base)"
                    let behind = options.behindProxy ? " (cổng \(port) sau máy chủ web)" : ""
                    console.say(
                        LocalizedText(
                            vi:
                                "Đang mở bản xem trước tại \(root)\(behind) (Ctrl-C để dừng); bàn soạn thảo: \(root)_soan-thao/. Trang công khai (public/) chỉ đổi khi bấm Xuất bản.",
                            en:
                                "Previewing at \(root)\(behind) (Ctrl-C to stop); the desk: \(root)_soan-thao/. The published site (public/) changes only with Xuất bản."
                        ))
                    if options.isShared || options.usersFile.exists {
                        console.say(
                            LocalizedText(
                                vi: "Bàn soạn thảo cần đăng nhập bằng tài khoản trong \(UsersFile.name).",
                                en: "The desk asks for an account of \(UsersFile.name)."))
                    }
                },
                report: { outcome in
                    if case .success(let report) = outcome, report.unchanged { return }
                    BuildCommand.tell(outcome, console)
                    if case .failure = outcome {
                        console.warn(
                            LocalizedText(
                                vi: "Trang xem trước hiện các lỗi trên cho đến khi sửa xong.",
                                en: "The preview shows these errors until they are fixed."))
                    }
                })
        } catch let failure as PreviewServer.Failure {
            console.report(failure.diagnostics)
            throw ExitCode(1)
        }
        console.say(LocalizedText(vi: "Đã dừng bản xem trước.", en: "Preview stopped."))
    }
}
