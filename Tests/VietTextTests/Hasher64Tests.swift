import Foundation
import TestSupport
import Testing

@testable import VietText

/// The hash behind every fingerprint and page key: equal input, equal hash, whatever holds the
/// bytes; any change of the text, of where it is cut, or of a number, another hash.
@Suite struct Hasher64Tests {
    func hash(_ build: (inout Hasher64) -> Void) -> UInt64 {
        var hasher = Hasher64()
        build(&hasher)
        return hasher.value
    }

    @Test func equalBytesHashAlikeAndChangesShow() throws {
        let texts = try TestPaths.seedFiles().map { try String(contentsOf: $0, encoding: .utf8) }
        var seen = Set<UInt64>()
        for text in texts {
            let native = hash { $0.add(text) }
            // A bridged NSString has no contiguous UTF-8 storage: the same bytes, the same hash.
            let bridged = hash { $0.add(NSString(string: text) as String) }
            #expect(native == bridged)
            #expect(Hasher64.of(bytes: Data(text.utf8)) == Hasher64.of(bytes: Data(Array(text.utf8)[...])))
            #expect(seen.insert(native).inserted)
            // One character changed anywhere (each word position and the tail) changes the hash.
            var bytes = Array(text.utf8)
            for position in [0, 7, 8, 9, bytes.count / 2, bytes.count - 1] {
                let original = bytes[position]
                bytes[position] = original == 0x41 ? 0x42 : 0x41
                #expect(Hasher64.of(bytes: Data(bytes)) != Hasher64.of(bytes: Data(text.utf8)), "byte \(position)")
                bytes[position] = original
            }
        }
        #expect(
            hash {
                $0.add("ab")
                $0.add("c")
            }
                != hash {
                    $0.add("a")
                    $0.add("bc")
                })
        #expect(hash { $0.add(nil as String?) } != hash { $0.add("") })
        #expect(hash { $0.add(UInt64(1)) } != hash { $0.add(UInt64(1) << 40) })
        #expect(
            hash {
                $0.add(UInt64(1))
                $0.add(UInt64(2))
            }
                != hash {
                    $0.add(UInt64(2))
                    $0.add(UInt64(1))
                })
    }
}
