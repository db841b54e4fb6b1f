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
}
