import CongKhai
import Foundation
import FuzzSupport
import VietText

/// The front-matter path of a build: bytes → UTF-8 check → split → YAML → typed fields.
@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    guard let text = try? SourceText.decode(data) else { return 0 }
    let split = FrontMatterSplitter.split(text)
    if let yaml = split.yaml {
        _ = FrontMatterFields.check(yaml, file: "fuzz.md", firstLine: split.yamlLine)
    }
    return 0
}

/// SwiftPM names an executable's entry point <target>_main; it hands over to libFuzzer's driver.
@_cdecl("FuzzFrontMatter_main")
public func FuzzFrontMatterMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, LLVMFuzzerTestOneInput)
}
