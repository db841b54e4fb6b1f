@testable import AgoraSite
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import Testing

/// One test at a time, for the PostgreSQL server's connections that every suite shares.
@Suite("Similar providers", .serialized)
struct SimilarProvidersTests {
    /// dev-30 ranks first in web (most ratings), dev-1 last; the designer is alone in design.
    static let providers = IncrementalBuildTests.providers

    /// The providers a page shows as similar, in order.
    func similar(on page: String) -> [String] {
        guard let start = page.range(of: "id=\"similar-heading\"") else { return [] }
        let section = page[start.upperBound...].split(separator: "</section>", maxSplits: 1).first ?? ""
        return section.matches(of: /class="provider-card-link" href="\/providers\/([a-z0-9-]+)\/"/).map { String($0.output.1) }
    }

    func similar(of slug: String, in site: SiteFixture) throws -> [String] {
        try similar(on: site.page("providers/\(slug)/index.html"))
    }

    func place(_ id: Int64, ratings: Int, categories: [String]) -> ProviderPlace {
        ProviderPlace(
            id: id, slug: try! Slug("p-\(id)"), updatedAt: SiteFixture.now,
            rank: ListingRank(ratingBound: 4.5, ratingCount: ratings), categorySlugs: categories.map { try! Slug($0) }
        )
    }

    @Test("the choice: two above and two below in the primary category's ranking, more on one side at its ends, never the provider itself")
    func choice() {
        let tree = CategoryTree([
            Category(id: 1, parentID: nil, name: "Development", slug: try! Slug("development"), description: "", icon: "code", active: true, sortOrder: 0),
            Category(id: 2, parentID: 1, name: "Web", slug: try! Slug("web"), description: "", icon: "code", active: true, sortOrder: 0),
            Category(id: 3, parentID: nil, name: "Design", slug: try! Slug("design"), description: "", icon: "palette", active: true, sortOrder: 1),
            Category(id: 4, parentID: nil, name: "Retired", slug: try! Slug("retired"), description: "", icon: "code", active: false, sortOrder: 2),
        ])
        // Ids 1…7 in web, ranked 7 first; 8 and 9 list web second, after design: design is their primary category.
        let web = (1...7).map { place(Int64($0), ratings: $0, categories: ["web"]) }
        let others = [
            place(8, ratings: 100, categories: ["design", "web"]), place(9, ratings: 50, categories: ["design", "web"]),
            place(10, ratings: 10, categories: ["retired", "web"]), place(11, ratings: 10, categories: ["retired"]),
        ]
        let choice = SimilarProviders(web + others, categories: tree)
        #expect(choice.of(4).map(\.id) == [6, 5, 3, 2], "the middle: two either side, in the listings' order")
        // 10's primary is web (retired is hidden), and it ranks first there with ten ratings.
        #expect(choice.of(10).map(\.id) == [7, 6, 5, 4])
        #expect(choice.of(7).map(\.id) == [10, 6, 5, 4], "second from the top: one above, three below")
        #expect(choice.of(1).map(\.id) == [5, 4, 3, 2], "the last: the four above it")
        #expect(choice.of(8).map(\.id) == [9] && choice.of(9).map(\.id) == [8], "a small category shows all its others")
        #expect(choice.of(11).isEmpty, "in no visible category: none")
        #expect(choice.ranked.keys.sorted() == [2, 3])
        let designOnly = SimilarProviders(web + others, categories: tree, primaryIn: [3])
        #expect(designOnly.ranked.keys.sorted() == [3] && designOnly.of(4).isEmpty, "a choice made for some categories groups only theirs")
    }

    @Test("a provider's page shows its neighbours as cards, in order; a provider alone in its category shows none", arguments: TestDatabase.engines)
    func pagesShowTheChoice(engine: TestDatabase) async throws {
        try await SiteFixture.with(engine, providers: Self.providers) { site in
            _ = try await site.build()
            #expect(try similar(of: "dev-15", in: site) == ["dev-17", "dev-16", "dev-14", "dev-13"])
            #expect(try similar(of: "dev-30", in: site) == ["dev-29", "dev-28", "dev-27", "dev-26"])
            #expect(try similar(of: "dev-1", in: site) == ["dev-5", "dev-4", "dev-3", "dev-2"])
            let page = try site.page("providers/designer/index.html")
            #expect(!page.contains("Similar providers"))
            let dev15 = try site.page("providers/dev-15/index.html")
            let section = try #require(dev15.range(of: "Similar providers"))
            #expect(dev15[section.upperBound...].contains("provider-card"), "the same cards as listings, with their photo and badges")
        }
    }

    @Test("a full build over more providers than one window loads shows every page's four neighbours: a page whose neighbours come with the next window waits for it")
    func neighboursAcrossWindows() async throws {
        let count = SiteBuild.providerBatch + 200
        let providers = (1...count).map { SiteFixture.provider("p-\($0)", ratings: $0) }
        try await SiteFixture.with(providers: providers) { site in
            _ = try await site.build()
            // Ranked by ratings, most first: the first window ends near the batch's size, and the pages at its edge
            // show providers only the next window loads.
            var wrong: [String] = []
            for number in 1...count {
                let expected = Self.neighbours(of: number, among: count).map { "p-\($0)" }
                if try similar(of: "p-\(number)", in: site) != expected { wrong.append("p-\(number)") }
            }
            #expect(wrong.isEmpty, "\(wrong.prefix(10))")
        }
    }

    /// The numbers of the providers shown beside p-`number` when p-1…p-`count` rank by their number, highest first.
    static func neighbours(of number: Int, among count: Int) -> [Int] {
        let ranked = Array((1...count).reversed())
        let index = ranked.firstIndex(of: number)!
        let start = max(0, min(index - 2, ranked.count - 5))
        return ranked[start..<min(ranked.count, start + 5)].filter { $0 != number }
    }

    @Test("an edit republishes the provider's page and the four that show it, and no other provider's page")
    func editReachesTheFourShowingIt() async throws {
        try await SiteFixture.with(providers: Self.providers) { site in
            _ = try await site.build()
            let before = try IncrementalBuildTests().snapshot(site)
            try await site.store.sql.raw("UPDATE user_profiles SET title = 'Rust developer', updated_at = \(bind: SiteFixture.now.addingTimeInterval(60)) WHERE slug = 'dev-15'").run()
            let summary = try await site.build()
            #expect(summary.kind == .incremental)
            let changed = IncrementalBuildTests().changed(before, try IncrementalBuildTests().snapshot(site))
            #expect(changed.filter { $0.hasPrefix("providers/") } == Set(["dev-15", "dev-17", "dev-16", "dev-14", "dev-13"].map { "providers/\($0)/index.html" }))
            #expect(try site.page("providers/dev-13/index.html").contains("Rust developer"))
        }
    }

    @Test("a provider climbing the ranking changes the choice only around where it left and arrived; one leaving the site leaves every page that showed it", arguments: TestDatabase.engines)
    func movesStayLocal(engine: TestDatabase) async throws {
        try await SiteFixture.with(engine, providers: Self.providers) { site in
            _ = try await site.build()
            let before = try IncrementalBuildTests().snapshot(site)
            try await site.rate("dev-2", average: 4.86, count: 500, at: SiteFixture.now.addingTimeInterval(60))
            _ = try await site.build()
            let changed = IncrementalBuildTests().changed(before, try IncrementalBuildTests().snapshot(site)).filter { $0.hasPrefix("providers/") }
            // At the top, dev-2 and the two it now stands before (dev-28 and below keep theirs, one place further
            // on); at the bottom, the three pages that showed it. The other 24 pages stay as they were.
            #expect(changed == Set(["dev-2", "dev-30", "dev-29", "dev-1", "dev-3", "dev-4"].map { "providers/\($0)/index.html" }))
            #expect(try similar(of: "dev-2", in: site) == ["dev-30", "dev-29", "dev-28", "dev-27"])
            #expect(try similar(of: "dev-1", in: site) == ["dev-6", "dev-5", "dev-4", "dev-3"])
            #expect(try similar(of: "dev-15", in: site) == ["dev-17", "dev-16", "dev-14", "dev-13"], "everyone between keeps the same neighbours")

            try await ProviderRepository(store: site.store).setPublished(try Slug("dev-16"), false, now: SiteFixture.now.addingTimeInterval(120))
            _ = try await site.build()
            for slug in ["dev-18", "dev-17", "dev-15", "dev-14"] {
                #expect(try !similar(of: slug, in: site).contains("dev-16"), "\(slug)")
                #expect(try similar(of: slug, in: site).count == SimilarProviders.shown)
            }
            var plain = try IncrementalBuildTests().snapshot(site)
            var full = try IncrementalBuildTests().snapshot(of: try await IncrementalBuildTests().fullBuild(site))
            plain[".agora-manifest.sqlite"] = nil
            full[".agora-manifest.sqlite"] = nil
            #expect(IncrementalBuildTests().changed(plain, full) == [], "what a full build makes")
        }
    }

    @Test("--only provider for an account deleted with its profile: the pages that showed it choose again")
    func onlyForADeletedProfile() async throws {
        try await SiteFixture.with(providers: Self.providers) { site in
            _ = try await site.build()
            #expect(try similar(of: "dev-14", in: site).contains("dev-16"))
            try await site.store.sql.raw("DELETE FROM users WHERE id = (SELECT user_id FROM user_profiles WHERE slug = 'dev-16')").run()
            _ = try await SiteBuild(store: site.store, options: site.options, clock: FixedClock(SiteFixture.now)).run(.only([.provider("dev-16")]))
            #expect(try !similar(of: "dev-14", in: site).contains("dev-16"))
            #expect(try similar(of: "dev-14", in: site).count == SimilarProviders.shown)
        }
    }
}
