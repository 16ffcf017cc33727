import Foundation
import FuzzSupport
import Import

/// The importer's readers: any bytes (UTF-8, UTF-16, TCVN3, VNI, garbage) → layout, as a text
/// file (words broken by spaces joined) and as a saved web page (libxml2's HTML parser).
@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let decoded = ImportTextDecoder.decode(Data(bytes: start, count: count))
    _ = ImportRecognition.recognise(decoded.text)
    _ = ImportRecognition.recogniseHTML(Data(bytes: start, count: count))
    return 0
}

/// SwiftPM names an executable's entry point <target>_main; it hands over to libFuzzer's driver.
@_cdecl("FuzzImportText_main")
public func FuzzImportTextMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, LLVMFuzzerTestOneInput)
}
