import Foundation

/// School years run September to August and are written "2023-2024".
package enum SchoolYear {
    package static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 4,
            let first = Int(parts[0]), let second = Int(parts[1])
        else { return false }
        return second == first + 1 && (1900...2200).contains(first)
    }

    /// "Năm học 2023-2024"
    package static func label(_ year: String) -> String { "Năm học \(year)" }

    /// A disclosure's period (`period:`): a school year ("2025-2026") or a year ("2025").
    package static func isPeriod(_ text: String) -> Bool {
        isValid(text) || (text.count == 4 && Int(text).map { (1900...2200).contains($0) } == true)
    }

    /// The school year the lines name most often ("năm học 2023-2024", "NĂM HỌC: 2023 – 2024").
    package static func mentioned(in lines: [String]) -> String? {
        var counts: [String: Int] = [:]
        for line in lines {
            let range = NSRange(line.startIndex..., in: line)
            mentionPattern?.enumerateMatches(in: line, range: range) { match, _, _ in
                guard let match, let first = Range(match.range(at: 1), in: line),
                    let second = Range(match.range(at: 2), in: line)
                else { return }
                let year = "\(line[first])-\(line[second])"
                if isValid(year) { counts[year, default: 0] += 1 }
            }
        }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    private static let mentionPattern = try? NSRegularExpression(
        pattern: #"năm học[:\s]*(\d{4})\s*[-–]\s*(\d{4})"#, options: [.caseInsensitive])
}
