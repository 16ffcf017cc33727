import Foundation

/// Whether something happened, told from one thread to another: a time limit that stopped a
/// tool, a link of the spare output that could not be made on one of the writing threads.
package final class Happened: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    package init() {}

    package func record() { lock.withLock { value = true } }
    package var happened: Bool { lock.withLock { value } }
}
