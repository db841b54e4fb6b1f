import AgoraAPI
import AgoraDomain
import AgoraSite
import AgoraStore
import AgoraTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@Suite("Watch mode")
struct WatchModeTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A seeded store, copies of the repository's Content/ and Layouts/, and a first build with live reload.
    func withWatcher(_ body: (SiteWatcher, LiveReloadHub, TemporaryDirectory) async throws -> Void) async throws {
        try await TestDatabase.sqlite.withStore { store async throws in
            let scratch = try TemporaryDirectory()
            defer { scratch.remove() }
            try await MarketplaceSeeder(store: store).seed(providers: 30, seed: 5, now: Date())
            for folder in ["Content", "Layouts"] {
                try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(folder), to: scratch.url.appendingPathComponent(folder))
            }
            var options = SiteBuildOptions(
                outputDirectory: scratch.url.appendingPathComponent("Site"), contentDirectory: scratch.url.appendingPathComponent("Content"),
                layoutsDirectory: scratch.url.appendingPathComponent("Layouts"), baseURL: try SiteURL("http://127.0.0.1:8080")
            )
            options.liveReload = true
            _ = try await SiteBuild(store: store, options: options).run()
            let hub = LiveReloadHub()
            let watcher = SiteWatcher(store: store, options: options, hub: hub, logger: Logger(label: "test"))
            try await body(watcher, hub, scratch)
        }
    }

    @Test("pages built for watch mode load the live-reload script")
    func scriptInPages() async throws {
        try await withWatcher { _, _, scratch in
            let page = try HTMLDocument(contentsOf: scratch.url.appendingPathComponent("Site/index.html"))
            #expect(page.strings("//script/@src").last == "/api/dev/live-reload.js")
            let about = try HTMLDocument(contentsOf: scratch.url.appendingPathComponent("Site/about/index.html"))
            #expect(about.strings("//script/@src") == ["/api/dev/live-reload.js"])
        }
    }

    @Test("a saved page is rebuilt and the open pages reload; a broken one shows its error; fixing it reloads again")
    func saveBreakFix() async throws {
        try await withWatcher { watcher, hub, scratch in
            let events = hub.subscribe()
            #expect(await watcher.check() == nil, "nothing changed yet")
            try scratch.write("---\ntitle: Spring offer\ndescription: Our spring offer for new clients.\n---\nTen percent off.", to: "Content/offer.md")
            #expect(await watcher.check() == .reload)
            #expect(try String(contentsOf: scratch.url.appendingPathComponent("Site/offer/index.html"), encoding: .utf8).contains("Ten percent off."))
            try scratch.write("---\ntitle: Spring offer\ndescripton: typo\n---\nTen percent off.", to: "Content/offer.md")
            #expect(await watcher.check() == .error("Content/offer.md:3: front matter: unknown key \"descripton\" (did you mean `description`?)"))
            #expect(try String(contentsOf: scratch.url.appendingPathComponent("Site/offer/index.html"), encoding: .utf8).contains("Ten percent off."), "the live page stays")
            try scratch.write("---\ntitle: Spring offer\ndescription: Our spring offer for new clients.\n---\nFifteen percent off.", to: "Content/offer.md")
            #expect(await watcher.check() == .reload)
            #expect(try String(contentsOf: scratch.url.appendingPathComponent("Site/offer/index.html"), encoding: .utf8).contains("Fifteen percent off."))
            var received: [LiveReloadEvent] = []
            for await event in events {
                received.append(event)
                if received.count == 3 { break }
            }
            #expect(received.count == 3)
            #expect(received.first == .reload && received.last == .reload)
        }
    }

    @Test("a changed template rebuilds the site")
    func templateChange() async throws {
        try await withWatcher { watcher, _, scratch in
            let footer = scratch.url.appendingPathComponent("Layouts/partials/footer.mustache")
            try (String(contentsOf: footer, encoding: .utf8) + "<!-- watched -->\n").write(to: footer, atomically: false, encoding: .utf8)
            #expect(await watcher.check() == .reload)
            #expect(try String(contentsOf: scratch.url.appendingPathComponent("Site/about/index.html"), encoding: .utf8).contains("<!-- watched -->"))
        }
    }

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
