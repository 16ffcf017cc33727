/// What an uploaded file is, told by its first bytes rather than by the name a browser sends: a
/// Word file is a zip, a PDF says so, a saved page starts as a page; anything else must be text.
enum DeskFileKind {
    /// The extension import reads the bytes by, or the reason they cannot be read.
    static func of(_ bytes: [UInt8]) -> Result<String, DeskRefusal> {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .success("docx") }
        if bytes.starts(with: Array("%PDF-".utf8)) { return .success("pdf") }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            return .failure(
                DeskRefusal(
                    "Đây là tệp Word cũ (.doc). Mở bằng Word, chọn Lưu thành… Word Document (.docx) rồi gửi lại."))
        }
        // Text in UTF-16 (Notepad's "Unicode") has zero bytes; it starts with its byte-order mark.
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return .success("txt") }
        if bytes.prefix(4096).contains(0) {
            return .failure(
                DeskRefusal(
                    "Tệp này không phải văn bản, Word (.docx), PDF hay trang web đã lưu (có thể là ảnh). Hãy gửi bản Word hoặc PDF gốc của văn bản."
                ))
        }
        let start = String(decoding: bytes.prefix(512), as: UTF8.self)
            .drop { $0 == "\u{FEFF}" || $0.isWhitespace }.prefix(15).lowercased()
        return .success(start.hasPrefix("<!doctype html") || start.hasPrefix("<html") ? "html" : "txt")
    }
}

/// Why the desk refused what it was given, said to the clerk.
struct DeskRefusal: Error, Sendable {
    var message: String
    init(_ message: String) { self.message = message }
}
