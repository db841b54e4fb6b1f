import AgoraSite
import AgoraTestSupport
import Foundation
import Testing

@Suite("Failed builds")
struct BuildFailureTests {
    /// Every file below the directory with its contents, for before/after comparisons.
    func snapshot(_ directory: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let file as URL in enumerator where (try file.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            files[String(file.path.dropFirst(directory.path.count))] = try Data(contentsOf: file)
        }
        return files
    }

    func leftovers(_ site: SiteFixture) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: site.scratch.path).filter { $0.contains(".building-") }
    }

    @Test("broken front matter fails the build with its file and line and leaves the live site as it was")
    func brokenContentKeepsOldSite() async throws {
        try await SiteFixture.with { site in
            _ = try await site.build()
            let before = try snapshot(site.output)
            try site.scratch.write("---\ntitle: Oops\ndescripton: typo\n---\n", to: "Content/oops.md")
            await #expect {
                try await site.build()
            } throws: { error in
                "\(error)" == "Content/oops.md:3: front matter: unknown key \"descripton\" (did you mean `description`?)"
            }
            #expect(try snapshot(site.output) == before)
            #expect(try leftovers(site) == [])
        }
    }

    @Test("a template that does not parse fails the build with its file and line")
    func brokenTemplate() async throws {
        try await SiteFixture.with { site in
            _ = try await site.build()
            let before = try snapshot(site.output)
            let layouts = site.scratch.url.appendingPathComponent("Layouts")
            try FileManager.default.copyItem(at: site.layouts, to: layouts)
            try site.scratch.write("{{<base}}\n{{$main}}\n<p>{{#content}}unclosed</p>\n{{/main}}\n{{/base}}\n", to: "Layouts/provider.mustache")
            var options = site.options
            options.layoutsDirectory = layouts
            await #expect {
                try await SiteBuild(store: site.store, options: options).run()
            } throws: { error in
                "\(error)".hasPrefix("Layouts/provider.mustache:")
                    && "\(error)".contains("template:")
            }
            #expect(try snapshot(site.output) == before)
        }
    }

    @Test("a missing template is named")
    func missingTemplate() async throws {
        try await SiteFixture.with { site in
            let layouts = site.scratch.url.appendingPathComponent("Layouts")
            try FileManager.default.copyItem(at: site.layouts, to: layouts)
            try FileManager.default.removeItem(at: layouts.appendingPathComponent("category.mustache"))
            var options = site.options
            options.layoutsDirectory = layouts
            await #expect(throws: SiteError(file: "Layouts/category.mustache", "template is missing")) {
                try await SiteBuild(store: site.store, options: options).run()
            }
        }
    }

    @Test("a page asking for a template that does not exist fails the build and names the page")
    func unknownPageTemplate() async throws {
        try await SiteFixture.with { site in
            try site.scratch.write("---\ntitle: A\ndescription: B\ntemplate: fancy\n---\n", to: "Content/a.md")
            await #expect(throws: SiteError(file: "Content/a.md", "front matter: template \"fancy\" does not exist in Layouts/")) {
                try await site.build()
            }
            #expect(!FileManager.default.fileExists(atPath: site.output.path))
            #expect(try leftovers(site) == [])
        }
    }

    @Test("a second build replaces the site whole: removed pages disappear")
    func rebuildReplaces() async throws {
        try await SiteFixture.with { site in
            _ = try await site.build()
            try FileManager.default.removeItem(at: site.content.appendingPathComponent("about.md"))
            _ = try await site.build()
            #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("about/index.html").path))
            #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("index.html").path))
            #expect(try leftovers(site) == [])
        }
    }
}
