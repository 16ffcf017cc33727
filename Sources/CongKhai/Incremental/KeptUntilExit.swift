/// Values a process that is about to end keeps instead of freeing. A 10,000-document site
/// model is millions of small allocations; releasing them one by one took about 0.2 s after
/// every build, work the system does at once, for nothing, when the process exits. Only for
/// a process that ends after one build (`congkhai build`), never for one that builds again.
enum KeptUntilExit {
    private final class Box<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    static func keep<Value>(_ value: Value) {
        // Retained once more than it is released: never freed.
        _ = Unmanaged.passRetained(Box(value))
    }
}
