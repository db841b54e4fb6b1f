import AgoraDomain
import AgoraSite
import AgoraStore
import AgoraTestSupport
import Foundation
import Testing

@Suite("Redirects")
struct SiteRedirectTests {
    @Test("table rows and page aliases become refresh pages, a _redirects file and an nginx map", arguments: TestDatabase.engines)
    func published(engine: TestDatabase) async throws {
        try await SiteFixture.with(engine) { site in
            let redirects = RedirectRepository(store: site.store)
            try await redirects.insert(try Redirect(from: "/team/", to: "/about/", status: .movedPermanently), now: SiteFixture.now)
            try await redirects.insert(try Redirect(from: "/sale", to: "https://shop.example/sale", status: .found), now: SiteFixture.now)
            try await redirects.insert(try Redirect(from: "/old-offer/", to: nil, status: .gone), now: SiteFixture.now)
            try site.scratch.write("---\ntitle: About us\ndescription: Who we are.\naliases: [/about-us/, /company/]\n---\nHello", to: "Content/about.md")
            _ = try await site.build()
            #expect(try site.page("_redirects") == """
                /about-us/ /about/ 301
                /company/ /about/ 301
                /old-offer/ /404.html 410
                /sale https://shop.example/sale 302
                /team/ /about/ 301

                """)
            let refresh = try HTMLDocument(site.page("about-us/index.html"))
            #expect(refresh.string("//link[@rel='canonical']/@href") == "https://agora.example/about/")
            #expect(refresh.string("//meta[@http-equiv='refresh']/@content") == "0; url=https://agora.example/about/")
            #expect(refresh.string("//meta[@name='robots']/@content") == "noindex")
            #expect(try HTMLDocument(site.page("sale")).string("//link[@rel='canonical']/@href") == "https://shop.example/sale")
            #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("old-offer").path))
            let nginx = try site.page("_redirects.nginx.conf")
            #expect(nginx.contains("map $uri $agora_redirect_301 {\n    \"/about-us/\" \"/about/\";"))
            #expect(nginx.contains("map $uri $agora_gone {\n    \"/old-offer/\" 1;\n}"))
            #expect(!(try site.page("sitemap-1.xml")).contains("about-us"))
        }
    }

    @Test("an alias over a page fails the build; a table row over a page is skipped")
    func pagesWin() async throws {
        try await SiteFixture.with { site in
            try await RedirectRepository(store: site.store).insert(try Redirect(from: "/providers/ada-lovelace/", to: "/", status: .found), now: SiteFixture.now)
            _ = try await site.build()
            #expect(try site.page("providers/ada-lovelace/index.html").contains("<h1>Ada Lovelace</h1>"))
            #expect(try site.page("_redirects") == "")
            try site.scratch.write("---\ntitle: About us\ndescription: Who we are.\naliases: [/categories/web/]\n---\n", to: "Content/about.md")
            await #expect(throws: SiteError(file: "Content/about.md", "front matter: alias /categories/web/ is the URL of a page")) {
                try await site.build()
            }
        }
    }

    @Test("a malformed alias is refused with the file and line")
    func malformedAlias() async throws {
        try await SiteFixture.with { site in
            try site.scratch.write("---\ntitle: About us\ndescription: Who we are.\naliases: [about-us]\n---\n", to: "Content/about.md")
            await #expect(throws: SiteError(file: "Content/about.md", line: 2, "front matter: alias \"about-us\" must be a site path starting with /")) {
                try await site.build()
            }
        }
    }
}
