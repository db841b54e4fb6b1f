import AgoraDomain
import AgoraSite
import AgoraTestSupport
import Foundation
import Testing

/// The structured-data nodes of a generated page.
func graph(_ html: String) throws -> [[String: Any]] {
    let page = try HTMLDocument(html)
    let scripts = page.strings("//script[@type='application/ld+json']")
    #expect(scripts.count <= 1, "a page holds one JSON-LD script")
    guard let script = scripts.first else { return [] }
    let object = try JSONSerialization.jsonObject(with: Data(script.utf8)) as? [String: Any]
    #expect(object?["@context"] as? String == "https://schema.org")
    return object?["@graph"] as? [[String: Any]] ?? []
}

func node(_ type: String, in nodes: [[String: Any]]) -> [String: Any]? {
    nodes.first { $0["@type"] as? String == type }
}

@Suite("Structured data")
struct StructuredDataTests {
    @Test("the homepage describes the Organization and the WebSite with its SearchAction")
    func home() async throws {
        try await SiteFixture.with { site in
            try site.scratch.write("name: Agora\nsame_as: [https://social.example/agora]\nsearch_url: /search/?q={query}\n", to: "Content/_site.yml")
            _ = try await site.build()
            let nodes = try graph(site.page("index.html"))
            let organization = try #require(node("Organization", in: nodes))
            #expect(organization["name"] as? String == "Agora")
            #expect(organization["url"] as? String == "https://agora.example/")
            #expect(organization["logo"] as? String == "https://agora.example/assets/logo.svg")
            #expect(organization["sameAs"] as? [String] == ["https://social.example/agora"])
            let website = try #require(node("WebSite", in: nodes))
            let action = try #require(website["potentialAction"] as? [String: Any])
            #expect(action["@type"] as? String == "SearchAction")
            #expect((action["target"] as? [String: Any])?["urlTemplate"] as? String == "https://agora.example/search/?q={search_term_string}")
            #expect(action["query-input"] as? String == "required name=search_term_string")
            #expect(node("BreadcrumbList", in: nodes) == nil)
        }
    }

    @Test("category pages list their providers in an ItemList whose positions continue across pages")
    func itemList() async throws {
        let many = (1...26).map { SiteFixture.provider("dev-\($0)", ratings: $0) }
        try await SiteFixture.with(providers: many) { site in
            _ = try await site.build()
            let first = try #require(node("ItemList", in: try graph(site.page("categories/web/index.html"))))
            let second = try #require(node("ItemList", in: try graph(site.page("categories/web/page/2/index.html"))))
            let firstItems = try #require(first["itemListElement"] as? [[String: Any]])
            let secondItems = try #require(second["itemListElement"] as? [[String: Any]])
            #expect(firstItems.count == 24)
            #expect(firstItems.first?["position"] as? Int == 1)
            #expect(firstItems.first?["url"] as? String == "https://agora.example/providers/dev-26/")
            #expect(secondItems.map { $0["position"] as? Int } == [25, 26])
            let crumbs = try #require(node("BreadcrumbList", in: try graph(site.page("categories/web/index.html")))?["itemListElement"] as? [[String: Any]])
            #expect(crumbs.map { $0["name"] as? String } == ["Home", "Development", "Web"])
            #expect(crumbs.map { $0["position"] as? Int } == [1, 2, 3])
            #expect(crumbs.last?["item"] as? String == "https://agora.example/categories/web/")
        }
    }

    @Test("a provider with a place is a ProfessionalService with address and rating; without ratings there is no rating")
    func providers() async throws {
        let unrated = SiteFixture.provider("new-dev", first: "Nina", rating: 0, ratings: 0)
        try await SiteFixture.with(providers: SiteFixture.standardProviders + [unrated]) { site in
            _ = try await site.build()
            let ada = try #require(node("ProfessionalService", in: try graph(site.page("providers/ada-lovelace/index.html"))))
            #expect(ada["name"] as? String == "Ada Lovelace")
            #expect(ada["url"] as? String == "https://agora.example/providers/ada-lovelace/")
            #expect((ada["address"] as? [String: Any])?["addressLocality"] as? String == "Lyon")
            #expect((ada["address"] as? [String: Any])?["addressCountry"] as? String == "FR")
            #expect(ada["priceRange"] as? String == "€80 per hour")
            let rating = try #require(ada["aggregateRating"] as? [String: Any])
            #expect(rating["ratingValue"] as? String == RatingText.format(RatingPrior.standard.displayed(average: 4.86, count: 27)), "the rating the page shows")
            #expect(rating["ratingCount"] as? Int == 27)
            let nina = try #require(node("ProfessionalService", in: try graph(site.page("providers/new-dev/index.html"))))
            #expect(nina["aggregateRating"] == nil)
            let grace = try graph(site.page("providers/grace-hopper/index.html"))
            #expect(node("ProfessionalService", in: grace) == nil)
            let person = try #require(node("Person", in: grace))
            #expect(person["jobTitle"] as? String == "Brand designer")
            #expect(person["aggregateRating"] == nil && person["address"] == nil)
        }
    }

    @Test("Markdown pages become an FAQPage with questions, an Article when dated, with hreflang alternates")
    func landingPages() async throws {
        try await SiteFixture.with { site in
            try site.scratch.write("""
                ---
                title: Hire a developer
                description: How to hire a developer.
                date: 2026-03-01
                locale: en
                translations: {fr: /fr/recruter-un-developpeur/}
                faq:
                  - question: How much does it cost?
                    answer: Usually €40 to €120 an hour.
                  - question: How fast can I start?
                    answer: Most projects start within a week.
                ---
                Body text.
                """, to: "Content/hire.md")
            _ = try await site.build()
            let html = try site.page("hire/index.html")
            let nodes = try graph(html)
            let faq = try #require(node("FAQPage", in: nodes)?["mainEntity"] as? [[String: Any]])
            #expect(faq.map { $0["name"] as? String } == ["How much does it cost?", "How fast can I start?"])
            #expect((faq.first?["acceptedAnswer"] as? [String: Any])?["text"] as? String == "Usually €40 to €120 an hour.")
            let article = try #require(node("Article", in: nodes))
            #expect(article["headline"] as? String == "Hire a developer")
            #expect((article["datePublished"] as? String)?.hasPrefix("2026-03-01") == true)
            #expect(article["image"] as? String == "https://agora.example/assets/logo.svg")
            let page = try HTMLDocument(html)
            #expect(page.strings("//link[@rel='alternate']/@hreflang") == ["en", "fr", "x-default"])
            #expect(page.string("//link[@hreflang='fr']/@href") == "https://agora.example/fr/recruter-un-developpeur/")
            #expect(page.string("//link[@hreflang='x-default']/@href") == "https://agora.example/hire/")
            #expect(page.count("//main//details/summary") == 2)
            #expect(page.string("//meta[@property='og:type']/@content") == "article")
        }
    }

    @Test("a landing page embeds the top providers of a category; an unknown category fails the build")
    func embeddedProviders() async throws {
        try await SiteFixture.with { site in
            try site.scratch.write("---\ntitle: Web\ndescription: Web people.\nproviders: {category: development, limit: 3}\n---\n", to: "Content/web.md")
            _ = try await site.build()
            let page = try HTMLDocument(site.page("web/index.html"))
            #expect(page.strings("//section[@aria-labelledby='embedded-providers']//a[@class='provider-card-link']/@href") == ["/providers/ada-lovelace/"])
            #expect(page.string("//h2[@id='embedded-providers']") == "Top rated in Development")
            try site.scratch.write("---\ntitle: Web\ndescription: Web people.\nproviders: {category: nope}\n---\n", to: "Content/web.md")
            await #expect(throws: SiteError(file: "Content/web.md", "front matter: `providers` names category \"nope\", which does not exist or is inactive")) {
                try await site.build()
            }
        }
    }
}
