import ArgumentParser
import CongKhai
import Foundation
import VietText

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Tạo cổng mới cho một trường, với bản nháp cho mỗi mục phải công khai theo Thông tư 09/2024.")

    @Argument(help: "Thư mục của cổng mới.")
    var portal: String

    @Option(help: "Mã đơn vị (tên thư mục, chữ thường không dấu), ví dụ th-an-phuoc.")
    var unit: String

    @Option(help: "Tên đơn vị, ví dụ \"Trường Tiểu học An Phước\".")
    var name: String

    @Option(name: .customLong("unit-kind"), help: "Loại đơn vị: mam-non, tieu-hoc, thcs, thpt, lien-cap, gdtx ...")
    var unitKind: String

    @Option(help: "Năm của đợt công khai (hạn 30/6 của năm đó); mặc định: đợt chứa ngày hôm nay.")
    var round: Int?

    @OptionGroup var lang: MessageLanguage

    func run() throws {
        let console = Console(language: lang.language)
        let catalogue = ObligationCatalogue.builtIn
        let starter = PortalStarter(
            folder: URL(fileURLWithPath: portal), unitID: unit, unitName: name, unitKind: unitKind,
            round: round ?? max(catalogue.firstRound, catalogue.round(containing: todayInVietnam())))
        let files: [String]
        do { files = try starter.write() } catch { throw console.failure(error) }
        for file in files { print(URL(fileURLWithPath: portal).appendingPathComponent(file).path) }
        let drafts = files.filter { $0.hasSuffix(".md") }.count
        console.say(
            LocalizedText(
                vi:
                    "Đã tạo cổng với \(drafts) bản nháp cho đợt công khai năm \(starter.round). Điền nội dung, ghi `published:` và bỏ `draft: true` khi công khai; xem bằng `congkhai build --source \(portal) --drafts`.",
                en:
                    "Made a portal with \(drafts) drafts for the \(starter.round) disclosure round. Fill them in, set `published:` and remove `draft: true` when you publish; preview with `congkhai build --source \(portal) --drafts`."
            ))
    }
}
