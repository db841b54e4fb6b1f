import AgoraSite
import AgoraTestSupport
import Foundation
import Testing

@Suite("SEO audit")
struct AuditTests {
    func page(title: String, description: String? = nil, canonical: Bool = true, body: String, head: String = "") -> String {
        let description = description ?? "The page \(title), with a description long enough for a search result."
        return """
        <!doctype html><html lang="en"><head><title>\(title)</title>
        <meta name="description" content="\(description)">
        \(canonical ? "<link rel=\"canonical\" href=\"https://agora.example/\">" : "")\(head)
        </head><body><nav><a href="/">Home</a> <a href="/a/">A</a> <a href="/b/">B</a> <a href="/c/">C</a> <a href="/d/">D</a> <a href="/f/">F</a> <a href="/g/">G</a> <a href="/kw/">K</a></nav>
        <main>\(body)</main></body></html>
        """
    }

    @Test("each seeded defect is found, and nothing else")
    func seededDefects() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let long = String(repeating: "Very long title ", count: 6)
        try scratch.write(page(title: "Home", body: "<h1>Home</h1>"), to: "Site/index.html")
        try scratch.write(page(title: "Same title", body: "<h1>A</h1>"), to: "Site/a/index.html")
        try scratch.write(page(title: "Same title", description: "Page B has a description of its own, long enough for results.", body: "<h1>B</h1>"), to: "Site/b/index.html")
        try scratch.write(page(title: long, description: "Too short.", body: "<h1>C</h1>"), to: "Site/c/index.html")
        try scratch.write(page(title: "D", canonical: false, body: "<h1>D</h1><h1>Again</h1><img src=\"/assets/x.png\"><a href=\"/missing/\">x</a><a href=\"../a/#top\">a</a>"), to: "Site/d/index.html")
        try scratch.write(page(title: "E", body: "<h1>E</h1>"), to: "Site/e/index.html")
        try scratch.write(page(title: "F", body: "<h1>F</h1>", head: "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"ProfessionalService\",\"name\":\"Ada\",\"aggregateRating\":{\"@type\":\"AggregateRating\",\"ratingValue\":\"4.5\"}}</script>"), to: "Site/f/index.html")
        try scratch.write(page(title: "G", body: "<h1>G</h1>", head: "<script type=\"application/ld+json\">{not json</script>"), to: "Site/g/index.html")
        try scratch.write(page(title: "K", body: "<h1>Hire a web developer</h1><p>" + String(repeating: "other words here ", count: 200) + "</p>"), to: "Site/kw/index.html")
        try scratch.write("<!doctype html><html><head><meta http-equiv=\"refresh\" content=\"0; url=/a/\"></head></html>", to: "Site/old/index.html")
        try scratch.write("/old/ /a/ 301\n", to: "Site/_redirects")
        try scratch.write("---\ntitle: K\ndescription: Keyword page.\ntarget_keyword: web developer\n---\n", to: "Content/kw.md")

        let report = try SiteAudit(siteDirectory: scratch.url.appendingPathComponent("Site"), contentDirectory: scratch.url.appendingPathComponent("Content")).run()
        let found = Set(report.findings.map { "\($0.severity.rawValue) \($0.page) \($0.check)" })
        #expect(found == [
            "error /a/ duplicate-title", "error /b/ duplicate-title",
            "warning /c/ title-length", "warning /c/ description-length",
            "error /d/ missing-canonical", "error /d/ h1", "error /d/ missing-alt", "error /d/ broken-link",
            "warning /e/ orphan",
            "error /f/ structured-data",
            "error /g/ structured-data",
            "warning /kw/ keyword-density",
        ])
        let structured = report.findings.filter { $0.page == "/f/" }.map(\.message).sorted()
        #expect(structured == ["AggregateRating.ratingCount|reviewCount is required", "ProfessionalService.address is required"])
        #expect(report.findings.first { $0.check == "broken-link" }?.message == "links to /missing/, which does not exist")
        let density = try #require(report.keywordDensities.first)
        #expect(report.keywordDensities.count == 1)
        #expect((density.page, density.keyword, density.occurrences, density.words) == ("/kw/", "web developer", 1, 604))
        #expect(abs(density.percent - 2.0 / 604 * 100) < 0.0001)
        #expect(report.pages == 9, "the redirect page is not audited as a page")
    }

    @Test("a generated site audits clean")
    func generatedSiteIsClean() async throws {
        try await SiteFixture.with { site in
            try FileManager.default.removeItem(at: site.content)
            try FileManager.default.copyItem(at: SiteFixture.repository.appendingPathComponent("Content"), to: site.content)
            try site.scratch.write("---\ntitle: Hire\ndescription: Hire a developer who ships on time, every time, with Agora.\ntarget_keyword: developer\nproviders: {category: web}\n---\nA developer builds. Every developer ships. Hire a developer.", to: "Content/hire.md")
            try site.scratch.write("---\ntitle: About us\ndescription: Who we are and why we built a marketplace for services.\n---\nSee [hiring](/hire/).", to: "Content/about.md")
            try site.scratch.write("---\ntitle: Web developers\ndescription: Web developers for hire.\nproviders: {category: web}\n---\n", to: "Content/hire-a-web-developer.md")
            _ = try await site.build()
            let report = try SiteAudit(siteDirectory: site.output, contentDirectory: site.content).run(now: SiteFixture.now)
            #expect(report.errors == [])
            #expect(report.keywordDensities.first?.page == "/hire/")
        }
    }

    @Test("an empty site is an error, not a clean report")
    func emptySite() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        #expect(throws: SiteError.self) { try SiteAudit(siteDirectory: scratch.url, contentDirectory: nil).run() }
    }
}
