import AgoraTestSupport
import Foundation
import Testing

@Suite("Golden pages")
struct GoldenPageTests {
    @Test("a provider page and a category page match their golden files, on either engine", arguments: TestDatabase.engines)
    func goldenPages(engine: TestDatabase) async throws {
        try await SiteFixture.with(engine) { site in
            try await site.addPortfolioItem(to: "ada-lovelace")
            _ = try await site.build()
            #expect(try Golden.difference(site.page("providers/ada-lovelace/index.html"), file: "provider-ada-lovelace.html") == nil)
            #expect(try Golden.difference(site.page("categories/development/index.html"), file: "category-development.html") == nil)
        }
    }
}
