import Mustache
import VietText

/// HTML escaping for templates (< > & " ' as swift-mustache's own HTML content type does), done
/// over UTF-8 bytes: the library's escaper looks every Character up in a dictionary, which cost
/// a sixth of a build. Most values need no escaping and are returned as they are.
package struct FastHTMLEscaping: MustacheContentType {
    static let name = "CONGKHAI_HTML"
    /// Registered once, before any template is parsed; the registry is swift-mustache's.
    static let registered: Void = MustacheContentTypes.register(FastHTMLEscaping(), named: name)
    /// Put in front of every template so its values are escaped by this type.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}"

    package func escapeText(_ text: String) -> String { Self.escape(text) }

    /// Text made safe inside HTML, as the templates escape their values (`congkhai serve`'s own
    /// pages use it too).
    package static func escape(_ text: String) -> String {
        text.withUTF8Bytes { utf8 in
            utf8.contains { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 } ? escaped(utf8) : text
        }
    }

    private static func escaped(_ utf8: UnsafeBufferPointer<UInt8>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x3C: bytes.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
            case 0x3E: bytes.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
            case 0x26: bytes.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
            case 0x22: bytes.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
            case 0x27: bytes.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
