import CongKhai

/// What the preview adds to each page it serves, and nothing else: a script that listens to the
/// server's events and reloads the page when a build changed the site (or failed, or was fixed).
enum ReloadScript {
    /// Where the events and the script are served, under the site's base path. No page of a
    /// site has a path starting with "_" (every path is a slug).
    static let events = "_congkhai/su-kien"
    static let script = "_congkhai/tai-lai.js"

    /// The page knows the generation it was served in: a build that finished before the page
    /// connected still reloads it.
    static let source = """
        (function () {
          "use strict";
          var script = document.currentScript;
          var served = script.getAttribute("data-generation");
          var events = new EventSource(script.getAttribute("data-events"));
          events.onmessage = function (event) {
            if (event.data !== served) {
              events.close();
              location.reload();
            }
          };
        })();

        """

    /// The tag put before the page's last "</body>" (after its end when it has none).
    static func tag(base: String, generation: String) -> String {
        let events = FastHTMLEscaping.escape(base + Self.events)
        let script = FastHTMLEscaping.escape(base + Self.script)
        let generation = FastHTMLEscaping.escape(generation)
        return "<script src=\"\(script)\" data-events=\"\(events)\" data-generation=\"\(generation)\"></script>"
    }

    /// The page's bytes with the tag inserted: the page otherwise byte for byte as built.
    static func inject(_ tag: String, into page: [UInt8]) -> [UInt8] {
        let closing = Array("</body>".utf8)
        var position = page.count
        if page.count >= closing.count {
            var index = page.count - closing.count
            while index >= 0 {
                if page[index] == 0x3C, page[index..<index + closing.count].elementsEqual(closing) {
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
}
