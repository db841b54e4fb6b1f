import Foundation

/// What the last build wrote: for each page, the key of its inputs and what the sitemap needs. Kept in the site
/// as `.agora-manifest` (never served: hidden files are refused), written last, so an interrupted incremental
/// build is finished by the next one.
///
/// The file is text, one line per page with tab-separated fields (paths hold neither tabs nor line breaks), read
/// and written without a general-purpose decoder: every build reads it whole, and at 100,000 providers it holds
/// over 100,000 pages.
struct BuildManifest: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var key: String
        var lastModified: Date?
        var inSitemap: Bool
        var priority: Double?
        var changefreq: String?
        /// Set on the refresh pages of redirects.
        var redirect: Bool?
    }

    static let fileName = ".agora-manifest"
    static let currentVersion = 3

    var version = BuildManifest.currentVersion
    /// The key of what every page depends on: templates, assets, site settings, base URL, environment, categories.
    var siteKey: String
    /// `ProviderRepository.publicFingerprint()` when the provider and category pages were last all checked.
    var providersFingerprint = ""
    var pages: [String: Entry] = [:]

    init(siteKey: String) {
        self.siteKey = siteKey
    }

    static func load(from directory: URL) -> BuildManifest? {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(fileName).path) else { return nil }
        return decoded(data)
    }

    /// The manifest in `data`; nil when it is of another version or damaged (the build then starts afresh).
    static func decoded(_ data: Data) -> BuildManifest? {
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)[...]
        guard let header = lines.popFirst(), String(decoding: header, as: UTF8.self) == "agora-manifest \(currentVersion)",
              let siteKey = lines.popFirst(), let fingerprint = lines.popFirst()
        else { return nil }
        var manifest = BuildManifest(siteKey: String(decoding: siteKey, as: UTF8.self))
        manifest.providersFingerprint = String(decoding: fingerprint, as: UTF8.self)
        manifest.pages.reserveCapacity(lines.count)
        for line in lines where !line.isEmpty {
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            guard fields.count == 7 else { return nil }
            func text(_ index: Int) -> String? { fields[index].isEmpty ? nil : String(decoding: fields[index], as: UTF8.self) }
            guard let path = text(0), let key = text(1) else { return nil }
            manifest.pages[path] = Entry(
                key: key,
                lastModified: text(2).flatMap(Double.init).map { Date(timeIntervalSince1970: $0) },
                inSitemap: text(3) == "1",
                priority: text(4).flatMap(Double.init),
                changefreq: text(5),
                redirect: text(6) == "1" ? true : nil
            )
        }
        return manifest
    }

    /// The file's bytes, pages sorted by path so that the same manifest always gives the same file.
    func encoded() throws -> Data {
        var text = "agora-manifest \(version)\n\(siteKey)\n\(providersFingerprint)\n"
        text.reserveCapacity(pages.count * 120)
        for path in pages.keys.sorted() {
            guard let entry = pages[path] else { continue }
            let fields = [
                path, entry.key, entry.lastModified.map { String($0.timeIntervalSince1970) } ?? "", entry.inSitemap ? "1" : "0",
                entry.priority.map { String($0) } ?? "", entry.changefreq ?? "", entry.redirect == true ? "1" : "",
            ]
            guard !fields.contains(where: { $0.contains("\t") || $0.contains("\n") }) else {
                throw SiteError(file: path, "a page path or sitemap setting holds a tab or a line break")
            }
            text += fields.joined(separator: "\t")
            text += "\n"
        }
        return Data(text.utf8)
    }
}
