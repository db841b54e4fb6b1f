import AgoraPublishedSite
import AgoraSite
import AgoraTestSupport
import Foundation
import Testing

@Suite("Assets")
struct AssetTests {
    @Test("stylesheets get a content-hashed name that every page refers to; a change renames them")
    func fingerprints() async throws {
        try await SiteFixture.with { site in
            let layouts = site.scratch.url.appendingPathComponent("Layouts")
            try FileManager.default.copyItem(at: site.layouts, to: layouts)
            var options = site.options
            options.layoutsDirectory = layouts
            let build = SiteBuild(store: site.store, options: options)
            _ = try await build.run()
            let stylesheet = try #require(try HTMLDocument(site.page("index.html")).string("//link[@rel='stylesheet']/@href"))
            #expect(stylesheet.wholeMatch(of: /\/assets\/site\.[0-9a-f]{10}\.css/) != nil)
            #expect(FingerprintedAssets.isFingerprinted(stylesheet))
            #expect(try site.page(String(stylesheet.dropFirst())) == String(contentsOf: layouts.appendingPathComponent("assets/site.css"), encoding: .utf8))
            #expect(try HTMLDocument(site.page("providers/ada-lovelace/index.html")).string("//link[@rel='stylesheet']/@href") == stylesheet)

            let css = layouts.appendingPathComponent("assets/site.css")
            try (String(contentsOf: css, encoding: .utf8) + "\n.new { color: red; }\n").write(to: css, atomically: true, encoding: .utf8)
            _ = try await build.run()
            let renamed = try #require(try HTMLDocument(site.page("index.html")).string("//link[@rel='stylesheet']/@href"))
            #expect(renamed != stylesheet)
            #expect(try site.page(String(renamed.dropFirst())).contains(".new { color: red; }"))
        }
    }

    @Test("only hashed css and js names count as fingerprinted", arguments: [
        ("/assets/site.0123456789.css", true), ("/assets/app.abcdef0123.js", true), ("/assets/site.css", false),
        ("/assets/logo.0123456789.svg", false), ("/assets/site.01234567.css", false), ("/other/site.0123456789.css", false),
    ])
    func recognised(path: String, fingerprinted: Bool) {
        #expect(FingerprintedAssets.isFingerprinted(path) == fingerprinted)
    }
}
