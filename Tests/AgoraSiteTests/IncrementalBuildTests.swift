import AgoraDomain
import AgoraSite
import AgoraStore
import AgoraTestSupport
import Foundation
import Testing

@Suite("Incremental builds")
struct IncrementalBuildTests {
    static let providers = (1...30).map { SiteFixture.provider("dev-\($0)", ratings: $0) }
        + [SiteFixture.provider("designer", first: "Dora", categories: ["design"], ratings: 3)]

    /// Every file of the site with its contents.
    func snapshot(_ site: SiteFixture) throws -> [String: Data] { try snapshot(of: site.output) }

    /// Every file under a directory with its contents.
    func snapshot(of directory: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let root = directory.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let file as URL in enumerator where (try file.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            files[String(file.standardizedFileURL.path.dropFirst(root.count + 1))] = try Data(contentsOf: file)
        }
        return files
    }

    func changed(_ before: [String: Data], _ after: [String: Data]) -> Set<String> {
        Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
    }

    func touch(_ slug: String, bio: String, in site: SiteFixture, at date: Date) async throws {
        try await site.store.sql.raw("UPDATE user_profiles SET bio = \(bind: bio), updated_at = \(bind: date) WHERE slug = \(bind: slug)").run()
    }

    @Test("a rebuild with nothing changed writes nothing", arguments: TestDatabase.engines)
    func nothingChanged(engine: TestDatabase) async throws {
        try await SiteFixture.with(engine, providers: Self.providers) { site in
            let first = try await site.build()
            #expect(first.kind == .full)
            let before = try snapshot(site)
            let second = try await site.build()
            #expect(second.kind == .incremental)
            #expect(second.written == 0 && second.removed == 0)
            #expect(second.unchanged == first.written)
            #expect(try snapshot(site) == before)
        }
    }

    @Test("a page file deleted behind the generator's back comes back with the next build that publishes it or with --full; a change after that is seen")
    func deletedFilesComeBack() async throws {
        try await SiteFixture.with(providers: Self.providers) { site in
            _ = try await site.build()
            _ = try await site.build()
            let page = site.output.appendingPathComponent("providers/dev-7/index.html")
            let original = try Data(contentsOf: page)
            try FileManager.default.removeItem(at: page)
            try FileManager.default.removeItem(at: site.output.appendingPathComponent("about/index.html"))
            let plain = try await site.build()
            #expect(plain.written == 1, "the Markdown page, checked one by one; provider pages are kept by the manifest")
            #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("about/index.html").path))
            let full = try await SiteBuild(store: site.store, options: site.options, clock: FixedClock(SiteFixture.now)).run(.full)
            #expect(full.kind == .full)
            #expect(try Data(contentsOf: page) == original)
            try await touch("dev-9", bio: "Now with Rust.", in: site, at: SiteFixture.now.addingTimeInterval(120))
            let changed = try await site.build()
            #expect(changed.written == 2, "dev-9's page and the sitemap chunk with its new date")
            #expect(try site.page("providers/dev-9/index.html").contains("Now with Rust."))
            let unpublished = try await {
                try await ProviderRepository(store: site.store).setPublished(try Slug("dev-2"), false, now: SiteFixture.now)
                return try await site.build()
            }()
            #expect(unpublished.removed == 1)
        }
    }

    @Test("one provider changed: exactly its page, the sitemap and the manifest change")
    func oneProviderChanged() async throws {
        try await SiteFixture.with(providers: Self.providers) { site in
            _ = try await site.build()
            let before = try snapshot(site)
            try await touch("dev-3", bio: "Now with Kotlin.", in: site, at: SiteFixture.now.addingTimeInterval(60))
            let summary = try await site.build()
            #expect(summary.kind == .incremental)
            // The listings showing dev-3 are rendered again, but their cards do not show the bio: their files stay.
            #expect(changed(before, try snapshot(site)) == ["providers/dev-3/index.html", "sitemap-1.xml", ".agora-manifest.sqlite"])
            #expect(summary.written == 2, "its page and the sitemap chunk with its new date")
            #expect(summary.unchanged == summary.pages - 2)
            #expect(try site.page("providers/dev-3/index.html").contains("Now with Kotlin."))
        }
    }

    /// Lines a build logs, kept for the test to read.
    final class BuildLog: @unchecked Sendable {
        private let lock = NSLock()
        private var kept: [String] = []
        var lines: [String] { lock.withLock { kept } }
        func add(_ line: String) { lock.withLock { kept.append(line) } }
    }

    @Test("a plain build after a few changes publishes only them: a provider moved between categories reaches both listings", arguments: TestDatabase.engines)
    func changesPublishedApart(engine: TestDatabase) async throws {
        try await SiteFixture.with(engine, providers: Self.providers) { site in
            _ = try await site.build()
            let design = try site.page("categories/design/index.html")
            #expect(design.contains("/providers/designer/") && !design.contains("/providers/dev-4/"))
            // dev-4 leaves web for design: both listings must change, though nothing else does.
            try await site.store.sql.raw("""
                UPDATE provider_categories SET category_id = (SELECT id FROM categories WHERE slug = 'design')
                WHERE provider_id = (SELECT user_id FROM user_profiles WHERE slug = 'dev-4')
                """).run()
            try await touch("dev-4", bio: "Now a designer.", in: site, at: SiteFixture.now.addingTimeInterval(60))
            let log = BuildLog()
            let summary = try await SiteBuild(store: site.store, options: site.options, clock: FixedClock(SiteFixture.now)).run(log: log.add)
            #expect(summary.kind == .incremental)
            #expect(log.lines.contains("1 changed providers published with their listings"), "\(log.lines)")
            #expect(try site.page("categories/design/index.html").contains("/providers/dev-4/"))
            #expect(!(try site.page("categories/web/index.html")).contains("/providers/dev-4/"))
            #expect(try site.page("providers/dev-4/index.html").contains("Now a designer."))
            #expect(summary.written + summary.unchanged == summary.pages, "each page counted once")
            #expect(try await site.page("index.html") == fullBuildHomepage(site), "the homepage counts dev-4 under design now")
            let again = try await site.build()
            #expect(again.written == 0, "nothing changed since")
        }
    }

    @Test("after plain builds of rank, bio and visibility changes, every page is what a full build makes", arguments: TestDatabase.engines)
    func plainBuildsMatchAFullBuild(engine: TestDatabase) async throws {
        try await SiteFixture.with(engine, providers: Self.providers) { site in
            _ = try await site.build()
            let later = SiteFixture.now.addingTimeInterval(60)
            // dev-2 climbs to the top of web's listing (a new rank: web and its parent are ranked again); the
            // designer edits the bio (same place: only the listing pages showing it are made again, from the
            // manifest); dev-25 leaves the site.
            try await site.rate("dev-2", average: 5, count: 500, at: later)
            try await touch("designer", bio: "Now with motion design.", in: site, at: later)
            try await ProviderRepository(store: site.store).setPublished(try Slug("dev-25"), false, now: later)
            let log = BuildLog()
            let summary = try await SiteBuild(store: site.store, options: site.options, clock: FixedClock(SiteFixture.now)).run(log: log.add)
            #expect(log.lines.contains("3 changed providers published with their listings"), "\(log.lines)")
            #expect(summary.removed == 1)
            let full = try await fullBuild(site)
            var plainFiles = try snapshot(site)
            plainFiles[".agora-manifest.sqlite"] = nil
            var fullFiles = try snapshot(of: full)
            fullFiles[".agora-manifest.sqlite"] = nil
            #expect(changed(plainFiles, fullFiles) == [])
            let web = try site.page("categories/web/index.html")
            let top = try #require(web.firstRange(of: "/providers/dev-2/")), next = try #require(web.firstRange(of: "/providers/dev-30/"))
            #expect(top.lowerBound < next.lowerBound, "dev-2 now ranks first")
        }
    }

    @Test("a change that moves no provider's time is still caught: the build walks every provider when the counts disagree")
    func unstampedChangeFallsBack() async throws {
        try await SiteFixture.with(providers: Self.providers) { site in
            _ = try await site.build()
            try await site.store.sql.raw("UPDATE users SET verification_status = 'suspended' WHERE id = (SELECT user_id FROM user_profiles WHERE slug = 'dev-5')").run()
            let summary = try await site.build()
            #expect(summary.removed == 1)
            #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("providers/dev-5/index.html").path))
        }
    }

    @Test("a changed template rebuilds every page")
    func templateChanged() async throws {
        try await SiteFixture.with(providers: Self.providers) { site in
            let layouts = site.scratch.url.appendingPathComponent("Layouts")
            try FileManager.default.copyItem(at: site.layouts, to: layouts)
            var options = site.options
            options.layoutsDirectory = layouts
            let first = try await SiteBuild(store: site.store, options: options, clock: FixedClock(SiteFixture.now)).run()
            let footer = layouts.appendingPathComponent("partials/footer.mustache")
            try (String(contentsOf: footer, encoding: .utf8) + "<!-- changed -->\n").write(to: footer, atomically: true, encoding: .utf8)
            let second = try await SiteBuild(store: site.store, options: options, clock: FixedClock(SiteFixture.now)).run()
            #expect(second.kind == .full)
            #expect(second.written == first.written)
            #expect(try site.page("providers/dev-1/index.html").contains("<!-- changed -->"))
        }
    }

    @Test("a move of the ratings' prior rebuilds every page as a full build; a targeted build refuses until then", arguments: TestDatabase.engines)
    func ratingPriorMoved(engine: TestDatabase) async throws {
        try await SiteFixture.with(engine, providers: Self.providers) { site in
            _ = try await site.build()
            // dev-2 has two ratings of 4.86 on average: few enough for the prior to show.
            func shown(_ prior: RatingPrior) -> String { RatingText.format(prior.displayed(average: 4.86, count: 2)) }
            let moved = RatingPrior(tenths: 48)
            #expect(shown(.standard) != shown(moved))
            #expect(try site.page("providers/dev-2/index.html").contains(#"<span class="rating-value">\#(shown(.standard))</span>"#))
            try await site.store.sql.raw("""
                INSERT INTO rating_prior (id, tenths, exact_mean, updated_at) VALUES (1, \(bind: moved.tenths), 4.81, \(bind: SiteFixture.now))
                """).run()
            let build = SiteBuild(store: site.store, options: site.options, clock: FixedClock(SiteFixture.now))
            await #expect(throws: SiteError.self) { try await build.run(.only([.provider("dev-2")])) }
            let summary = try await site.build()
            #expect(summary.kind == .full)
            let page = try site.page("providers/dev-2/index.html")
            #expect(page.contains(#"<span class="rating-value">\#(shown(moved))</span>"#))
            #expect(page.contains("The reviews average 4.9; until there are more of them, the rating leans towards the marketplace's 4.8."))
            let listings = try (1...3).compactMap { try? site.page(String(PagePaths.category(try Slug("web"), page: $0).dropFirst()) + "index.html") }
            #expect(listings.joined().contains(#"<span aria-hidden="true">★</span> \#(shown(moved)) <span class="muted">(2)</span>"#), "the cards too")
        }
    }

    @Test("a deactivated provider's page disappears, and its URL follows the redirect rules")
    func deactivated() async throws {
        try await SiteFixture.with(providers: Self.providers) { site in
            _ = try await site.build()
            try await ProviderRepository(store: site.store).setPublished(try Slug("designer"), false, now: SiteFixture.now)
            try await RedirectRepository(store: site.store).insert(try Redirect(from: "/providers/designer/", to: "/categories/design/", status: .movedPermanently), now: SiteFixture.now)
            let summary = try await site.build()
            #expect(summary.kind == .incremental)
            #expect(try HTMLDocument(site.page("providers/designer/index.html")).string("//link[@rel='canonical']/@href") == "https://agora.example/categories/design/")
            #expect(!(try site.page("sitemap-1.xml")).contains("/providers/designer/"))
            #expect(try site.page("_redirects") == "/providers/designer/ /categories/design/ 301\n")
            try await RedirectRepository(store: site.store).delete(from: "/providers/designer/")
            let after = try await site.build()
            #expect(after.removed == 1)
            #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("providers/designer").path))
        }
    }

    @Test("--only provider rebuilds its page, its listings, and the homepage when what it shows changed: as a full build would")
    func onlyProvider() async throws {
        try await SiteFixture.with(providers: Self.providers) { site in
            _ = try await site.build()
            let before = try snapshot(site)
            try await touch("designer", bio: "Branding for startups.", in: site, at: SiteFixture.now.addingTimeInterval(60))
            try await touch("dev-5", bio: "Not rebuilt by this run.", in: site, at: SiteFixture.now.addingTimeInterval(60))
            let summary = try await SiteBuild(store: site.store, options: site.options, clock: FixedClock(SiteFixture.now)).run(.only([.provider("designer")]))
            #expect(summary.kind == .only)
            #expect(changed(before, try snapshot(site)) == ["providers/designer/index.html", "sitemap-1.xml", ".agora-manifest.sqlite"])
            #expect(summary.written + summary.unchanged == 6, "the provider, its category, the homepage, robots.txt, the sitemap chunk and index; dev-5 waits for the next build")
            #expect(!(try site.page("providers/dev-5/index.html")).contains("Not rebuilt by this run."))
            // dev-30 has the most ratings: the homepage shows it, so its change reaches the homepage too.
            let featuredBefore = try snapshot(site)
            try await site.store.sql.raw("UPDATE user_profiles SET updated_at = \(bind: SiteFixture.now.addingTimeInterval(90)) WHERE slug = 'dev-30'").run()
            try await site.store.sql.raw("UPDATE users SET first_name = 'Renamed' WHERE id = (SELECT user_id FROM user_profiles WHERE slug = 'dev-30')").run()
            _ = try await SiteBuild(store: site.store, options: site.options, clock: FixedClock(SiteFixture.now)).run(.only([.provider("dev-30")]))
            #expect(changed(featuredBefore, try snapshot(site)).contains("index.html"))
            #expect(try site.page("index.html").contains("Renamed"))
            try await ProviderRepository(store: site.store).setPublished(try Slug("designer"), false, now: SiteFixture.now)
            let removal = try await SiteBuild(store: site.store, options: site.options, clock: FixedClock(SiteFixture.now)).run(.only([.provider("designer")]))
            #expect(removal.removed == 1)
            #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("providers/designer/index.html").path))
            #expect(try site.page("categories/design/index.html").contains("No providers in this category yet"))
            #expect(try await site.page("index.html") == fullBuildHomepage(site), "the homepage counts the provider gone")
        }
    }

    /// The site a full build of the store makes now, in a directory of its own.
    func fullBuild(_ site: SiteFixture) async throws -> URL {
        var options = site.options
        options.outputDirectory = site.scratch.url.appendingPathComponent("FullSite-\(UUID().uuidString)")
        _ = try await SiteBuild(store: site.store, options: options, clock: FixedClock(SiteFixture.now)).run(.full)
        return options.outputDirectory
    }

    /// The homepage a full build of the store makes now.
    func fullBuildHomepage(_ site: SiteFixture) async throws -> String {
        try String(contentsOf: try await fullBuild(site).appendingPathComponent("index.html"), encoding: .utf8)
    }

    @Test("--only needs an earlier build, and names what it cannot find")
    func onlyErrors() async throws {
        try await SiteFixture.with { site in
            let build = SiteBuild(store: site.store, options: site.options, clock: FixedClock(SiteFixture.now))
            await #expect(throws: SiteError.self) { try await build.run(.only([.provider("ada-lovelace")])) }
            _ = try await build.run()
            await #expect(throws: SiteError(file: nil, "--only category:nope: no such category")) { try await build.run(.only([.category("nope")])) }
            await #expect(throws: SiteError(file: "Content/missing.md", "is not a published page; a complete build removes pages that are gone")) {
                try await build.run(.only([.content("missing.md")]))
            }
            #expect(throws: SiteError.self) { try BuildTarget(parsing: "vendor:x") }
            #expect(try BuildTarget(parsing: "content:legal/terms.md") == .content("legal/terms.md"))
        }
    }
}
