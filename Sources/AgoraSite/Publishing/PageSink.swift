import AgoraDomain
import Foundation

/// The bookkeeping of a build's pages: which are current (their key unchanged and their file there), which were
/// kept, written or removed, in the manifest, and what that changes in the sitemap. `PagePublisher` publishes
/// through it.
final class PageSink {
    let output: any SiteOutput
    let manifest: BuildManifest
    /// How the build uses the manifest it writes into: a new, empty one (`full`: every page is rendered); every
    /// page published again and those the build did not publish removed at the end (`incremental`); some pages
    /// published again and the others left as they are (`only`).
    let mode: SiteBuildKind
    private(set) var written = 0
    private(set) var unchanged = 0
    private(set) var removed = 0
    private(set) var sitemapChanges: SitemapChanges

    init(output: any SiteOutput, manifest: BuildManifest, mode: SiteBuildKind) throws {
        self.output = output
        self.manifest = manifest
        self.mode = mode
        sitemapChanges = mode == .full ? .all : .none
        try manifest.begin()
        if mode == .incremental { try manifest.startRecordingPublished() }
    }

    /// Whether a real page (not a redirect's refresh page) is published at the path.
    func hasPage(_ path: String) throws -> Bool {
        if mode == .incremental, try !manifest.isPublished(path) { return false }
        return try manifest.entry(path).map { !$0.redirect } ?? false
    }

    /// The paths of the redirects' refresh pages.
    func redirectPaths() throws -> [String] { try manifest.paths(redirects: true) }

    /// The paths of the pages under a prefix.
    func paths(under prefix: String) throws -> [String] { try manifest.paths(under: prefix) }

    /// Whether the page's key is the previous build's and its file is still there: then it need not be rendered.
    func isCurrent(_ path: String, key: InputKey) throws -> Bool {
        guard mode != .full, let old = try manifest.entry(path), old.key == key.description else { return false }
        return output.fileExists(SitePaths.file(ofPage: path))
    }

    /// Keeps a page as the previous build wrote it: counted, and noted as published by this build (a page kept with
    /// all the others by `keepAll` counts once).
    func keep(_ path: String) throws {
        if mode == .incremental, try !manifest.recordPublished(path) { return }
        unchanged += 1
    }

    /// Keeps the page when it is current (`isCurrent`); returns whether it did.
    func keepIfCurrent(_ page: any SitePage) throws -> Bool {
        guard try isCurrent(page.path, key: page.key) else { return false }
        try keep(page.path)
        return true
    }

    /// Keeps every page of the previous build under these path prefixes as it is, when each one's file is still
    /// there; returns false (keeping nothing) otherwise, and the pages are then checked one by one. Redirects'
    /// refresh pages are left to the redirects, which every build publishes.
    func keepAll(under prefixes: [String]) throws -> Bool {
        guard mode != .full else { return false }
        for prefix in prefixes {
            guard try manifest.allPaths(under: prefix, satisfy: { output.fileExists(SitePaths.file(ofPage: $0)) }) else { return false }
        }
        for prefix in prefixes {
            if mode == .incremental { try manifest.recordPublished(under: prefix) }
            unchanged += try manifest.pageCount(under: prefix)
        }
        return true
    }

    /// Records a written page in the manifest and notes what it changes in the sitemap.
    func record(_ done: WrittenPage) throws {
        if done.wasWritten { written += 1 } else { unchanged += 1 }
        let entry = done.entry
        // A page kept with all the others (`keepAll`) and published again after all counts once, as published.
        if mode == .incremental, try !manifest.recordPublished(done.path) { unchanged -= 1 }
        let old = mode == .full ? nil : try manifest.entry(done.path)
        guard old != entry else { return }
        try manifest.put(done.path, entry)
        if old?.inSitemap ?? false != entry.inSitemap {
            sitemapChanges.membershipChanged()
        } else if let old, entry.inSitemap, entry.sitemapLineDiffers(from: old) {
            sitemapChanges.lineChanged(done.path)
        }
    }

    /// Drops a page that no longer exists: from the manifest, and its file from the site.
    func forget(_ path: String) throws {
        guard let old = try manifest.entry(path) else { return }
        if mode == .incremental, try manifest.isPublished(path) { unchanged -= 1 }
        try manifest.delete(path)
        output.remove(SitePaths.file(ofPage: path))
        removed += 1
        if old.inSitemap { sitemapChanges.membershipChanged() }
    }

    /// Removes the pages of the previous build that this incremental build did not publish.
    func removeUnpublishedPages() throws {
        for path in try manifest.unpublishedPaths() { try forget(path) }
    }
}

/// What a build changed in the sitemap: nothing, some lines (whose chunks are rewritten), or which pages it lists
/// (every chunk is rewritten, since the pages after a new or removed one move to other chunks).
enum SitemapChanges: Equatable {
    case none
    case lines(Set<String>)
    case all

    mutating func lineChanged(_ path: String) {
        switch self {
        case .none: self = .lines([path])
        case .lines(var paths):
            paths.insert(path)
            self = .lines(paths)
        case .all: break
        }
    }

    mutating func membershipChanged() { self = .all }
}
