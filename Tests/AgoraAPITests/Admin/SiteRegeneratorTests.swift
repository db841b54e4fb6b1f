@testable import AgoraAPI
import AgoraDomain
import AgoraSite
import AgoraStore
import AgoraTestSupport
import Foundation
import Logging
import Testing

@Suite("Site rebuilds after API changes")
struct SiteRegeneratorTests {
    @Test("a change that breaks a Markdown page fails the rebuild and leaves the live site as it was")
    func brokenRebuildKeepsTheSite() async throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        try await TestDatabase.sqlite.withStore { store async throws in
            let options = try await RepositorySite.build(in: scratch, store: store, providers: 5)
            let page = options.outputDirectory.appendingPathComponent("categories/web-development/index.html")
            let before = try String(contentsOf: page, encoding: .utf8)
            // Content/hire-a-web-developer.md lists the providers of web-development: hiding it breaks that page.
            try await CategoryRepository(store: store).setActive(try Slug("web-development"), false, now: Date())
            let regenerator = SiteRegenerator(store: store, options: options, logger: Logger(label: "test"))
            await regenerator.request("test")
            await regenerator.idle()
            #expect(try String(contentsOf: page, encoding: .utf8) == before)
        }
    }
}
