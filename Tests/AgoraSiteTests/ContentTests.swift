@testable import AgoraSite
import AgoraTestSupport
import Foundation
import Testing

@Suite("Markdown content")
struct ContentTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    func load(_ files: [String: String], now: Date = ContentTests.now) throws -> [ContentPage] {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        for (path, text) in files { try scratch.write(text, to: "Content/" + path) }
        return try ContentLoader(directory: scratch.url.appendingPathComponent("Content")).load(now: now)
    }

    func error(_ files: [String: String]) -> String? {
        do {
            _ = try load(files)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("files map to URLs; index files, slugs, drafts and private files are handled")
    func urls() throws {
        let pages = try load([
            "about.md": "---\ntitle: About\ndescription: About us.\n---\nHello",
            "legal/index.md": "---\ntitle: Legal\ndescription: Legal pages.\n---\n",
            "legal/terms-2026.md": "---\ntitle: Terms\ndescription: Terms.\nslug: terms\n---\n",
            "draft.md": "---\ntitle: Soon\ndescription: Not yet.\ndraft: true\n---\n",
            "_notes.md": "not a page",
            "_drafts/idea.md": "not a page either",
        ])
        #expect(pages.map(\.urlPath) == ["/about/", "/legal/", "/legal/terms/"])
        #expect(pages[0].sourcePath == "Content/about.md")
    }

    @Test("Markdown gets tables, strikethrough, autolinks and task lists; raw HTML only when allowed")
    func markdown() throws {
        let body = "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ https://agora.example\n\n- [x] done\n\n<div class=\"x\">raw</div>\n\n<script>alert(1)</script>\n"
        let safe = try load(["a.md": "---\ntitle: A\ndescription: A.\n---\n" + body])[0].bodyHTML
        #expect(safe.contains("<table>"))
        #expect(safe.contains("<del>old</del>"))
        #expect(safe.contains("<a href=\"https://agora.example\">"))
        #expect(safe.contains("type=\"checkbox\""))
        #expect(!safe.contains("<div class=\"x\">"))
        #expect(!safe.contains("<script>"))
        let unsafe = try load(["a.md": "---\ntitle: A\ndescription: A.\nunsafe_html: true\n---\n" + body])[0].bodyHTML
        #expect(unsafe.contains("<div class=\"x\">raw</div>"))
        #expect(!unsafe.contains("<script>"), "the tag filter still neutralises script")
    }

    @Test("front matter errors name the file and the line", arguments: [
        ("---\ntitle: A\ndescrption: typo\n---\n", "Content/bad.md:3: front matter: unknown key \"descrption\" (did you mean `description`?)"),
        ("---\ntitle: A\ndescription: [unclosed\n---\n", "Content/bad.md:4: front matter:"),
        ("---\ndescription: no title\n---\n", "Content/bad.md:2: front matter: `title` is required"),
        ("---\ntitle: A\ndescription: B\ndraft: maybe\n---\n", "Content/bad.md:4: front matter: `draft` must be true or false"),
        ("---\ntitle: A\ndescription: B\ndate: someday\n---\n", "Content/bad.md:4: front matter: `date` must be a date"),
        ("---\ntitle: A\ndescription: B\nkeywords: 3\n---\n", "Content/bad.md:4: front matter: `keywords` must be a list of texts"),
        ("---\ntitle: A\ndescription: B\n", "Content/bad.md:1: front matter: no closing `---` line"),
        ("# Just Markdown\n", "Content/bad.md:1: front matter: the file must start with a line `---`"),
        ("---\ntitle: A\ndescription: B\nslug: Not A Slug\n---\n", "Content/bad.md: front matter: `slug` may hold only"),
    ])
    func frontMatterErrors(text: String, message: String) {
        let reported = error(["bad.md": text])
        #expect(reported?.hasPrefix(message) == true, "got \(reported ?? "no error")")
    }

    @Test("pages may not publish over generated URLs or each other")
    func collisions() {
        #expect(error(["providers/x.md": "---\ntitle: A\ndescription: B\n---\n"])?.contains("would publish under /providers/") == true)
        #expect(error(["index.md": "---\ntitle: A\ndescription: B\n---\n"])?.contains("would publish over the homepage") == true)
        #expect(error([
            "a.md": "---\ntitle: A\ndescription: B\nslug: same\n---\n",
            "same.md": "---\ntitle: C\ndescription: D\n---\n",
        ])?.contains("publishes at /same/, which Content/a.md already does") == true)
    }
}
