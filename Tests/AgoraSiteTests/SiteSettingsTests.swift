import AgoraDomain
import AgoraSite
import AgoraTestSupport
import Foundation
import Testing

@Suite("Site settings, robots and scheduling")
struct SiteSettingsTests {
    @Test("robots.txt follows Content/_site.yml and always keeps crawlers out of the API")
    func robotsFromSettings() async throws {
        try await SiteFixture.with { site in
            try site.scratch.write("""
                robots:
                  - user_agent: "*"
                    allow: [/api/health]
                    disallow: [/drafts/]
                  - user_agent: [GPTBot, CCBot]
                    disallow: [/]
                """, to: "Content/_site.yml")
            _ = try await site.build()
            #expect(try site.page("robots.txt") == """
                User-agent: *
                Allow: /api/health
                Disallow: /drafts/
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

                User-agent: GPTBot
                User-agent: CCBot
                Disallow: /
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
        }
    }

    @Test("an unknown setting is an error with its line and a suggestion")
    func unknownSetting() async throws {
        try await SiteFixture.with { site in
            try site.scratch.write("name: Agora\nsame_ass: []\n", to: "Content/_site.yml")
            await #expect(throws: SiteError(file: "Content/_site.yml", line: 2, "site settings: unknown key \"same_ass\" (did you mean `same_as`?)")) {
                try await site.build()
            }
        }
    }

    @Test("a staging build disallows every crawler and marks every page noindex")
    func staging() async throws {
        try await SiteFixture.with { site in
            var options = site.options
            options.environment = .staging
            _ = try await SiteBuild(store: site.store, options: options, clock: FixedClock(SiteFixture.now)).run()
            #expect(try site.page("robots.txt").hasPrefix("User-agent: *\nDisallow: /\n"))
            for page in ["index.html", "categories/web/index.html", "providers/ada-lovelace/index.html", "about/index.html"] {
                #expect(try HTMLDocument(site.page(page)).string("//meta[@name='robots']/@content") == "noindex", "\(page)")
            }
        }
    }

    @Test("scheduled pages appear only inside their window")
    func scheduling() async throws {
        try await SiteFixture.with { site in
            let day: TimeInterval = 86_400
            let iso = { (offset: TimeInterval) in SiteFixture.now.addingTimeInterval(offset).formatted(.iso8601) }
            try site.scratch.write("---\ntitle: Soon\ndescription: Later.\npublish_at: \(iso(day))\n---\n", to: "Content/soon.md")
            try site.scratch.write("---\ntitle: Live\ndescription: Now.\npublish_at: \(iso(-day))\nexpire_at: \(iso(day))\n---\n", to: "Content/live.md")
            try site.scratch.write("---\ntitle: Gone\ndescription: Over.\nexpire_at: \(iso(-day))\n---\n", to: "Content/gone.md")
            _ = try await site.build()
            let exists = { (path: String) in FileManager.default.fileExists(atPath: site.output.appendingPathComponent(path).path) }
            #expect(!exists("soon/index.html"))
            #expect(exists("live/index.html"))
            #expect(!exists("gone/index.html"))
            let later = SiteBuild(store: site.store, options: site.options, clock: FixedClock(SiteFixture.now.addingTimeInterval(2 * day)))
            _ = try await later.run()
            #expect(exists("soon/index.html"))
            #expect(!exists("live/index.html"))
        }
    }

    @Test("sitemap hints from front matter reach the sitemap")
    func sitemapHints() async throws {
        try await SiteFixture.with { site in
            try site.scratch.write("---\ntitle: Pricing\ndescription: Prices.\nsitemap: {priority: 0.8, changefreq: weekly}\n---\n", to: "Content/pricing.md")
            _ = try await site.build()
            #expect(try site.page("sitemap-1.xml").contains("<loc>https://agora.example/pricing/</loc><lastmod>"))
            #expect(try site.page("sitemap-1.xml").contains("<changefreq>weekly</changefreq><priority>0.8</priority></url>"))
        }
    }
}
