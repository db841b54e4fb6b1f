@testable import AgoraSite
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
        }
    }

    @Test("the schema check catches an invalid sitemap")
    func schemaCatchesErrors() throws {
        let broken = Data("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><lastmod>yesterday</lastmod></url></urlset>".utf8)
        #expect(try !XMLSchemaValidator.validate(broken, schema: Self.schemas.appendingPathComponent("sitemap.xsd")).isEmpty)
    }

    @Test("chunks are cut at the limit and the index lists each, all valid")
    func chunking() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let site = try StagedSite(replacing: scratch.url.appendingPathComponent("Site"))
        var manifest = BuildManifest(siteKey: "test")
        for number in 1...7 {
            manifest.pages["/p/\(number)/"] = .init(key: "k", lastModified: Date(timeIntervalSince1970: Double(number) * 86_400), inSitemap: true)
        }
        manifest.pages["/hidden/"] = .init(key: "k", lastModified: nil, inSitemap: false)
        var writer = SitemapWriter(baseURL: SiteFixture.baseURL)
        writer.urlsPerChunk = 3
        #expect(try writer.write(manifest, to: site) == 3)
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
                Disallow: /settings/security/
                Disallow: /search/
                Disallow: /saved/
                Disallow: /orders/new/
                Disallow: /orders/
                Disallow: /orders/view/
                Disallow: /orders/inbox/
                Disallow: /unauthorized/

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
        var manifest = BuildManifest(siteKey: "abc123")
        manifest.pages["/"] = .init(key: "1f", lastModified: Date(timeIntervalSince1970: 1_790_000_000.125), inSitemap: true, priority: 1, changefreq: "daily")
        manifest.pages["/old/"] = .init(key: "2e", lastModified: nil, inSitemap: false, priority: nil, changefreq: nil, redirect: true)
        #expect(BuildManifest.decoded(try manifest.encoded()) == manifest)
        #expect(BuildManifest.decoded(Data("agora-manifest 1\nabc\n".utf8)) == nil)
        manifest.pages["/bad\tpath/"] = .init(key: "3", lastModified: nil, inSitemap: false)
        #expect(throws: SiteError.self) { try manifest.encoded() }
    }
}
