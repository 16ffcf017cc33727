extension String {
    /// Whether any UTF-8 byte passes `test`, scanned in the string's own storage: iterating
    /// `utf8` byte by byte was most of the time of the checks run over every document's text.
    func containsUTF8Byte(where test: (UInt8) -> Bool) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(where: test) } ?? utf8.contains(where: test)
    }
}
