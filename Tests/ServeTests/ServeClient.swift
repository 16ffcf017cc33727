import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// What the serve tests ask the server with: requests whose redirects are looked at, not
/// followed, with the cookies and headers a browser would send.
enum ServeClient {
    /// The port the server listens on, once it does.
    final class Port: @unchecked Sendable {
        private let lock = NSLock()
        private var port: Int?
        func set(_ value: Int) { lock.withLock { port = value } }
        var value: Int? { lock.withLock { port } }
    }

    struct Fetched {
        var status: Int
        var bytes: [UInt8]
        var type: String?
        var location: String?
        var cookie: String?
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    /// Redirects are looked at, not followed.
    final class NoRedirects: NSObject, URLSessionTaskDelegate {
        func urlSession(
            _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
            newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
        ) { completionHandler(nil) }
    }
    static let session: URLSession = {
        // Cookies are sent by hand, as each test means them.
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        // A save waits for the preview's build (a minute at most); a busy machine is slow.
        configuration.timeoutIntervalForRequest = 180
        return URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
    }()

    static func fetch(
        _ address: String, method: String = "GET", host: String? = nil, headers: [String: String] = [:],
        body: Data? = nil
    ) async throws -> Fetched {
        var request = URLRequest(url: URL(string: address)!)
        request.httpMethod = method
        if let host { request.setValue(host, forHTTPHeaderField: "Host") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        return Fetched(
            status: http.statusCode, bytes: Array(data), type: http.value(forHTTPHeaderField: "Content-Type"),
            location: http.value(forHTTPHeaderField: "Location"),
            cookie: http.value(forHTTPHeaderField: "Set-Cookie"))
    }

    /// Asks until `done` holds (generously: this tests behaviour, not speed).
    static func eventually(_ address: String, headers: [String: String] = [:], _ done: (Fetched) -> Bool)
        async throws -> Fetched
    {
        // Three minutes: with the whole suite running on two cores, the few threads Swift's
        // tasks share can be held by other tests' long synchronous builds for a minute and more.
        let deadline = ContinuousClock.now + .seconds(180)
        while true {
            if let fetched = try? await fetch(address, headers: headers), done(fetched) { return fetched }
            guard ContinuousClock.now < deadline else {
                Issue.record("\(address) never became as expected")
                return try await fetch(address, headers: headers)
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

}
