@testable import AgoraSite
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import Testing

@Suite("Sitemaps and robots")
struct SitemapTests {
    static let schemas = SiteFixture.repository.appendingPathComponent("Tests/AgoraSiteTests/Schemas")

    @Test("the sitemap index and its chunk are valid against the sitemaps.org 0.9 schemas and list every public page")
    func validSitemap() async throws {
        try await SiteFixture.with { site in
            _ = try await site.build()
            let index = try Data(contentsOf: site.output.appendingPathComponent("sitemap.xml"))
            let chunk = try Data(contentsOf: site.output.appendingPathComponent("sitemap-1.xml"))
            #expect(try XMLSchemaValidator.validate(index, schema: Self.schemas.appendingPathComponent("siteindex.xsd")) == [])
            #expect(try XMLSchemaValidator.validate(chunk, schema: Self.schemas.appendingPathComponent("sitemap.xsd")) == [])
            let text = String(decoding: chunk, as: UTF8.self)
            for path in ["/", "/categories/development/", "/categories/web/", "/categories/design/", "/providers/ada-lovelace/", "/providers/grace-hopper/", "/about/"] {
                #expect(text.contains("<loc>https://agora.example\(path)</loc>"), "\(path) missing")
            }
            #expect(!text.contains("404"))
            #expect(text.contains("<lastmod>\(SiteFixture.now.formatted(.iso8601))</lastmod>"))
            let photo = "<image:image><image:loc>https://agora.example/media/photos/0123456789abcdef0123456789abcdef/640.jpg</image:loc></image:image>"
            #expect(text.components(separatedBy: "<image:image>").count == 2, "one provider has a photo")
            #expect(text.contains("<loc>https://agora.example/providers/ada-lovelace/</loc>") && text.contains(photo), "its page names its largest JPEG")
        }
    }

    @Test("the schema check catches an invalid sitemap")
    func schemaCatchesErrors() throws {
        let broken = Data("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><lastmod>yesterday</lastmod></url></urlset>".utf8)
        #expect(try !XMLSchemaValidator.validate(broken, schema: Self.schemas.appendingPathComponent("sitemap.xsd")).isEmpty)
    }

    /// A manifest in a fresh staging directory with sitemap pages `/p/1/` … `/p/7/` (page n last changed on day n)
    /// and one page left out of the sitemap.
    func stagedManifest(in scratch: TemporaryDirectory) throws -> (StagedSite, BuildManifest) {
        let site = try StagedSite(replacing: scratch.url.appendingPathComponent("Site"))
        let manifest = try BuildManifest.create(in: site.root, siteKey: "test")
        for number in 1...7 {
            try manifest.put("/p/\(number)/", .init(key: "k", lastModified: Double(number) * 86_400, inSitemap: true), replacing: nil)
        }
        try manifest.put("/hidden/", .init(key: "k", lastModified: nil, inSitemap: false), replacing: nil)
        return (site, manifest)
    }

    /// Runs the sitemap stage, three URLs to a chunk, after `changes` made through a sink of the given kind, and
    /// commits what it recorded.
    func publishSitemap(
        _ manifest: BuildManifest, to output: any SiteOutput, as kind: SiteBuildKind, store: Store,
        changes: (PageSink) throws -> Void = { _ in }
    ) async throws -> Int {
        let sink = try PageSink(output: output, manifest: manifest, mode: kind)
        try changes(sink)
        var sitemap = Sitemap(baseURL: SiteFixture.baseURL)
        sitemap.urlsPerChunk = 3
        let chunks = try await sitemap.publish(into: sink, publisher: PagePublisher(sink: sink, repository: ProviderRepository(store: store)))
        try manifest.commit()
        return chunks
    }

    @Test("chunks are cut at the limit and the index lists each, all valid and all recorded as pages out of the sitemap")
    func chunking() async throws {
        try await SiteFixture.with { fixture in
            let scratch = try TemporaryDirectory()
            defer { scratch.remove() }
            let (site, manifest) = try stagedManifest(in: scratch)
            #expect(try await publishSitemap(manifest, to: site, as: .full, store: fixture.store) == 3)
            #expect(try manifest.entry("/sitemap-2.xml")?.inSitemap == false && manifest.entry("/sitemap.xml")?.inSitemap == false)
            manifest.close()
            try site.finish()
            let output = scratch.url.appendingPathComponent("Site")
            let index = try String(contentsOf: output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
            #expect(index.components(separatedBy: "<sitemap>").count - 1 == 3)
            #expect(index.contains("<loc>https://agora.example/sitemap-3.xml</loc><lastmod>1970-01-08T00:00:00Z</lastmod>"))
            for number in 1...3 {
                let chunk = try Data(contentsOf: output.appendingPathComponent("sitemap-\(number).xml"))
                #expect(try XMLSchemaValidator.validate(chunk, schema: Self.schemas.appendingPathComponent("sitemap.xsd")) == [])
                #expect(String(decoding: chunk, as: UTF8.self).components(separatedBy: "<url>").count - 1 == (number == 3 ? 1 : 3))
                #expect(!String(decoding: chunk, as: UTF8.self).contains("hidden"))
            }
        }
    }

    @Test("a changed line makes only its chunk and the index again; a new page recuts every chunk; fewer pages drop chunks")
    func partialRewrites() async throws {
        try await SiteFixture.with { fixture in
            let scratch = try TemporaryDirectory()
            defer { scratch.remove() }
            let (staged, manifest) = try stagedManifest(in: scratch)
            let store = fixture.store
            _ = try await publishSitemap(manifest, to: staged, as: .full, store: store)
            let site = LiveSite(staged.root)
            func chunk(_ number: Int) throws -> String {
                try String(contentsOf: staged.root.appendingPathComponent("sitemap-\(number).xml"), encoding: .utf8)
            }
            func page(_ path: String, day: Double) -> WrittenPage {
                WrittenPage(RenderedPage(path: path, html: [], lastModified: Date(timeIntervalSince1970: day * 86_400), inSitemap: true), key: InputKey(path, String(day)), wasWritten: true)
            }
            // A chunk file changed behind the stage's back shows which chunks it makes again.
            for number in 1...3 { try "stale".write(to: staged.root.appendingPathComponent("sitemap-\(number).xml"), atomically: true, encoding: .utf8) }
            #expect(try await publishSitemap(manifest, to: site, as: .only, store: store) { try $0.record(page("/p/5/", day: 30)) } == 3)
            #expect(try chunk(1) == "stale" && chunk(3) == "stale")
            #expect(try chunk(2).contains("<loc>https://agora.example/p/5/</loc><lastmod>1970-01-31T00:00:00Z</lastmod>"))
            let index = try String(contentsOf: staged.root.appendingPathComponent("sitemap.xml"), encoding: .utf8)
            #expect(index.contains("<loc>https://agora.example/sitemap-2.xml</loc><lastmod>1970-01-31T00:00:00Z</lastmod>"))
            #expect(index.contains("<loc>https://agora.example/sitemap-3.xml</loc><lastmod>1970-01-08T00:00:00Z</lastmod>"))

            #expect(try await publishSitemap(manifest, to: site, as: .only, store: store) == 3)
            #expect(try chunk(1) == "stale")
            #expect(try await publishSitemap(manifest, to: site, as: .only, store: store) { try $0.record(page("/p/0/", day: 0)) } == 3)
            #expect(try chunk(1).contains("/p/0/") && chunk(3).contains("/p/6/") && chunk(3).contains("/p/7/"))
            #expect(try await publishSitemap(manifest, to: site, as: .only, store: store) { sink in
                for number in 0...5 { try sink.forget("/p/\(number)/") }
            } == 1)
            #expect(!FileManager.default.fileExists(atPath: staged.root.appendingPathComponent("sitemap-2.xml").path))
            #expect(try manifest.sitemapChunks().map(\.number) == [1] && manifest.entry("/sitemap-2.xml") == nil)
            manifest.close()
            staged.discard()
        }
    }

    @Test("robots.txt keeps crawlers out of the API and the app shells and names the sitemap index")
    func robots() async throws {
        try await SiteFixture.with { site in
            _ = try await site.build()
            #expect(try site.page("robots.txt") == """
                User-agent: *
                Disallow: /api/
                Disallow: /register/
                Disallow: /check-inbox/
                Disallow: /verify-email/
                Disallow: /login/
                Disallow: /forgot-password/
                Disallow: /reset-password/
                Disallow: /sign-in-link/
                Disallow: /settings/security/
                Disallow: /settings/profile/
                Disallow: /settings/details/
                Disallow: /settings/dashboard/
                Disallow: /settings/portfolio/
                Disallow: /settings/verification/
                Disallow: /search/
                Disallow: /saved/
                Disallow: /notifications/
                Disallow: /settings/notifications/
                Disallow: /unsubscribe/
                Disallow: /orders/
                Disallow: /settings/money/
                Disallow: /projects/
                Disallow: /meetings/
                Disallow: /settings/calendar/
                Disallow: /payments/authenticate/
                Disallow: /unauthorized/
                Disallow: /admin/
                Disallow: /appeals/

                Sitemap: https://agora.example/sitemap.xml

                """)
            let sitemap = try site.page("sitemap-1.xml")
            for shell in ["/register/", "/login/", "/settings/security/"] {
                #expect(!sitemap.contains(shell))
                #expect(try HTMLDocument(site.page(String(shell.dropFirst()) + "index.html")).string("//meta[@name='robots']/@content") == "noindex")
            }
        }
    }

    @Test("sitemap dates match the ISO 8601 formatter at every kind of moment, and the manifest reads back what it wrote")
    func datesAndManifest() throws {
        var generator = SystemRandomNumberGenerator()
        let moments = [0, 951_782_400, 4_107_542_399, -86_401] + (0..<2_000).map { _ in Double(Int64.random(in: -2_000_000_000...4_000_000_000, using: &generator)) + 0.75 }
        for seconds in moments {
            let date = Date(timeIntervalSince1970: Double(seconds))
            #expect(W3CDate.format(date) == date.formatted(.iso8601), "\(seconds)")
        }
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let manifest = try BuildManifest.create(in: scratch.url, siteKey: "abc123")
        let home = BuildManifest.Entry(key: "1f", lastModified: 1_790_000_000.125, inSitemap: true, priority: 1, changefreq: "daily")
        let old = BuildManifest.Entry(key: "2e", lastModified: nil, inSitemap: false, priority: nil, changefreq: nil, redirect: true)
        try manifest.begin()
        try manifest.put("/", home, replacing: nil)
        try manifest.put("/old/", old, replacing: nil)
        try manifest.setProviderMarks(profiles: 1_790_000_000.5, statistics: nil)
        try manifest.commit()
        manifest.close()
        let reopened = try #require(BuildManifest.open(in: scratch.url))
        #expect(reopened.siteKey == "abc123")
        #expect(try reopened.entry("/") == home && reopened.entry("/old/") == old && reopened.entry("/none/") == nil)
        #expect(reopened.providerMarks?.profiles == 1_790_000_000.5 && reopened.providerMarks?.statistics == nil)
        #expect(try reopened.paths(redirects: true) == ["/old/"] && reopened.paths(redirects: false) == ["/"])
        // Changes not committed are gone when the file is opened again, as after a killed build.
        try reopened.begin()
        try reopened.delete("/", home)
        reopened.rollback()
        #expect(try BuildManifest.open(in: scratch.url)?.entry("/") == home)
        // A damaged file reads as no manifest.
        try Data("not a database".utf8).write(to: scratch.url.appendingPathComponent(BuildManifest.fileName))
        #expect(BuildManifest.open(in: scratch.url) == nil)
    }
}
