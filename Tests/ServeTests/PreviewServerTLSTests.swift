import Foundation
import TestSupport
import Testing
import VietText

@testable import Serve

/// The certificate and key `serve` is given: each file read, the pair checked before the server
/// starts, every problem said in Vietnamese with the option it is about.
struct PreviewServerTLSTests {
    static let openssl = "/usr/bin/openssl"

    /// A self-signed certificate and its key, made by openssl in `folder`.
    static func pair(_ name: String, in folder: URL) throws -> (certificate: String, key: String) {
        let certificate = folder.appendingPathComponent("\(name).pem").path
        let key = folder.appendingPathComponent("\(name)-key.pem").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: openssl)
        process.arguments = [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", key, "-out",
            certificate, "-days", "2", "-subj", "/CN=\(name)"
        ]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (certificate, key)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: openssl)))
    func aCertificateAndKeyAreCheckedBeforeTheServerStarts() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let one = try Self.pair("mot", in: folder)
        let other = try Self.pair("hai", in: folder)
        func problem(_ certificate: String, _ key: String) -> Diagnostic? {
            let options = PreviewOptions(source: folder, tlsCertificate: certificate, tlsKey: key)
            do {
                _ = try PreviewServer.server(options)
                return nil
            } catch let failure as PreviewServer.Failure {
                return failure.diagnostics.first
            } catch {
                return Diagnostic(.error, "other", file: "", message: .init(vi: "\(error)", en: "\(error)"))
            }
        }
        #expect(problem(one.certificate, one.key) == nil)
        let mismatch = problem(one.certificate, other.key)
        #expect(mismatch?.code == "serve.tls-mismatch" && mismatch?.file == "--tls-key")
        #expect(mismatch?.message.vi.contains("không khớp") == true)
        let missing = problem(folder.appendingPathComponent("khong-co.pem").path, one.key)
        #expect(missing?.code == "serve.tls-unreadable" && missing?.file == "--tls-cert")
        #expect(problem(one.key, one.certificate)?.message.vi.contains("không phải chứng chỉ") == true)
        #expect(problem(one.certificate, one.certificate)?.message.vi.contains("không phải khóa riêng") == true)
    }
}
