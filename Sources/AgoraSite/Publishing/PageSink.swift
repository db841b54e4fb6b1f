import Foundation

/// Receives the pages of a build and decides, from the previous manifest, which to render: a page whose input
/// key is unchanged and whose file is there is kept as it is.
final class PageSink {
    let output: any SiteOutput
    private let previous: BuildManifest?
    private(set) var manifest: BuildManifest
    private(set) var written = 0
    private(set) var unchanged = 0
    private(set) var removed = 0

    /// `previous` enables skipping; `startingFrom` seeds the new manifest (a targeted build keeps every page it
    /// does not touch).
    init(output: any SiteOutput, previous: BuildManifest?, startingFrom manifest: BuildManifest) {
        self.output = output
        self.previous = previous
        self.manifest = manifest
    }

    /// Whether a real page (not a redirect's refresh page) is published at the path.
    func hasPage(_ path: String) -> Bool { manifest.pages[path].map { $0.redirect != true } ?? false }

    /// The paths of the redirects' refresh pages.
    var redirectPaths: [String] { manifest.pages.filter { $0.value.redirect == true }.map(\.key) }

    var paths: Dictionary<String, BuildManifest.Entry>.Keys { manifest.pages.keys }

    /// Publishes one page: kept when its key matches the previous build's, rendered and written otherwise.
    func page(_ path: String, key: InputKey, render: () async throws -> RenderedPage) async throws {
        guard needsRendering(path, key: key) else { return }
        try accept(try await render(), key: key)
    }

    /// Whether the page must be rendered; when not, it is kept as the previous build wrote it.
    func needsRendering(_ path: String, key: InputKey) -> Bool {
        if let old = previous?.pages[path], old.key == key.description, output.fileExists(SitePaths.file(ofPage: path)) {
            manifest.pages[path] = old
            unchanged += 1
            return false
        }
        return true
    }

    /// Keeps every page of the previous build under these path prefixes as it is, when each one's file is still
    /// there; returns false (keeping nothing) otherwise, and the pages are then checked one by one. Redirects'
    /// refresh pages are left to the redirects, which every build publishes.
    func keepAll(under prefixes: [String]) -> Bool {
        guard let previous else { return false }
        let kept = previous.pages.filter { path, entry in entry.redirect != true && prefixes.contains { path.hasPrefix($0) } }
        guard kept.keys.allSatisfy({ output.fileExists(SitePaths.file(ofPage: $0)) }) else { return false }
        manifest.pages.merge(kept) { _, old in old }
        unchanged += kept.count
        return true
    }

    /// The fingerprint the previous build recorded for the provider pages, if any.
    var previousProvidersFingerprint: String? { previous?.providersFingerprint }

    func recordProviders(_ fingerprint: String) {
        manifest.providersFingerprint = fingerprint
    }

    /// Writes a rendered page (unless its file already holds exactly it) and records it.
    func accept(_ page: RenderedPage, key: InputKey) throws {
        if try output.write(Data(page.html.utf8), to: SitePaths.file(ofPage: page.path)) { written += 1 } else { unchanged += 1 }
        manifest.pages[page.path] = BuildManifest.Entry(
            key: key.description, lastModified: page.lastModified, inSitemap: page.inSitemap,
            priority: page.sitemapHints.priority, changefreq: page.sitemapHints.changefreq, redirect: page.isRedirect ? true : nil
        )
    }

    /// Drops a page that no longer exists: from the manifest, and its file from the site.
    func forget(_ path: String) {
        guard manifest.pages.removeValue(forKey: path) != nil else { return }
        output.remove(SitePaths.file(ofPage: path))
        removed += 1
    }

    /// Removes the files of the previous build's pages that this build did not publish.
    func removePagesDropped(since previous: BuildManifest) {
        for path in previous.pages.keys where manifest.pages[path] == nil {
            output.remove(SitePaths.file(ofPage: path))
            removed += 1
        }
    }

    func writeManifest() throws {
        try output.write(try manifest.encoded(), to: BuildManifest.fileName)
    }
}
