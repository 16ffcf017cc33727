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
    /// How often the sources are looked at; a portal whose look (a stat of every file) takes
    /// longer than a fifth of this is looked at five looks' time apart.
    package var interval: Duration = .milliseconds(300)
    /// Told of every build: its report, or its failure.
    package var report: @Sendable (Result<BuildReport, BuildFailure>) -> Void = { _ in }

    package init(options: BuildOptions, state: PreviewState) {
        self.options = options
        self.state = state
    }

    package func run() async throws {
        // Ended by a graceful shutdown (Ctrl-C): the pages' streams end, and a build under way
        // is not waited for (killed with the process, it leaves the folder as it was).
        defer { state.close() }
        await cancelWhenGracefulShutdown { await watch() }
    }

    private func watch() async {
        var looked: BuildFingerprint?
        var lastKeepAlive = ContinuousClock.now
        do {
            // Nothing is built before the server listens: a port in use is said at once.
            while state.port == nil { try await Task.sleep(for: .milliseconds(20)) }
            while !Task.isCancelled {
                let lookStarted = ContinuousClock.now
                guard let now = await offThePool({ BuildFingerprint.compute(options) }) else { break }
                let lookTook = ContinuousClock.now - lookStarted
                if now != looked {
                    looked = now
                    guard
                        let outcome = await offThePool({ [options] () -> Result<BuildReport, BuildFailure> in
                            Result { () throws(BuildFailure) in try Builder(options: options).build() }
                        })
                    else { break }
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
}
