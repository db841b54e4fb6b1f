import AgoraDomain
@testable import AgoraSite
import AgoraTestSupport
import Foundation
import Testing

@Suite("Generated pages")
struct PageContentTests {
    @Test("every page has one title, a description, a canonical URL and a language; titles are unique")
    func metaOnEveryPage() async throws {
        try await SiteFixture.with { site in
            let summary = try await site.build()
            #expect(summary.pages == 12 + AppShellPage.shells.count, "eight pages, robots.txt, the feed, the sitemap index and its one chunk, and the app shells")
            var titles: Set<String> = []
            let enumerator = FileManager.default.enumerator(at: site.output, includingPropertiesForKeys: nil)!
            for case let file as URL in enumerator where file.pathExtension == "html" {
                let page = try HTMLDocument(contentsOf: file)
                let title = try #require(page.string("//title"), "\(file.path) has no title")
                #expect(page.count("//title") == 1)
                #expect(title.count <= 60, "\(title) is too long")
                #expect(page.string("//meta[@name='description']/@content")?.isEmpty == false)
                #expect(page.string("//link[@rel='canonical']/@href")?.hasPrefix("https://agora.example/") == true)
                #expect(page.string("/html/@lang") == "en")
                #expect(page.count("//h1") == 1, "\(file.path) should have exactly one h1")
                titles.insert(title)
            }
            #expect(titles.count == summary.pages - 4, "every page but robots.txt, the feed and the sitemap's is HTML, with its own title")
        }
    }

    @Test("the 404 page is not indexed and not in the sitemap")
    func notFoundPage() async throws {
        try await SiteFixture.with { site in
            _ = try await site.build()
            let page = try HTMLDocument(site.page("404.html"))
            #expect(page.string("//meta[@name='robots']/@content") == "noindex")
        }
    }

    @Test("a provider without location, rate or ratings gets a page without empty parts")
    func missingOptionalData() async throws {
        try await SiteFixture.with { site in
            _ = try await site.build()
            let page = try HTMLDocument(site.page("providers/grace-hopper/index.html"))
            #expect(page.count("//*[contains(@class,'provider-location')]") == 0)
            #expect(page.strings("//dl[@class='facts']/div/dt") == ["Projects completed", "Completion rate", "Usually replies", "Languages"])
            let card = try HTMLDocument(site.page("categories/design/index.html"))
            #expect(card.string("//*[contains(@class,'provider-card-meta')]/span")?.contains("New on the platform") == true)
        }
    }

    @Test("category pages are cut into pages of 24 with previous and next links")
    func pagination() async throws {
        let many = (1...30).map { SiteFixture.provider("dev-\($0)", rating: Double($0 % 5) + 0.5, ratings: $0) }
        try await SiteFixture.with(providers: many) { site in
            _ = try await site.build()
            let first = try HTMLDocument(site.page("categories/web/index.html"))
            let second = try HTMLDocument(site.page("categories/web/page/2/index.html"))
            #expect(first.count("//article[@class='provider-card']") == 24)
            #expect(second.count("//article[@class='provider-card']") == 6)
            #expect(first.string("//a[@rel='next']/@href") == "/categories/web/page/2/")
            #expect(second.string("//a[@rel='prev']/@href") == "/categories/web/")
            #expect(second.string("//link[@rel='canonical']/@href") == "https://agora.example/categories/web/page/2/")
            let firstNames = Set(first.strings("//a[@class='provider-card-link']/@href"))
            let secondNames = Set(second.strings("//a[@class='provider-card-link']/@href"))
            #expect(firstNames.isDisjoint(with: secondNames))
            #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("categories/web/page/3").path) == false)
        }
    }

    @Test("user text with HTML, script and quotes is shown as text and runs nothing")
    func escaping() async throws {
        let hostile = SiteFixture.provider(
            "mallory", first: "<img src=x onerror=alert(1)>", last: "\"O'Hara\"",
            bio: "</script><script>alert('bio')</script> & <b>bold</b>",
            title: "\"><svg onload=alert(2)>", skills: ["<iframe src=javascript:alert(3)>"]
        )
        try await SiteFixture.with(providers: [hostile]) { site in
            _ = try await site.build()
            let html = try site.page("providers/mallory/index.html")
            for needle in ["<script>alert", "<img src=x", "<svg onload", "<iframe", "<b>bold</b>"] {
                #expect(!html.contains(needle), "\(needle) reached the page unescaped")
            }
            let page = try HTMLDocument(html)
            #expect(page.string("//h1") == "<img src=x onerror=alert(1)> \"O'Hara\"")
            #expect(page.strings("//section[@aria-labelledby='about-heading']/p").first == "</script><script>alert('bio')</script> & <b>bold</b>")
            #expect(Set(page.strings("//script[not(@src)]/@type")) == ["application/ld+json", "application/json"], "inline scripts are data only")
            #expect(page.strings("//script/@src").allSatisfy { $0.hasPrefix("/assets/js/") }, "scripts come from the site's assets only")
            let json = try #require(page.string("//script[@type='application/ld+json']"))
            #expect(!json.contains("<") && !json.contains(">"))
            let graph = try #require((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["@graph"] as? [[String: Any]])
            let service = try #require(graph.first { $0["@type"] as? String == "ProfessionalService" })
            #expect(service["name"] as? String == "<img src=x onerror=alert(1)> \"O'Hara\"")
            #expect((service["description"] as? String)?.contains("</script><script>alert('bio')</script>") == true)
            let listing = try site.page("categories/web/index.html")
            #expect(!listing.contains("<svg onload"))
        }
    }
}
