import Foundation

/// Takes the text layer of a PDF through pdftotext (Debian's poppler-utils), keeping the layout
/// so side-by-side blocks stay on their lines, and its page breaks (form feeds), where running
/// headers and page numbers are told from text. A PDF without text (a scan) is refused:
/// congkhai does no OCR.
enum PDFTextReader {
    enum Failure: Error {
        case toolMissing
        case failed(String)
        case noText
    }

    static func text(of url: URL) throws -> String {
        guard
            let tool = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first(
                where: FileManager.default.isExecutableFile(atPath:))
        else {
            throw Failure.toolMissing
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-layout", "-enc", "UTF-8", url.path, "-"]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch { throw Failure.failed("\(error)") }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure.failed(String(decoding: message, as: UTF8.self)) }
        let text = String(decoding: data, as: UTF8.self)
        guard text.contains(where: \.isLetter) else { throw Failure.noText }
        return text
    }
}
