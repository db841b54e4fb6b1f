import Foundation

/// What the last build wrote: for each page, the key of its inputs and what the sitemap needs. Kept in the site
/// as `.agora-manifest.json` (never served: hidden files are refused), written last, so an interrupted
/// incremental build is finished by the next one.
struct BuildManifest: Codable, Sendable {
    struct Entry: Codable, Sendable, Equatable {
        var key: String
        var lastModified: Date?
        var inSitemap: Bool
        var priority: Double?
        var changefreq: String?
        /// Set on the refresh pages of redirects.
        var redirect: Bool?
    }

    static let fileName = ".agora-manifest.json"
    static let currentVersion = 1

    var version = BuildManifest.currentVersion
    /// The key of what every page depends on: templates, assets, site settings, base URL, environment, categories.
    var siteKey: String
    var pages: [String: Entry] = [:]

    init(siteKey: String) {
        self.siteKey = siteKey
    }

    static func load(from directory: URL) -> BuildManifest? {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(fileName).path),
              let manifest = try? JSONDecoder().decode(BuildManifest.self, from: data),
              manifest.version == currentVersion
        else { return nil }
        return manifest
    }

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }
}
