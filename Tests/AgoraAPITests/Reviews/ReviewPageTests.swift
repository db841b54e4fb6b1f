import AgoraDomain
import AgoraJobs
import AgoraSite
import AgoraStore
import AgoraTestSupport
import Foundation
import HummingbirdTesting
import Testing

/// Published reviews reach the provider's static page through the site-changes queue: the stars, the reviews and
/// their answers in the HTML, escaped, and in valid structured data; a pending one never does.
@Suite("Reviews on the static pages")
struct ReviewPageTests {
    /// The nodes of the page's JSON-LD graph.
    static func structuredData(in html: String) -> [[String: Any]]? {
        guard let start = html.range(of: #"<script type="application/ld+json">"#),
              let end = html.range(of: "</script>", range: start.upperBound..<html.endIndex),
              let object = try? JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as? [String: Any]
        else { return nil }
        return object["@graph"] as? [[String: Any]]
    }

    @Test("a pending review stays off the page; once both are in, the page is queued and built with them, escaped", arguments: TestDatabase.engines)
    func providerPage(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let scratch = try TemporaryDirectory()
            defer { scratch.remove() }
            let store = market.harness.store
            let options = SiteBuildOptions(
                outputDirectory: scratch.url.appendingPathComponent("Site"), contentDirectory: RepositoryPaths.root.appendingPathComponent("Content"),
                layoutsDirectory: RepositoryPaths.layouts, baseURL: try SiteURL("http://agora.test")
            )
            _ = try await SiteBuild(store: store, options: options).run()
            let provider = market.seeded
            let slug = try #require(try await store.sql.raw("SELECT slug FROM user_profiles WHERE user_id = \(bind: provider.userID)").first()?
                .decode(column: "slug", as: String.self))
            let page = options.outputDirectory.appendingPathComponent("providers/\(slug)/index.html")

            let fixture = try await ReviewFixture.completed(in: market, provider: provider)
            let hostile = #"{"rating": 4, "sub_ratings": {"quality": 5}, "comment": "Solid work <script>alert('x')</script> and \"quotes\" & ampersands, delivered in 9 days."}"#
            try #require(try await fixture.review(as: market.ada, hostile).status == .created)
            _ = try await SiteRegenerationWorker(store: store, options: options).drainOnce()
            #expect(!(try String(contentsOf: page, encoding: .utf8)).contains("Solid work"), "a pending review is on no page")

            // Pages are rebuilt when a provider's record changes time: the test's clock moves as a real one would.
            market.harness.clock.advance(by: 60)
            try #require(try await fixture.review(as: provider, ReviewFixture.paulaReview).status == .created)
            let queued = try await SiteChangeQueue(store: store).recent()
            let pageSlug = try Slug(slug)
            #expect(queued.contains { $0.change == .provider(pageSlug) && $0.reason.contains("review published") && $0.status == .pending })
            #expect(try await SiteRegenerationWorker(store: store, options: options).drainOnce() >= 1)
            let html = try String(contentsOf: page, encoding: .utf8)
            #expect(html.contains("Solid work &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; and &quot;quotes&quot; &amp; ampersands") || html.contains("Solid work &lt;script&gt;"))
            #expect(!html.contains("<script>alert"))
            #expect(html.contains("Ada L.") && html.contains("4 out of 5") && html.contains("data-reviews-of=\"\(provider.userID)\""))
            #expect(html.contains("<th scope=\"row\">4 stars</th>"))
            let month = Date.FormatStyle(date: .omitted, time: .omitted, locale: Locale(identifier: "en_GB"), timeZone: TimeZone(identifier: "UTC")!)
                .month(.wide).year()
            let thisMonth = market.harness.clock.now.formatted(month)
            #expect(html.contains("the twelve months to \(thisMonth)") && html.contains("\(thisMonth): 1 review, 4.0 on average"), "the trend is in the page")
            // The figure is the displayed rating, the same the API and the provider's JSON give.
            let displayed = try #require(try await fixture.rating(of: provider.userID)["displayed"] as? Double)
            #expect(html.contains(#"<span class="rating-value">\#(RatingText.format(displayed))</span>"#))
            let statistics = try await market.harness.send(.get, "/api/providers/\(slug)").json()["statistics"] as? [String: Any]
            #expect(statistics?["rating"] as? Double == displayed)
            let graph = try #require(Self.structuredData(in: html))
            let node = try #require(graph.first { ($0["@type"] as? String) == "ProfessionalService" || ($0["@type"] as? String) == "Person" })
            if node["@type"] as? String == "ProfessionalService" {
                let reviews = try #require(node["review"] as? [[String: Any]])
                #expect(reviews.count == 1 && ((reviews.first?["author"] as? [String: Any])?["name"] as? String) == "Ada L.")
                #expect(((reviews.first?["reviewRating"] as? [String: Any])?["ratingValue"] as? Int) == 4)
                let aggregate = node["aggregateRating"] as? [String: Any]
                #expect(aggregate?["ratingValue"] as? String == RatingText.format(displayed) && aggregate?["ratingCount"] as? Int == 1)
            }
            let audit = try SiteAudit(siteDirectory: options.outputDirectory, contentDirectory: nil).run()
            #expect(audit.findings.filter { $0.check == "structured-data" } == [], "every node has what Google requires")
        }
    }
}
