import CongKhai
import Dispatch
import Foundation
import ServiceLifecycle
import VietText

/// Watches the portal's sources (congkhai.yaml, content/, templates/, archives/) and builds the
/// preview again when they change: one build at a time, incremental as `congkhai build` is;
/// what changes during a build is seen at the next look, so a burst of saves makes one or two
/// builds, not one each.
package struct PreviewRebuilder: Service {
    package let options: BuildOptions
    package let state: PreviewState
    /// How often the sources are looked at: a look stats every file, about 40 ms at 10,000
    /// documents, so a large portal is looked at less often.
    package var interval: Duration = .milliseconds(300)
    /// Told of every build: its report, or its failure.
    package var report: @Sendable (Result<BuildReport, BuildFailure>) -> Void = { _ in }

    package init(options: BuildOptions, state: PreviewState) {
        self.options = options
        self.state = state
    }

    package func run() async throws {
        // Ended by a graceful shutdown (Ctrl-C) between two looks; a build under way is finished
        // first, so the preview's folder is never left half swapped.
        defer { state.close() }
        await cancelWhenGracefulShutdown { await watch() }
    }

    private func watch() async {
        var looked: BuildFingerprint?
        var lastKeepAlive = ContinuousClock.now
        do {
            while !Task.isCancelled {
                let lookStarted = ContinuousClock.now
                let now = await Self.offThePool { BuildFingerprint.compute(options) }
                let lookTook = ContinuousClock.now - lookStarted
                if now != looked {
                    looked = now
                    let outcome = await Self.offThePool { [options] () -> Result<BuildReport, BuildFailure> in
                        Result { () throws(BuildFailure) in try Builder(options: options).build() }
                    }
                    switch outcome {
                    case .success(let built)
                    where built.unchanged && state.snapshot.built && state.snapshot.failure == nil:
                        break
                    case .success: state.finished(failure: nil)
                    case .failure(let failure):
                        state.finished(failure: failure.diagnostics.filter { $0.severity == .error })
                    }
                    report(outcome)
                }
                if ContinuousClock.now - lastKeepAlive > .seconds(15) {
                    state.keepAlive()
                    lastKeepAlive = ContinuousClock.now
                }
                try await Task.sleep(for: max(interval, lookTook * 5))
            }
        } catch {
            // Cancelled while waiting for the next look: stopping.
        }
    }

    /// Builds run on a thread of their own, not on one of the few that serve the requests.
    private static func offThePool<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }
}
