import CongKhai
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import VietText

/// `congkhai serve`: builds the portal into its preview folder, serves it on this computer,
/// rebuilds it when its sources change and reloads the open pages. Runs until Ctrl-C (SIGINT)
/// or SIGTERM, or until the task running it is cancelled.
package struct PreviewServer: Sendable {
    package let options: PreviewOptions
    package let state = PreviewState()

    package init(options: PreviewOptions) { self.options = options }

    /// `listening`: called with the port once the server accepts connections.
    /// `report`: told of every build.
    package func run(
        listening: @escaping @Sendable (Int) -> Void = { _ in },
        report: @escaping @Sendable (Result<BuildReport, BuildFailure>) -> Void = { _ in }
    ) async throws {
        var logger = Logger(label: "congkhai-serve")
        // The console says what happens in Vietnamese; the server's own log only when asked.
        logger.logLevel = ProcessInfo.processInfo.environment["CONGKHAI_SERVE_LOG"] != nil ? .info : .critical
        let app = Application(
            responder: PreviewResponder(folder: options.output, base: options.base, state: state),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "congkhai"),
            onServerRunning: { channel in listening(channel.localAddress?.port ?? options.port) },
            logger: logger)
        var rebuilder = PreviewRebuilder(options: options.buildOptions, state: state)
        rebuilder.report = report
        // Stopped in reverse order: the rebuilder first, which ends the pages' event streams,
        // then the server, which waits for the requests under way.
        let group = ServiceGroup(
            configuration: .init(
                services: [app, rebuilder], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
