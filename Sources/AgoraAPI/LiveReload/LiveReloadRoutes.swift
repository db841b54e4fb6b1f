import Foundation
import HTTPTypes
import Hummingbird
import ServiceLifecycle

/// The routes of watch mode: `GET /api/dev/events`, a server-sent event stream, and `GET /api/dev/live-reload.js`,
/// the script that listens to it. Registered only by `agora serve --watch`.
struct LiveReloadRoutes {
    let hub: LiveReloadHub

    func register<Context: RequestContext>(on group: RouterGroup<Context>) {
        group.get("dev/events") { _, _ in
            let events = hub.subscribe()
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream"
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: ": connected\n\n"))
                // The server waits for open requests before it stops: end the streams when shutdown begins.
                try await withGracefulShutdownHandler {
                    for await event in events {
                        try await writer.write(ByteBuffer(string: Self.serverSentEvent(event)))
                    }
                } onGracefulShutdown: {
                    hub.finish()
                }
                try await writer.finish(nil)
            })
        }
        group.get("dev/live-reload.js") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/javascript; charset=utf-8"
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: Self.script)))
        }
    }

    /// One event in the text/event-stream format; the message is JSON, so a newline in it cannot end the event.
    static func serverSentEvent(_ event: LiveReloadEvent) -> String {
        switch event {
        case .reload:
            return "event: reload\ndata: {}\n\n"
        case .error(let message):
            let data = (try? JSONEncoder().encode(["message": message])).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            return "event: error\ndata: \(data)\n\n"
        }
    }

    /// Reloads the page after a rebuild; shows a failed build's message over the page (as text, never as HTML).
    static let script = """
        (() => {
          const events = new EventSource("/api/dev/events");
          let overlay = null;
          events.addEventListener("reload", () => location.reload());
          events.addEventListener("error", (event) => {
            if (!event.data) return;
            const { message } = JSON.parse(event.data);
            if (!overlay) {
              overlay = document.createElement("pre");
              overlay.setAttribute("role", "alert");
              overlay.style.cssText = "position:fixed;inset:auto 1rem 1rem 1rem;z-index:9999;margin:0;padding:1rem;" +
                "background:#7f1d1d;color:#fff;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap;border-radius:8px";
              document.body.appendChild(overlay);
            }
            overlay.textContent = "Build failed\\n" + message;
          });
        })();
        """
}
