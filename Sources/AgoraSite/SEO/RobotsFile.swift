/// `robots.txt` from the site settings. Whatever they say, no crawler may fetch the API; on a staging build no
/// crawler may fetch anything. The sitemap index is always announced. Published like every page, out of the sitemap.
struct RobotsFile: TextSitePage {
    let baseURL: SiteURL
    let groups: [SiteConfiguration.RobotsGroup]
    let environment: BuildEnvironment

    let path = "/robots.txt"

    /// Paths closed to every crawler in every group: the API and the app shells.
    static let alwaysDisallowed = ["/api/"] + AppShellPage.robotsPaths

    var text: String {
        var lines: [String] = []
        if environment == .staging {
            lines += ["User-agent: *", "Disallow: /", ""]
        } else {
            for group in groups {
                lines += group.userAgents.map { "User-agent: \($0)" }
                lines += group.allow.map { "Allow: \($0)" }
                let disallowed = group.disallow + Self.alwaysDisallowed.filter { !group.disallow.contains($0) }
                lines += disallowed.map { "Disallow: \($0)" }
                lines.append("")
            }
        }
        lines += ["Sitemap: \(baseURL.absolute(SitemapIndexPage.path))", ""]
        return lines.joined(separator: "\n")
    }
}

/// Where a build will be published. A staging site is kept out of search engines entirely.
public enum BuildEnvironment: String, Sendable, CaseIterable {
    case production
    case staging
}
