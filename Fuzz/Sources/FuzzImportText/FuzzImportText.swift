import Foundation
import FuzzSupport
import Import

/// The importer's text reader: any bytes (UTF-8, UTF-16, TCVN3, VNI, garbage) → layout.
@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let decoded = ImportTextDecoder.decode(Data(bytes: start, count: count))
    _ = ImportRecognition.recognise(decoded.text)
    return 0
}

/// SwiftPM names an executable's entry point <target>_main; it hands over to libFuzzer's driver.
@_cdecl("FuzzImportText_main")
public func FuzzImportTextMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, LLVMFuzzerTestOneInput)
}
