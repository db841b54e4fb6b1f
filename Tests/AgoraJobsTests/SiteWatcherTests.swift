import AgoraDomain
import AgoraJobs
import AgoraSite
import AgoraStore
import AgoraTestSupport
import Foundation
import Logging
import NIOConcurrencyHelpers
import Testing

/// Keeps what the watcher tells its listener, as the open pages would hear it.
final class RecordingListener: SiteWatchListener {
    private let box = NIOLockedValueBox<[SiteWatcher.Outcome]>([])
    var outcomes: [SiteWatcher.Outcome] { box.withLockedValue { $0 } }
    func built(_ outcome: SiteWatcher.Outcome) { box.withLockedValue { $0.append(outcome) } }
    func stopped() {}
}

@Suite("Watch mode")
struct SiteWatcherTests {
    static let repository = RepositoryPaths.root

    /// A seeded store, copies of the repository's Content/ and Layouts/, and a first build with live reload.
    func withWatcher(_ body: (SiteWatcher, RecordingListener, TemporaryDirectory) async throws -> Void) async throws {
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
            let listener = RecordingListener()
            let watcher = SiteWatcher(store: store, options: options, listener: listener, logger: Logger(label: "test"))
            try await body(watcher, listener, scratch)
        }
    }

    @Test("pages built for watch mode load the live-reload script")
    func scriptInPages() async throws {
        try await withWatcher { _, _, scratch in
            let page = try HTMLDocument(contentsOf: scratch.url.appendingPathComponent("Site/index.html"))
            #expect(page.strings("//script/@src").last == "/api/dev/live-reload.js")
            let about = try HTMLDocument(contentsOf: scratch.url.appendingPathComponent("Site/about/index.html"))
            #expect(about.strings("//script/@src").last == "/api/dev/live-reload.js")
        }
    }

    @Test("a saved page is rebuilt and the listener told; a broken one reports its error; fixing it rebuilds again")
    func saveBreakFix() async throws {
        try await withWatcher { watcher, listener, scratch in
            #expect(await watcher.check() == nil, "nothing changed yet")
            try scratch.write("---\ntitle: Spring offer\ndescription: Our spring offer for new clients.\n---\nTen percent off.", to: "Content/offer.md")
            #expect(await watcher.check() == .rebuilt)
            #expect(try String(contentsOf: scratch.url.appendingPathComponent("Site/offer/index.html"), encoding: .utf8).contains("Ten percent off."))
            try scratch.write("---\ntitle: Spring offer\ndescripton: typo\n---\nTen percent off.", to: "Content/offer.md")
            #expect(await watcher.check() == .failed("Content/offer.md:3: front matter: unknown key \"descripton\" (did you mean `description`?)"))
            #expect(try String(contentsOf: scratch.url.appendingPathComponent("Site/offer/index.html"), encoding: .utf8).contains("Ten percent off."), "the live page stays")
            try scratch.write("---\ntitle: Spring offer\ndescription: Our spring offer for new clients.\n---\nFifteen percent off.", to: "Content/offer.md")
            #expect(await watcher.check() == .rebuilt)
            #expect(try String(contentsOf: scratch.url.appendingPathComponent("Site/offer/index.html"), encoding: .utf8).contains("Fifteen percent off."))
            #expect(listener.outcomes.count == 3, "the listener hears each build once")
            #expect(listener.outcomes.first == .rebuilt && listener.outcomes.last == .rebuilt)
        }
    }

    @Test("a changed template rebuilds the site")
    func templateChange() async throws {
        try await withWatcher { watcher, _, scratch in
            let footer = scratch.url.appendingPathComponent("Layouts/partials/footer.mustache")
            try (String(contentsOf: footer, encoding: .utf8) + "<!-- watched -->\n").write(to: footer, atomically: false, encoding: .utf8)
            #expect(await watcher.check() == .rebuilt)
            #expect(try String(contentsOf: scratch.url.appendingPathComponent("Site/about/index.html"), encoding: .utf8).contains("<!-- watched -->"))
        }
    }
}
