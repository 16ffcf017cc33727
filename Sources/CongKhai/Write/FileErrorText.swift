import Foundation
import VietText

/// Says in Vietnamese why a file could not be written: a full disk, a read-only folder and a
/// missing permission each get their own words instead of Foundation's generic sentence.
enum FileErrorText {
    static func describe(_ error: Error) -> LocalizedText {
        let nsError = error as NSError
        var codes: [Int] = []
        if nsError.domain == NSPOSIXErrorDomain { codes.append(nsError.code) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain
        {
            codes.append(underlying.code)
        }
        if let cocoa = error as? CocoaError {
            switch cocoa.code {
            case .fileWriteOutOfSpace: codes.append(Int(ENOSPC))
            case .fileWriteVolumeReadOnly: codes.append(Int(EROFS))
            case .fileWriteNoPermission: codes.append(Int(EACCES))
            default: break
            }
        }
        if codes.contains(Int(ENOSPC)) || codes.contains(Int(EDQUOT)) {
            return .init(vi: "ổ đĩa đã đầy", en: "the disk is full")
        }
        if codes.contains(Int(EROFS)) {
            return .init(vi: "thư mục xuất nằm trên ổ chỉ cho đọc", en: "the output folder is on a read-only disk")
        }
        if codes.contains(Int(EACCES)) || codes.contains(Int(EPERM)) {
            return .init(vi: "không có quyền ghi vào thư mục xuất", en: "no permission to write to the output folder")
        }
        return .init(vi: nsError.localizedDescription, en: nsError.localizedDescription)
    }
}
