import AgoraDomain
import AgoraStore
import Foundation

/// Where a build reads from and writes to.
public struct SiteBuildOptions: Sendable {
    public var outputDirectory: URL
    public var contentDirectory: URL
    public var layoutsDirectory: URL
    public var baseURL: SiteURL
    public var environment = BuildEnvironment.production

    public init(outputDirectory: URL, contentDirectory: URL, layoutsDirectory: URL, baseURL: SiteURL) {
        self.outputDirectory = outputDirectory
        self.contentDirectory = contentDirectory
        self.layoutsDirectory = layoutsDirectory
        self.baseURL = baseURL
    }
}

/// What a build did.
public struct BuildSummary: Sendable {
    public let pages: Int
    public let files: Int
    public let sitemapChunks: Int
    public let seconds: Double

    public var pagesPerSecond: Double { seconds > 0 ? Double(pages) / seconds : Double(pages) }
}

/// Turns the database, `Content/` and `Layouts/` into a complete static site, in order: templates and content
/// are read first (a broken file fails the build before anything is written), then every page is rendered into a
/// staging directory, streamed from the database a page of rows at a time, and the new site is swapped in whole.
public struct SiteBuild: Sendable {
    /// Providers read from the database per query while walking all of them.
    static let providerBatch = 500

    let store: Store
    let options: SiteBuildOptions
    let clock: any AgoraClock

    public init(store: Store, options: SiteBuildOptions, clock: any AgoraClock = SystemClock()) {
        self.store = store
        self.options = options
        self.clock = clock
    }

    public func run(log: @Sendable (String) -> Void = { _ in }) async throws -> BuildSummary {
        let started = Date()
        let now = clock.now
        let templates = try await TemplateLibrary(directory: options.layoutsDirectory)
        let configuration = try SiteConfiguration.load(contentDirectory: options.contentDirectory)
        let content = try ContentLoader(directory: options.contentDirectory).load(now: now)
        let categories = try await CategoryRepository(store: store).tree()
        let context = SiteContext(
            templates: templates, store: store, categories: categories, baseURL: options.baseURL,
            configuration: configuration, environment: options.environment, now: now
        )
        let site = try StagedSite(replacing: options.outputDirectory)
        do {
            let sitemap = SitemapWriter(site: site, baseURL: options.baseURL)
            var pages = 0
            func emit(_ page: RenderedPage) throws {
                try site.writePage(page.html, at: page.path)
                if page.inSitemap { try sitemap.add(path: page.path, lastModified: page.lastModified, hints: page.sitemapHints) }
                pages += 1
            }
            try emit(try await HomePage(context: context).build())
            for category in categories.all where categories.isVisible(category) {
                try await CategoryPage(context: context, category: category).build(emit)
            }
            log("categories: \(pages - 1) pages")
            let repository = ProviderRepository(store: store)
            var lastID: Int64?
            var providerPages = 0
            while true {
                let batch = try await repository.page(after: lastID, limit: Self.providerBatch)
                for provider in batch { try emit(try ProviderPage(context: context, provider: provider).build()) }
                providerPages += batch.count
                guard let last = batch.last, batch.count == Self.providerBatch else { break }
                lastID = last.id
                log("providers: \(providerPages) pages")
            }
            log("providers: \(providerPages) pages")
            for page in content { try emit(try await LandingPage(context: context, page: page).build()) }
            log("content: \(content.count) pages")
            try emit(try NotFoundPage(context: context).build())
            let redirects = try await redirectsToPublish(content: content, site: site, log: log)
            try RedirectFiles(redirects: redirects, baseURL: options.baseURL).write(to: site, templates: templates)
            try site.write(RobotsFile(baseURL: options.baseURL, groups: configuration.robots, environment: options.environment).text, to: "robots.txt")
            let chunks = try sitemap.finish()
            try site.copyDirectory(options.layoutsDirectory.appendingPathComponent("assets"), to: "assets")
            try site.publish()
            return BuildSummary(pages: pages, files: site.filesWritten, sitemapChunks: chunks, seconds: Date().timeIntervalSince(started))
        } catch {
            site.discard()
            throw error
        }
    }

    /// The redirects of the `redirects` table and of the pages' `aliases`. A page always wins over a redirect from
    /// its own URL: an alias that would hide a page fails the build; a table row that would is skipped and logged.
    private func redirectsToPublish(content: [ContentPage], site: StagedSite, log: @Sendable (String) -> Void) async throws -> [Redirect] {
        var redirects: [String: Redirect] = [:]
        for page in content {
            for alias in page.frontMatter.aliases {
                guard !site.hasPage(at: alias) else {
                    throw SiteError(file: page.sourcePath, "front matter: alias \(alias) is the URL of a page")
                }
                redirects[alias] = try Redirect(from: alias, to: page.urlPath, status: .movedPermanently)
            }
        }
        for redirect in try await RedirectRepository(store: store).all() where redirects[redirect.from] == nil {
            if site.hasPage(at: redirect.from) {
                log("redirect from \(redirect.from) skipped: a page lives there now")
                continue
            }
            redirects[redirect.from] = redirect
        }
        return redirects.values.sorted { $0.from < $1.from }
    }
}
