import Foundation

/// What ../shared/gold/seeds.json says of each seed document: its own number, kind, subject,
/// place, date, signer and signing title.
public struct SeedGold: Decodable {
    public struct Document: Decodable {
        public var own_number: String?
        public var kind: String
        public var title: String
        public var place: String?
        public var issued: String?
        public var signer: String
        public var signer_title: String
    }
    public var documents: [String: Document]

    public static func load() throws -> SeedGold {
        try JSONDecoder().decode(SeedGold.self, from: Data(contentsOf: TestPaths.gold))
    }

    /// The unit (id, name) each seed belongs to.
    public static let units = [
        "000_225770425047c8d6.txt": ("thpt-toan-thang", "Trường THPT Toàn Thắng"),
        "001_1bf1cd129453b643.txt": ("phong-gddt-binh-son", "Phòng Giáo dục và Đào tạo huyện Bình Sơn"),
        "002_e0677abd00ed0152.txt": ("th-tan-thanh-a1", "Trường Tiểu học Tân Thành A1"),
        "003_ea1c57bf483b1fef.txt": ("th-an-phuoc", "Trường Tiểu học An Phước"),
        "004_c1e01f9e77d3eae0.txt": ("cong-doan-giao-duc-ha-noi", "Công đoàn Giáo dục Hà Nội")
    ]
}
