import Foundation
import TestSupport
import Testing

@testable import CongKhai

/// Postings patched from an earlier build's are the postings made whole, whatever changed:
/// entries edited, added, removed, moved, or of unknown key.
@Suite struct SearchPostingsTests {
    /// Every paragraph of the real documents as one search entry: its words as the body, and
    /// its first words as title terms, so entries share many terms, as documents do.
    static func entries() throws -> [SearchTerms] { try paragraphs().map(entry) }

    static func paragraphs() throws -> [String] {
        var paragraphs: [String] = []
        for file in try TestPaths.seedFiles() {
            let text = try String(contentsOf: file, encoding: .utf8)
            paragraphs += text.components(separatedBy: "\n").filter { $0.count > 40 }
        }
        return paragraphs
    }

    static func entry(_ paragraph: String) -> SearchTerms {
        let title = SearchTerms.tokens(paragraph).prefix(3)
        return SearchTerms(
            body: WordCounts(paragraph),
            extra: Dictionary(title.map { ($0, SearchTerms.Weight.title) }, uniquingKeysWith: +))
    }

    func expectEqual(_ patched: SearchPostings, _ whole: SearchPostings, _ label: String) {
        #expect(patched.keys == whole.keys, "\(label): keys")
        for partition in 0..<SearchHash.partitions {
            let lhs = Dictionary(
                uniqueKeysWithValues: zip(patched.partitions[partition].terms, patched.partitions[partition].lists))
            let rhs = Dictionary(
                uniqueKeysWithValues: zip(whole.partitions[partition].terms, whole.partitions[partition].lists))
            let differing = Set(lhs.keys).union(rhs.keys).filter { lhs[$0] != rhs[$0] }.sorted()
            #expect(differing.isEmpty, "\(label): partition \(partition) differs for \(differing.prefix(5))")
        }
    }

    @Test func patchingGivesThePostingsMadeWhole() throws {
        let all = try Self.entries()
        try #require(all.count > 100, "the seeds have many paragraphs")
        let oldCount = all.count - 10
        let oldKeys = (0..<oldCount).map { UInt64($0) as UInt64? }
        let previous = SearchPostings(keys: oldKeys, terms: Array(all.prefix(oldCount)))

        // Entry 3 removed, 7 edited (its terms now those of another paragraph), two added at
        // the front and one in the middle, the rest shifted: the numbering changes everywhere.
        var newTerms = Array(all.prefix(oldCount))
        var newKeys = oldKeys
        newTerms[7] = all[oldCount]
        newKeys[7] = 1_000
        newTerms.remove(at: 3)
        newKeys.remove(at: 3)
        newTerms.insert(contentsOf: [all[oldCount + 1], all[oldCount + 2]], at: 0)
        newKeys.insert(contentsOf: [2_000, 2_001], at: 0)
        newTerms.insert(all[oldCount + 3], at: newTerms.count / 2)
        newKeys.insert(2_002, at: newKeys.count / 2)
        let frozen = newTerms
        let patched = SearchPostings.updating(previous, keys: newKeys, terms: { frozen[$0] })
        #expect(patched.madeAfresh == 4, "only the edited and added entries are made again")
        expectEqual(patched, SearchPostings(keys: newKeys, terms: newTerms), "edited, added, removed")

        // An edit, the commonest rebuild: every other entry keeps its number, and only the
        // lists holding an edited entry are patched (the others are kept as they are).
        var edited = newTerms
        var editedKeys = newKeys
        for (position, replacement) in [(1, 5), (edited.count - 1, 6)] {
            edited[position] = all[oldCount + replacement]
            editedKeys[position] = UInt64(3_000 + replacement)
        }
        let editedFrozen = edited
        let afterEdit = SearchPostings.updating(patched, keys: editedKeys, terms: { editedFrozen[$0] })
        #expect(afterEdit.madeAfresh == 2)
        expectEqual(afterEdit, SearchPostings(keys: editedKeys, terms: edited), "edited in place")

        // Entries moved (the last first): their postings are renumbered out of order and sorted.
        let moved = [newTerms.last!] + newTerms.dropLast()
        let movedKeys = [newKeys.last!] + newKeys.dropLast()
        let repatched = SearchPostings.updating(patched, keys: movedKeys, terms: { moved[$0] })
        #expect(repatched.madeAfresh == 0)
        expectEqual(repatched, SearchPostings(keys: movedKeys, terms: moved), "moved")

        // An entry of unknown key is made again every time, though its terms changed unseen.
        var unknownKeys = movedKeys
        unknownKeys[5] = nil
        var unknown = moved
        unknown[5] = all[oldCount + 4]
        let changedUnseen = unknown
        let withUnknown = SearchPostings.updating(
            SearchPostings(keys: unknownKeys, terms: moved), keys: unknownKeys, terms: { changedUnseen[$0] })
        #expect(withUnknown.madeAfresh == 1)
        expectEqual(withUnknown, SearchPostings(keys: unknownKeys, terms: unknown), "unknown key")
    }

    @Test func theyComeBackFromTheirRecordAndRefuseADamagedOne() throws {
        let all = try Self.entries()
        var postings = SearchPostings(keys: all.indices.map { $0 == 2 ? nil : UInt64($0) * 7 }, terms: all)
        postings.files.termShards = 16
        postings.files.entries = all.count
        postings.files.byPath = [
            "tim-kiem/chi-muc/t3.js": .init(input: 0, bytes: 42), "tim-kiem/chi-muc/d1.js": .init(input: 7, bytes: 9)
        ]
        var writer = RecordWriter()
        postings.write(to: &writer)
        var reader = RecordReader(writer.bytes)
        let read = try SearchPostings(record: &reader)
        #expect(reader.isAtEnd)
        #expect(read.keys == postings.keys)
        #expect(read.partitions == postings.partitions)
        #expect(read.files == postings.files)

        var truncated = RecordReader(Array(writer.bytes.dropLast(3)))
        #expect(throws: RecordReader.Corrupt.self) { try SearchPostings(record: &truncated) }
        // Fewer keys than the postings name entries: an entry beyond them is refused.
        var fewer = RecordWriter()
        SearchPostings(keys: Array(postings.keys.prefix(5)), partitions: postings.partitions).write(to: &fewer)
        var beyond = RecordReader(fewer.bytes)
        #expect(throws: RecordReader.Corrupt.self) { try SearchPostings(record: &beyond) }
        // A term twice in one partition is refused rather than trusted (or crashed on) when patched.
        var twice = postings.partitions
        let partition = try #require(twice.indices.first { !twice[$0].terms.isEmpty })
        twice[partition].terms.append(twice[partition].terms[0])
        twice[partition].lists.append(twice[partition].lists[0])
        var doubled = RecordWriter()
        SearchPostings(keys: postings.keys, partitions: twice).write(to: &doubled)
        var repeated = RecordReader(doubled.bytes)
        #expect(throws: RecordReader.Corrupt.self) { try SearchPostings(record: &repeated) }
    }

    /// The terms whose postings differ between two sets of postings, by text.
    func differingTerms(_ lhs: SearchPostings, _ rhs: SearchPostings) -> Set<String> {
        var differing = Set<String>()
        for partition in 0..<SearchHash.partitions {
            let left = Dictionary(
                uniqueKeysWithValues: zip(lhs.partitions[partition].terms, lhs.partitions[partition].lists))
            let right = Dictionary(
                uniqueKeysWithValues: zip(rhs.partitions[partition].terms, rhs.partitions[partition].lists))
            differing.formUnion(Set(left.keys).union(right.keys).filter { left[$0] != right[$0] })
        }
        return differing
    }

    /// After an edit (every entry keeps its number) the patch knows which terms' postings
    /// changed, new or gone: the search index makes again only the shards holding them.
    /// After an addition it does not claim to.
    @Test func anEditKnowsWhichTermsChanged() throws {
        let paragraphs = try Self.paragraphs()
        let all = paragraphs.map(Self.entry)
        let count = all.count - 5
        let keys = (0..<count).map { UInt64($0) as UInt64? }
        let previous = SearchPostings(keys: keys, terms: Array(all.prefix(count)))
        var edited = Array(all.prefix(count))
        var editedKeys = keys
        edited[4] = all[count]
        editedKeys[4] = 10_000
        // The same paragraph again, with one word more: few of its lists change.
        edited[9] = Self.entry(paragraphs[9] + " thêm")
        editedKeys[9] = 10_001
        let frozen = edited
        let patched = SearchPostings.updating(previous, keys: editedKeys, terms: { frozen[$0] })
        let whole = SearchPostings(keys: editedKeys, terms: edited)
        expectEqual(patched, whole, "edited")
        let changed = try #require(patched.changedTerms)
        #expect(changed == differingTerms(previous, whole))
        #expect(!changed.isEmpty && changed.count < whole.partitions.reduce(0) { $0 + $1.terms.count })

        let added = Array(all.prefix(count + 1))
        let addedKeys = keys + [20_000]
        #expect(SearchPostings.updating(previous, keys: addedKeys, terms: { added[$0] }).changedTerms == nil)
    }

    /// Partitions an edit left as they were are written back as the record held them: the
    /// record is the one the same partitions encoded afresh make.
    @Test func unchangedPartitionsAreWrittenBackAsRead() throws {
        let all = try Self.entries()
        let count = all.count - 2
        let keys = (0..<count).map { UInt64($0) as UInt64? }
        var writer = RecordWriter()
        SearchPostings(keys: keys, terms: Array(all.prefix(count))).write(to: &writer)
        var reader = RecordReader(writer.bytes)
        let read = try SearchPostings(record: &reader)
        var edited = Array(all.prefix(count))
        var editedKeys = keys
        edited[3] = all[count]
        editedKeys[3] = 10_000
        let frozen = edited
        let patched = SearchPostings.updating(read, keys: editedKeys, terms: { frozen[$0] })
        let changed = try #require(patched.changedTerms)
        let untouched = Set(0..<SearchHash.partitions).subtracting(changed.map { SearchHash.partition(of: $0) })
        #expect(!untouched.isEmpty, "some partitions are left as they were")
        #expect(patched.keptPartitions == untouched.count, "those are written back as read")
        var patchedRecord = RecordWriter()
        patched.write(to: &patchedRecord)
        // The same partitions, every one encoded afresh.
        var encodedRecord = RecordWriter()
        SearchPostings(keys: patched.keys, partitions: patched.partitions).write(to: &encodedRecord)
        #expect(patchedRecord.bytes == encodedRecord.bytes)
        var readBack = RecordReader(patchedRecord.bytes)
        expectEqual(try SearchPostings(record: &readBack), SearchPostings(keys: editedKeys, terms: edited), "read back")
    }
}
