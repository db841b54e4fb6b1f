import AgoraDomain
@testable import AgoraJobs
import AgoraSite
import AgoraStore
import AgoraTestSupport
import Foundation
import Testing

@Suite("The site regeneration worker")
struct SiteRegenerationWorkerTests {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)

    /// A seeded store and a first build of the repository's own Content/ and Layouts/ into `scratch`.
    func withBuiltSite(
        _ engine: TestDatabase, providers: Int = 10, _ body: (Store, SiteBuildOptions) async throws -> Void
    ) async throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        try await engine.withStore { store async throws in
            try await MarketplaceSeeder(store: store).seed(providers: providers, seed: 2, now: Self.start)
            let options = SiteBuildOptions(
                outputDirectory: scratch.url.appendingPathComponent("Site"),
                contentDirectory: RepositoryPaths.root.appendingPathComponent("Content"),
                layoutsDirectory: RepositoryPaths.layouts, baseURL: try SiteURL("http://agora.test")
            )
            _ = try await SiteBuild(store: store, options: options).run()
            try await body(store, options)
        }
    }

    @Test("a provider listed in another category reaches both pages through the queue with one targeted build", arguments: TestDatabase.engines)
    func listedProviderTargetedBuild(engine: TestDatabase) async throws {
        try await withBuiltSite(engine) { store, options in
            let tree = try await CategoryRepository(store: store).tree()
            let stamp = try #require(try await ProviderRepository(store: store).stamps(after: nil, limit: 1).first)
            let category = try #require(tree.all.first { tree.isVisible($0) && $0.parentID != nil && !stamp.categorySlugs.contains($0.slug) })
            let administrator = AuditActor(userID: 1, role: "admin", ipAddress: "127.0.0.1", userAgent: "test", requestID: "test")
            #expect(try await CategoryRepository(store: store).setListed(providerID: stamp.id, in: category.id, true, by: administrator, now: Self.start))
            let queued = try await SiteChangeQueue(store: store).recent()
            #expect(Set(queued.map(\.change)) == [.provider(stamp.slug), .category(category.slug)])

            #expect(try await SiteRegenerationWorker(store: store, options: options).drainOnce() == 2)
            let done = try await SiteChangeQueue(store: store).recent()
            #expect(done.allSatisfy { $0.status == .done && $0.buildKind == .only && $0.attempts == 1 }, "\(done)")
            let builds = try await QueueBacklogs.read(store: store, now: Date())
            #expect(builds.siteBuildLast > 0 && builds.siteBuildLongestLastHour == builds.siteBuildLast, "how long the build ran, for /metrics")
            let listing = try String(contentsOf: options.outputDirectory.appendingPathComponent("categories/\(category.slug.value)/index.html"), encoding: .utf8)
            #expect(listing.contains("/providers/\(stamp.slug.value)/"))
            let profile = try String(contentsOf: options.outputDirectory.appendingPathComponent("providers/\(stamp.slug.value)/index.html"), encoding: .utf8)
            #expect(profile.contains("/categories/\(category.slug.value)/"))
            #expect(try await SiteRegenerationWorker(store: store, options: options).drainOnce() == 0, "nothing is left to build")
        }
    }

    @Test("a build that fails leaves the live site as it was and puts its changes back with a backoff, then fails them for good")
    func failedBuildRetriesThenFails() async throws {
        try await withBuiltSite(.sqlite, providers: 5) { store, options in
            let page = options.outputDirectory.appendingPathComponent("categories/web-development/index.html")
            let before = try String(contentsOf: page, encoding: .utf8)
            // Content/hire-a-web-developer.md lists the providers of web-development: hiding it breaks that page.
            try await CategoryRepository(store: store).setActive(try Slug("web-development"), false, now: Self.start)
            try await SiteChangeQueue(store: store).enqueue([.site], reason: "web development hidden", now: Self.start)
            let clock = ManualClock(Self.start)
            let worker = SiteRegenerationWorker(
                store: store, options: options, clock: clock, retry: RetryPolicy(maximumAttempts: 2, firstDelay: 30, longestDelay: 60)
            )
            #expect(try await worker.drainOnce() == 1)
            #expect(try String(contentsOf: page, encoding: .utf8) == before)
            let retried = try #require(try await SiteChangeQueue(store: store).recent().first)
            #expect(retried.status == .pending)
            #expect(retried.lastError?.contains("hire-a-web-developer.md") == true)
            #expect(try await worker.drainOnce() == 0, "not before its backoff")
            clock.advance(by: 31)
            #expect(try await worker.drainOnce() == 1)
            let failed = try #require(try await SiteChangeQueue(store: store).recent().first)
            #expect(failed.status == .failed)
            #expect(failed.attempts == 2)
            #expect(abs((failed.finishedAt ?? .distantPast).timeIntervalSince(clock.now)) < 0.01)
            #expect(try String(contentsOf: page, encoding: .utf8) == before)
        }
    }

    @Test("changes are folded into one build: targeted when each names an item, incremental when one concerns the site")
    func folding() throws {
        let ada = try Slug("ada"), web = try Slug("web-development")
        #expect(SiteRegenerationWorker.mode(for: [.provider(ada), .category(web), .provider(ada), .content("about.md")])
            == .only([.provider("ada"), .category("web-development"), .content("about.md")]))
        #expect(SiteRegenerationWorker.mode(for: [.provider(ada), .site, .category(web)]) == .incremental)
    }

    @Test("two workers never claim the same change, and a change whose worker died is claimed again after its lease", arguments: TestDatabase.engines)
    func claims(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            let queue = SiteChangeQueue(store: store)
            let changes = try (0..<40).map { SiteChange.provider(try Slug("provider-\($0)")) }
            try await queue.enqueue(changes, reason: "seeded", now: Self.start)
            async let first = queue.claimDue(now: Self.start, limit: 25, lease: 60)
            async let second = queue.claimDue(now: Self.start, limit: 25, lease: 60)
            let (a, b) = try await (first, second)
            #expect(Set(a.map(\.id)).isDisjoint(with: b.map(\.id)))
            #expect(a.count + b.count == 40)
            #expect(try await queue.claimDue(now: Self.start.addingTimeInterval(59), limit: 100, lease: 60).isEmpty)
            let reclaimed = try await queue.claimDue(now: Self.start.addingTimeInterval(61), limit: 100, lease: 60)
            #expect(reclaimed.count == 40)
            #expect(reclaimed.allSatisfy { $0.attempts == 2 && $0.status == .building })
        }
    }

    @Test("a row this version cannot read asks for the whole site", arguments: TestDatabase.engines)
    func unreadableRow(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            try await store.sql.raw("""
                INSERT INTO site_changes (kind, item, reason, status, next_attempt_at, created_at)
                VALUES ('provider', 'Not A Slug', 'by hand', 'pending', \(bind: Self.start), \(bind: Self.start))
                """).run()
            let claimed = try await SiteChangeQueue(store: store).claimDue(now: Self.start, limit: 10, lease: 60)
            #expect(claimed.map(\.change) == [.site])
        }
    }
}
