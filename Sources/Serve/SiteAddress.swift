/// The names the server answers to and the scheme its pages are reached by: a request naming
/// another host (a page of another site whose own name leads here, DNS rebinding) or a form
/// posted from another origin is refused.
struct SiteAddress: Sendable {
    /// This computer's names, answered at the port listened on (a browser leaves out 80).
    static let localNames: Set<String> = ["127.0.0.1", "localhost", "[::1]"]

    /// Names answered at any port: `--server-name`s (a proxy or a forwarded port may put
    /// another in the address bar) and the address listened on.
    let names: Set<String>
    let answersLocalNames: Bool
    /// https: served with TLS, or behind a proxy that serves it so.
    let secure: Bool

    init(options: PreviewOptions) {
        var names = Set(options.serverNames.map { $0.lowercased() })
        let host = options.host.lowercased()
        if !PreviewOptions.wildcardHosts.contains(host) {
            names.insert(host.contains(":") ? "[\(host)]" : host)
        }
        answersLocalNames = PreviewOptions.localHosts.contains(host)
        self.names = names.subtracting(Self.localNames)
        secure = options.secure
    }

    /// Whether a Host header (or an Origin's host and port) is this server's.
    func allows(authority: String?, port: Int?) -> Bool {
        guard let authority, let (name, given) = Self.split(authority.lowercased()) else { return false }
        if names.contains(name) { return true }
        guard answersLocalNames, Self.localNames.contains(name), let port else { return false }
        return (given ?? (secure ? 443 : 80)) == port
    }

    /// Whether a form's Origin is this site: its scheme, and a name it answers to.
    func allows(origin: String, port: Int?) -> Bool {
        let scheme = secure ? "https://" : "http://"
        guard origin.lowercased().hasPrefix(scheme) else { return false }
        return allows(authority: String(origin.dropFirst(scheme.count)), port: port)
    }

    /// "host:port" as a name and a port ("[::1]:8080" keeps its brackets); nil when not one.
    static func split(_ authority: String) -> (name: String, port: Int?)? {
        guard !authority.isEmpty, !authority.contains("/"), !authority.contains("@") else { return nil }
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            let name = String(authority[...close])
            let rest = authority[authority.index(after: close)...]
            if rest.isEmpty { return (name, nil) }
            guard rest.hasPrefix(":"), let port = Int(rest.dropFirst()) else { return nil }
            return (name, port)
        }
        let parts = authority.split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return (authority, nil)
        case 2:
            guard let port = Int(parts[1]) else { return nil }
            return (String(parts[0]), port)
        default: return nil
        }
    }
}
