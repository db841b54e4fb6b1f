import AgoraAPI
import AgoraStore
import AgoraTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@Suite("Live reload")
struct LiveReloadTests {
    @Test("the event stream sends each event, with error messages as JSON")
    func eventStream() async throws {
        try await TestDatabase.sqlite.withStore { store async throws in
            let hub = LiveReloadHub()
            let router = try await buildRouter(configuration: try await TestConfiguration.make(site: URL(fileURLWithPath: "/nonexistent")), store: store, liveReload: hub, logger: Logger(label: "test"))
            try await Application(router: router).test(.router) { client in
                async let response = client.execute(uri: "/api/dev/events", method: .get)
                while hub.subscriberCount == 0 { try await Task.sleep(for: .milliseconds(10)) }
                hub.publish(.reload)
                hub.publish(.error("Content/a.md:3: front matter: \"quoted\"\nsecond line"))
                hub.finish()
                let result = try await response
                #expect(result.headers[.contentType] == "text/event-stream")
                #expect(result.text == ": connected\n\nevent: reload\ndata: {}\n\nevent: error\ndata: {\"message\":\"Content\\/a.md:3: front matter: \\\"quoted\\\"\\nsecond line\"}\n\n")
                try await client.execute(uri: "/api/dev/live-reload.js", method: .get) { script in
                    #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
                    #expect(script.text.contains("new EventSource(\"/api/dev/events\")"))
                    #expect(script.text.contains("overlay.textContent"))
                }
            }
        }
    }

    @Test("without watch mode the live-reload routes do not exist")
    func notInNormalMode() async throws {
        try await APIFixture.with { client in
            try await client.execute(uri: "/api/dev/events", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
