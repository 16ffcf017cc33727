import Citations
import CongKhai
import Foundation
import FuzzSupport

/// The citation scanner, on plain text and through the Markdown renderer.
@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    let result = CitationScanner(ownNumber: "08/KH-CĐGD").scan(text)
    for citation in result.citations {
        precondition(citation.linkStart <= citation.linkEnd && citation.linkEnd <= text.utf8.count)
        _ =
            DirectiveKey(
                citation: citation,
                locality: CitingContext(district: "Tân Hồng", province: "Đồng Tháp").locality(for: citation)
            ).key
    }
    _ = MarkdownRenderer().render(text)
    return 0
}

/// SwiftPM names an executable's entry point <target>_main; it hands over to libFuzzer's driver.
@_cdecl("FuzzCitations_main")
public func FuzzCitationsMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, LLVMFuzzerTestOneInput)
}
