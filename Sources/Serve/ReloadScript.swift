import CongKhai

/// What the preview adds to each page it serves, and nothing else: a script that listens to the
/// server's events and reloads the page when a build changed the site (or failed, or was fixed).
enum ReloadScript {
    /// Where the events and the scripts are served, under the site's base path. No page of a
    /// site has a path starting with "_" (every path is a slug).
    static let events = "_congkhai/su-kien"
    static let script = "_congkhai/tai-lai.js"
    static let sharedScript = "_congkhai/tai-lai-chung.js"

    /// The page knows the generation it was served in: a build that finished before the page
    /// connected still reloads it. The pages open in one browser share one stream through a
    /// shared worker: a browser keeps six connections to a server, and a stream per tab would
    /// leave the seventh tab waiting. Without shared workers (Chrome on Android), each page
    /// has its own.
    static let source = """
        (function () {
          "use strict";
          var script = document.currentScript;
          var served = script.getAttribute("data-generation");
          var address = script.getAttribute("data-events");
          function heard(generation) {
            if (generation !== served) location.reload();
          }
          if (typeof SharedWorker === "function") {
            var worker = new SharedWorker(script.getAttribute("data-shared") + "?" + encodeURIComponent(address));
            worker.port.onmessage = function (event) { heard(event.data); };
            worker.port.start();
          } else {
            var events = new EventSource(address);
            events.onmessage = function (event) { heard(event.data); };
          }
        })();

        """

    /// The shared worker: one stream, each generation passed to every page, the last one to a
    /// page that joins.
    static let sharedSource = """
        "use strict";
        var pages = [];
        var last = null;
        var events = new EventSource(decodeURIComponent(location.search.slice(1)));
        events.onmessage = function (event) {
          last = event.data;
          pages.forEach(function (page) { page.postMessage(last); });
        };
        onconnect = function (event) {
          var page = event.ports[0];
          pages.push(page);
          if (last !== null) page.postMessage(last);
        };

        """

    /// The tag put before the page's last "</body>" (after its end when it has none).
    static func tag(base: String, generation: String) -> String {
        let events = FastHTMLEscaping.escape(base + Self.events)
        let script = FastHTMLEscaping.escape(base + Self.script)
        let shared = FastHTMLEscaping.escape(base + Self.sharedScript)
        let generation = FastHTMLEscaping.escape(generation)
        return
            "<script src=\"\(script)\" data-events=\"\(events)\" data-shared=\"\(shared)\" data-generation=\"\(generation)\"></script>"
    }

    /// The page's bytes with the tag inserted: the page otherwise byte for byte as built.
    static func inject(_ tag: String, into page: [UInt8]) -> [UInt8] {
        let closing = Array("</body>".utf8)
        var position = page.count
        if page.count >= closing.count {
            var index = page.count - closing.count
            while index >= 0 {
                // In any case: a portal's own template may write "</BODY>".
                if page[index] == 0x3C,
                    page[index..<index + closing.count].elementsEqual(closing, by: { lowered($0) == $1 })
                {
                    position = index
                    break
                }
                index -= 1
            }
        }
        var result = page
        result.insert(contentsOf: tag.utf8, at: position)
        return result
    }

    /// An ASCII capital as its small letter; any other byte as it is.
    private static func lowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
}
