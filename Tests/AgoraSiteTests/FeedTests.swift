import AgoraDomain
@testable import AgoraSite
import AgoraTestSupport
import Foundation
import FoundationXML
import Testing

@Suite("The Atom feed")
struct FeedTests {
    /// The feed's entries as (title, link, updated), in order.
    func entries(of site: SiteFixture) throws -> [(title: String, link: String, updated: String)] {
        let feed = try XMLDocument(data: Data(contentsOf: site.output.appendingPathComponent("feed.xml")))
        return try feed.nodes(forXPath: "//*[local-name()='entry']").map { entry in
            func text(_ name: String) throws -> String { try entry.nodes(forXPath: "*[local-name()='\(name)']").first?.stringValue ?? "" }
            let link = try entry.nodes(forXPath: "*[local-name()='link']/@href").first?.stringValue ?? ""
            return (try text("title"), link, try text("updated"))
        }
    }

    @Test("the feed lists the Markdown pages search engines may index, newest first, escaped, and every page links to it")
    func feedOfPages() async throws {
        try await SiteFixture.with { site in
            try site.scratch.write("---\ntitle: About us\ndescription: Who we are.\nlastmod: 2026-08-01\n---\nText.", to: "Content/about.md")
            try site.scratch.write("---\ntitle: Fees & payments <today>\ndescription: What a project costs.\nlastmod: 2026-10-01\ndate: 2026-09-30\n---\nText.", to: "Content/fees.md")
            try site.scratch.write("---\ntitle: Internal\ndescription: Not for search engines.\nnoindex: true\nlastmod: 2026-12-01\n---\nText.", to: "Content/internal.md")
            try site.scratch.write("---\ntitle: Guide\ndescription: How to hire.\nlastmod: 2026-11-01\n---\nText.", to: "Content/guide.md")
            _ = try await site.build()
            let listed = try entries(of: site)
            #expect(listed.map(\.link) == ["https://agora.example/guide/", "https://agora.example/fees/", "https://agora.example/about/"])
            #expect(listed.map(\.title).contains("Fees & payments <today>") && !listed.map(\.title).contains("Internal"))
            #expect(listed.first?.updated == "2026-11-01T00:00:00Z")
            let feed = try site.page("feed.xml")
            #expect(feed.contains("<published>2026-09-30T00:00:00Z</published>") && feed.contains("Fees &amp; payments &lt;today&gt;"))
            #expect(feed.contains("<updated>2026-11-01T00:00:00Z</updated>\n<author>"), "the feed is as new as its newest entry")
            #expect(try HTMLDocument(site.page("index.html")).string("//link[@type='application/atom+xml']/@href") == "/feed.xml")
            #expect(!(try site.page("sitemap-1.xml")).contains("feed.xml"))

            try site.scratch.write("---\ntitle: Fees & payments <today>\ndescription: What a project costs.\nlastmod: 2026-11-20\n---\nRevised.", to: "Content/fees.md")
            let revised = try await SiteBuild(store: site.store, options: site.options, clock: FixedClock(SiteFixture.now)).run(.only([.content("fees.md")]))
            #expect(revised.kind == .only)
            #expect(try entries(of: site).first?.link == "https://agora.example/fees/", "a revised page comes back to the top with --only too")
        }
    }
}
