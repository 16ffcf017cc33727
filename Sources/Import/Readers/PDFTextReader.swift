import Foundation
import VietText

/// Takes the text layer of a PDF through pdftotext (Debian's poppler-utils), keeping the layout
/// so side-by-side blocks stay on their lines, and its page breaks (form feeds), where running
/// headers and page numbers are told from text. A PDF without text (a scan) is refused:
/// congkhai does no OCR.
enum PDFTextReader {
    enum Failure: Error {
        case toolMissing
        case failed(String)
        case noText
        /// pdftotext ran longer than `timeLimit`: a damaged or hostile file is stopped.
        case tookTooLong
    }

    /// A school's PDF is read in a second or two; one that takes this long is stopped.
    static let timeLimit: Double = 60

    /// `tool`: the pdftotext to run; the installed one when nil (tests give a stand-in).
    static func text(of url: URL, timeLimit: Double = Self.timeLimit, tool given: String? = nil) throws -> String {
        guard
            let tool = given
                ?? ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first(
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
        // Whether the time limit stopped the tool, told from the timer's thread to the reader's.
        let stopped = Happened()
        // A queue of its own: the shared ones may all be busy with a build, and the limit must
        // still come on time.
        let watch = DispatchQueue(label: "congkhai.pdftotext")
        watch.asyncAfter(deadline: .now() + timeLimit) { [process] in
            if process.isRunning {
                stopped.record()
                // Killed, not asked: a tool stuck on a hostile file may not listen.
                kill(process.processIdentifier, SIGKILL)
            }
        }
        // Both pipes read at once: a damaged file makes pdftotext write many errors, and a full
        // error pipe would stop it while the text is being read.
        let message = Collected()
        let drained = DispatchGroup()
        DispatchQueue(label: "congkhai.pdftotext-errors").async(group: drained) {
            message.set(errors.fileHandleForReading.readDataToEndOfFile())
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        if stopped.happened { throw Failure.tookTooLong }
        guard process.terminationStatus == 0 else {
            throw Failure.failed(String(decoding: message.data, as: UTF8.self))
        }
        let text = String(decoding: data, as: UTF8.self)
        guard text.contains(where: \.isLetter) else { throw Failure.noText }
        return text
    }
}

/// The error output, read on another thread.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes = Data()
    func set(_ data: Data) { lock.withLock { bytes = data } }
    var data: Data { lock.withLock { bytes } }
}
