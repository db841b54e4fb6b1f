import AgoraDomain
import Foundation

/// Splits a Markdown file into its front matter and body, and reads the front matter strictly: unknown keys,
/// wrong types and missing required keys are errors that name the file and line. Package-wide, for the fuzzer.
package struct FrontMatterParser {
    /// The file's path as shown in errors, e.g. `Content/about.md`.
    let file: String

    package init(file: String) {
        self.file = file
    }

    package func parse(_ text: String) throws -> (FrontMatter, body: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard lines.first == "---" else {
            throw SiteError(file: file, line: 1, "front matter: the file must start with a line `---`, then YAML, then `---`")
        }
        guard let closing = lines.dropFirst().firstIndex(of: "---") else {
            throw SiteError(file: file, line: 1, "front matter: no closing `---` line")
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        let node = try StrictYAMLMapping.parse(yaml, file: file, subject: "front matter", lineOffset: 1)
        let fields = try StrictYAMLMapping(node, known: FrontMatter.knownKeys, file: file, subject: "front matter", lineOffset: 1)
        return (try read(fields), body)
    }

    private func read(_ fields: StrictYAMLMapping) throws -> FrontMatter {
        var matter = FrontMatter(title: try fields.requiredText("title"), description: try fields.requiredText("description"))
        matter.slug = try fields.text("slug")
        matter.date = try fields.date("date")
        matter.lastmod = try fields.date("lastmod")
        matter.draft = try fields.flag("draft") ?? false
        matter.publishAt = try fields.date("publish_at")
        matter.expireAt = try fields.date("expire_at")
        if let publish = matter.publishAt, let expire = matter.expireAt, expire <= publish {
            throw SiteError(file: file, line: fields.line, "front matter: `expire_at` must come after `publish_at`")
        }
        matter.template = try fields.text("template") ?? "page"
        matter.targetKeyword = try fields.text("target_keyword")
        matter.keywords = try fields.textList("keywords") ?? []
        matter.image = try fields.text("image")
        matter.faq = try (fields.mappingList("faq", known: ["question", "answer"]) ?? []).map {
            FrontMatter.Question(question: try $0.requiredText("question"), answer: try $0.requiredText("answer"))
        }
        matter.aliases = try fields.textList("aliases") ?? []
        for alias in matter.aliases where !Redirect.isSitePath(alias) {
            throw SiteError(file: file, line: fields.line, "front matter: alias \"\(alias)\" must be a site path starting with /")
        }
        matter.locale = try fields.text("locale") ?? "en"
        guard Self.isLanguageTag(matter.locale) else {
            throw SiteError(file: file, line: fields.line, "front matter: `locale` must be a language tag like en or fr-CA")
        }
        matter.translations = try fields.textDictionary("translations") ?? [:]
        for (locale, path) in matter.translations where !Self.isLanguageTag(locale) || !path.hasPrefix("/") {
            throw SiteError(file: file, line: fields.line, "front matter: `translations` maps a language tag to a site path (\(locale): \(path))")
        }
        matter.noindex = try fields.flag("noindex") ?? false
        if let hints = try fields.mapping("sitemap", known: ["priority", "changefreq"]) {
            matter.sitemap = FrontMatter.SitemapHints(
                priority: try hints.number("priority", in: 0...1),
                changefreq: try hints.choice("changefreq", from: FrontMatter.changeFrequencies)
            )
        }
        matter.unsafeHTML = try fields.flag("unsafe_html") ?? false
        if let embed = try fields.mapping("providers", known: ["category", "limit"]) {
            matter.providers = FrontMatter.ProvidersEmbed(
                category: try embed.requiredText("category"),
                limit: try embed.integer("limit", in: 1...24) ?? 6
            )
        }
        return matter
    }

    /// `en`, `fr-CA`, `zh-Hant`: letters, then optional hyphenated parts of letters or digits.
    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}
