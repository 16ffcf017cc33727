import Foundation
import VietText

/// What the preview serves now: the generation of its latest build (open pages reload when it
/// changes) and, after a failed build, its diagnostics, shown instead of the pages until a build
/// succeeds. Read by every request, changed by the rebuilder; the pages' event streams are told
/// of each change.
package final class PreviewState: @unchecked Sendable {
    package struct Snapshot: Sendable, Equatable {
        /// Changes with every build that changed something, and with every failed one; a new
        /// `serve` starts a new series, so pages left open reload after a restart too.
        package var generation: String
        /// A build has finished (the first one may still be running).
        package var built: Bool
        /// The errors of the latest build, when it failed.
        package var failure: [Diagnostic]?
    }

    private let lock = NSLock()
    private let session = String(UInt64.random(in: 0...UInt64.max), radix: 36)
    private var count = 0
    private var current: Snapshot
    private var streams: [UUID: AsyncStream<String>.Continuation] = [:]
    private var closed = false
    private var boundPort: Int?

    package init() {
        current = Snapshot(generation: "", built: false, failure: nil)
        current.generation = "\(session)-0"
    }

    package var snapshot: Snapshot { lock.withLock { current } }

    /// The server accepts connections on `port`.
    func listening(on port: Int) { lock.withLock { boundPort = port } }

    /// The port listened on, once the server does.
    var port: Int? { lock.withLock { boundPort } }

    /// A build finished: `failure` holds its errors, or nil when it succeeded.
    package func finished(failure: [Diagnostic]?) {
        let generation = lock.withLock {
            count += 1
            current = Snapshot(generation: "\(session)-\(count)", built: true, failure: failure)
            return current.generation
        }
        send(Self.event(generation))
    }

    /// The server-sent events of one open page: the generation now, then each new one.
    package func events() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(8))
        let id = UUID()
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            _ = self.lock.withLock { self.streams.removeValue(forKey: id) }
        }
        // Registered and told the generation now in one step: no build's event comes first.
        let open = lock.withLock { () -> Bool in
            guard !closed else { return false }
            streams[id] = continuation
            // A page tells the retry delay, then the generation it may already be behind.
            continuation.yield("retry: 1000\n\n" + Self.event(current.generation))
            return true
        }
        if !open { continuation.finish() }
        return stream
    }

    /// A comment on every stream: a page closed meanwhile is noticed when it cannot be written.
    package func keepAlive() { send(": \n\n") }

    /// Ends every stream, and refuses new ones: the server is stopping.
    package func close() {
        let open = lock.withLock { () -> [AsyncStream<String>.Continuation] in
            closed = true
            defer { streams = [:] }
            return Array(streams.values)
        }
        for continuation in open { continuation.finish() }
    }

    var openStreams: Int { lock.withLock { streams.count } }

    private func send(_ text: String) {
        let open = lock.withLock { Array(streams.values) }
        for continuation in open { continuation.yield(text) }
    }

    private static func event(_ generation: String) -> String { "data: \(generation)\n\n" }
}
