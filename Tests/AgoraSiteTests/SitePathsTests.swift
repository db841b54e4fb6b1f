import AgoraDomain
@testable import AgoraSite
import AgoraTestSupport
import Foundation
import Testing

@Suite("The site's paths")
struct SitePathsTests {
    @Test("every app shell is published at its path and carries the paths its scripts read")
    func shellsCarryThePaths() async throws {
        try await SiteFixture.with { site in
            _ = try await site.build()
            for shell in AppShellPage.shells {
                let page = try HTMLDocument(site.page(String(shell.path.dropFirst()) + "index.html"))
                let json = try #require(page.string("//script[@id='agora-paths']"), "\(shell.path) carries no paths")
                let paths = try JSONDecoder().decode([String: String].self, from: Data(json.utf8))
                #expect(paths == PagePaths.forScripts)
            }
            let search = try HTMLDocument(site.page("index.html"))
            #expect(search.string("//form[@role='search']/@action") == PagePaths.search)
        }
    }

    @Test("a listing page's path gives back its category and number; other paths give nothing")
    func listingPathsRoundTrip() throws {
        let slug = try Slug("web-development")
        for page in [1, 2, 10, 137] {
            let parsed = try #require(PagePaths.categoryPage(at: PagePaths.category(slug, page: page)))
            #expect(parsed.slug == slug && parsed.page == page)
        }
        for other in ["/categories/", "/categories/web/page/1/", "/categories/web/page/x/", "/categories/web/page/2", "/categories/web/extra/2/",
                      "/providers/web/", "/categories/Not A Slug/", "/categories/web/page/02/"] {
            #expect(PagePaths.categoryPage(at: other) == nil, "\(other)")
        }
    }

    @Test("the islands' scripts and the templates spell no page path of their own")
    func noPathSpelledTwice() throws {
        let spelled = try Regex(#"['"](/(?:register|check-inbox|verify-email|login|forgot-password|reset-password|settings|search|saved|orders|unauthorized|providers|categories)/)"#)
        var found: [String] = []
        let layouts = RepositoryPaths.layouts
        let files = (FileManager.default.enumerator(atPath: layouts.path)?.allObjects as? [String] ?? [])
            .filter { ($0.hasSuffix(".js") || $0.hasSuffix(".mustache")) && !$0.hasPrefix("email/") }
        #expect(files.count > 20)
        for file in files.sorted() {
            let text = try String(contentsOf: layouts.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains("'/") || line.contains("\"/") {
                let trimmed = line.drop { $0 == " " }
                guard !trimmed.hasPrefix("*"), !trimmed.hasPrefix("/*"), !trimmed.hasPrefix("//") else { continue }
                for match in line.matches(of: spelled) {
                    // API calls (`Agora.api('GET', '/orders/…')`) name the service's routes, not pages.
                    guard !line.contains("Agora.api(") && !line.contains("Agora.upload(") && !line.contains("load('") else { continue }
                    found.append("Layouts/\(file):\(number + 1): \(match.output[1].substring ?? "")")
                }
            }
        }
        #expect(found == [])
    }
}
