import Foundation

/// A document's HTML, shared by the copies of its parse and let go once its page is written:
/// the bodies of a 10,000-document portal are 175 MB of HTML that nothing reads after their
/// pages. Read after it is let go (nothing in a build does), it is made again by `release`'s
/// closure, as a document taken from the build cache is.
final class HeldHTML: @unchecked Sendable {
    private let lock = NSLock()
    private var held: Deferred<RenderedHTML>

    init(_ held: Deferred<RenderedHTML>) { self.held = held }

    var value: RenderedHTML {
        lock.lock()
        let held = self.held
        lock.unlock()
        return held.value
    }

    func release(makingAgain again: @escaping @Sendable () -> RenderedHTML) {
        lock.lock()
        held = Deferred(Later(again))
        lock.unlock()
    }
}
