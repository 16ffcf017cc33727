/// The words a document's body opens with, folded: what ends a header ("Căn cứ Luật Giáo dục
/// …", "Kính gửi: …", "Thực hiện Kế hoạch số …"). Import's layout recogniser and the own-number
/// reader stop their header there.
package enum BodyOpeners {
    package static let folded = ["can cu", "thuc hien", "kinh gui", "theo ", "de ", "nham ", "tren co so", "trien khai"]

    /// Whether a folded line opens a body.
    package static func opens(_ foldedLine: String) -> Bool { folded.contains { foldedLine.hasPrefix($0) } }
}
