import AgoraDomain
import Foundation

/// The site-wide settings a marketer edits in `Content/_site.yml`: the organisation, its profiles elsewhere, the
/// default share image, and the rules for crawlers. Every key is optional.
public struct SiteConfiguration: Sendable, Equatable {
    /// One group of `robots.txt` rules.
    public struct RobotsGroup: Sendable, Equatable {
        public var userAgents: [String]
        public var allow: [String]
        public var disallow: [String]
    }

    public var name = "Agora"
    public var description = "Hire freelancers and agencies for any project: post what you need and compare proposals."
    /// The organisation's logo, site-relative or absolute.
    public var logo = "/assets/logo.svg"
    /// The share image of pages that have none of their own.
    public var image = "/assets/logo.svg"
    /// The organisation's profiles on other sites (schema.org `sameAs`).
    public var sameAs: [String] = []
    /// The site search, where `{query}` stands for the words searched.
    public var searchURL = PagePaths.search + "?q={query}"
    public var robots: [RobotsGroup] = [RobotsGroup(userAgents: ["*"], allow: [], disallow: [])]

    public static let fileName = "_site.yml"
    static let knownKeys = ["name", "description", "logo", "image", "same_as", "search_url", "robots"]

    public init() {}

    /// Reads `Content/_site.yml`; the defaults stand where the file or a key is absent.
    public static func load(contentDirectory: URL) throws -> SiteConfiguration {
        let url = contentDirectory.appendingPathComponent(fileName)
        let shown = contentDirectory.lastPathComponent + "/" + fileName
        guard FileManager.default.fileExists(atPath: url.path) else { return SiteConfiguration() }
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { throw SiteError(file: shown, "cannot be read as UTF-8 text") }
        let node = try StrictYAMLMapping.parse(text, file: shown, subject: "site settings", lineOffset: 0)
        let fields = try StrictYAMLMapping(node, known: knownKeys, file: shown, subject: "site settings", lineOffset: 0)
        var configuration = SiteConfiguration()
        configuration.name = try fields.text("name") ?? configuration.name
        configuration.description = try fields.text("description") ?? configuration.description
        configuration.logo = try fields.text("logo") ?? configuration.logo
        configuration.image = try fields.text("image") ?? configuration.image
        configuration.sameAs = try fields.textList("same_as") ?? []
        if let search = try fields.text("search_url") {
            guard search.contains("{query}") else {
                throw SiteError(file: shown, line: fields.line, "site settings: `search_url` must contain {query}")
            }
            configuration.searchURL = search
        }
        if let groups = try fields.mappingList("robots", known: ["user_agent", "allow", "disallow"]) {
            configuration.robots = try groups.map { group in
                guard let agents = try group.textOrList("user_agent"), !agents.isEmpty else {
                    throw SiteError(file: shown, line: group.line, "site settings: each `robots` group needs a `user_agent`")
                }
                return RobotsGroup(userAgents: agents, allow: try group.textList("allow") ?? [], disallow: try group.textList("disallow") ?? [])
            }
        }
        return configuration
    }
}
