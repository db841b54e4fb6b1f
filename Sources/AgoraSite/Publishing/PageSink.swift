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
    /// Path prefixes whose real pages an incremental build keeps as the previous build left them (`keepAll`),
    /// counted at once rather than recorded as published one by one.
    private var keptWhole: [String] = []

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
        guard let entry = try manifest.entry(path), !entry.redirect else { return false }
        return try mode != .incremental || isKeptWhole(path, entry) || manifest.isPublished(path)
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

    /// Keeps a page as the previous build wrote it, counted once however often it is kept.
    func keep(_ path: String) throws {
        guard try !notePublished(path) else { return }
        unchanged += 1
    }

    /// Keeps the page when it is current (`isCurrent`); returns whether it did.
    func keepIfCurrent(_ page: any SitePage) throws -> Bool {
        guard try isCurrent(page.path, key: page.key) else { return false }
        try keep(page.path)
        return true
    }

    /// Keeps every real page of the previous build under these path prefixes as the manifest has it, without
    /// looking at each one or at its file (an incremental build does so when the providers the pages show did not
    /// change, or only a few did, whose pages it then publishes itself; `agora build --full` writes every file
    /// again). Redirects' refresh pages are left to the redirects, which every build publishes. Only an
    /// incremental build keeps pages whole.
    func keepAll(under prefixes: [String]) throws {
        precondition(mode == .incremental, "only an incremental build keeps pages whole")
        for prefix in prefixes { unchanged += try manifest.pageCount(under: prefix) }
        keptWhole += prefixes
    }

    /// Records a written page in the manifest and notes what it changes in the sitemap.
    func record(_ done: WrittenPage) throws {
        if done.wasWritten { written += 1 } else { unchanged += 1 }
        let entry = done.entry
        // A page kept already (with all the others, by `keepAll`) and published again after all counts once.
        if try notePublished(done.path) { unchanged -= 1 }
        let old = mode == .full ? nil : try manifest.entry(done.path)
        guard old != entry else { return }
        try manifest.put(done.path, entry, replacing: old)
        if let members = done.members { try manifest.setMembers(of: done.path, members, replacing: old != nil) }
        if old?.inSitemap ?? false != entry.inSitemap {
            sitemapChanges.membershipChanged()
        } else if let old, entry.inSitemap, entry.sitemapLineDiffers(from: old) {
            sitemapChanges.lineChanged(done.path)
        }
    }

    /// Drops a page that no longer exists: from the manifest, and its file from the site.
    func forget(_ path: String) throws {
        guard let old = try manifest.entry(path) else { return }
        if mode == .incremental, try isKeptWhole(path, old) || manifest.isPublished(path) { unchanged -= 1 }
        try manifest.delete(path, old)
        output.remove(SitePaths.file(ofPage: path))
        removed += 1
        if old.inSitemap { sitemapChanges.membershipChanged() }
    }

    /// Removes the pages of the previous build that this incremental build did not publish.
    func removeUnpublishedPages() throws {
        for path in try manifest.unpublishedPaths(keptWhole: keptWhole) { try forget(path) }
    }

    /// Notes, in an incremental build, that the page is published by this build; returns whether it was counted
    /// already: published before by this build, or one of the pages kept whole.
    private func notePublished(_ path: String) throws -> Bool {
        guard mode == .incremental else { return false }
        guard try manifest.recordPublished(path) else { return true }
        guard !keptWhole.isEmpty, let old = try manifest.entry(path) else { return false }
        return isKeptWhole(path, old)
    }

    /// Whether the previous build's page is one of those kept whole.
    private func isKeptWhole(_ path: String, _ entry: BuildManifest.Entry) -> Bool {
        !entry.redirect && keptWhole.contains { path.hasPrefix($0) }
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
