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
    /// Adds the live-reload script to every page (`agora serve --watch`).
    public var liveReload = false

    public init(outputDirectory: URL, contentDirectory: URL, layoutsDirectory: URL, baseURL: SiteURL) {
        self.outputDirectory = outputDirectory
        self.contentDirectory = contentDirectory
        self.layoutsDirectory = layoutsDirectory
        self.baseURL = baseURL
    }
}

/// What a build did.
public struct BuildSummary: Sendable {
    public let kind: SiteBuildKind
    /// Pages the site holds after the build.
    public let pages: Int
    public let written: Int
    public let unchanged: Int
    public let removed: Int
    public let sitemapChunks: Int
    public let seconds: Double

    public var pagesPerSecond: Double { seconds > 0 ? Double(written + unchanged) / seconds : Double(written + unchanged) }
}

/// Turns the database, `Content/` and `Layouts/` into the static site. Templates, settings and content are read
/// first, so a broken file fails the build before anything is written; providers are streamed from the database
/// a batch at a time. A full build writes a new directory and swaps it in whole; an incremental build rewrites, in
/// place and one file at a time, only the pages whose inputs changed, and the sitemap and manifest last.
public struct SiteBuild: Sendable {
    /// Providers read from the database per query while walking all of them.
    static let providerBatch = 2_000

    let store: Store
    let options: SiteBuildOptions
    let clock: any AgoraClock

    public init(store: Store, options: SiteBuildOptions, clock: any AgoraClock = SystemClock()) {
        self.store = store
        self.options = options
        self.clock = clock
    }

    /// Builds the site. `log` receives a line per stage; `progress` receives (providers done, providers in all)
    /// as the provider pages go by, the longest stage.
    public func run(
        _ mode: BuildMode = .incremental,
        log: @escaping @Sendable (String) -> Void = { _ in },
        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> BuildSummary {
        let started = Date()
        let now = clock.now
        let templates = try TemplateLibrary(directory: options.layoutsDirectory)
        let configuration = try SiteConfiguration.load(contentDirectory: options.contentDirectory)
        let content = try ContentLoader(directory: options.contentDirectory).load(now: now)
        let categories = try await CategoryRepository(store: store).tree()
        let context = SiteContext(
            templates: templates, categories: categories, baseURL: options.baseURL,
            configuration: configuration, environment: options.environment,
            assets: try AssetFingerprints(assetsDirectory: options.layoutsDirectory.appendingPathComponent("assets")),
            figures: try await ContentFigures.read(from: store), ratingPrior: try await ReviewRepository(store: store).ratingPrior(),
            liveReload: options.liveReload, now: now
        )
        let siteKey = try self.siteKey(categories: categories, year: context.site.year, ratingPrior: context.ratingPrior)
        let previous = BuildManifest.open(in: options.outputDirectory)
        let reusable = previous?.siteKey == siteKey.description ? previous : nil
        if reusable == nil { previous?.close() }
        let build = Publication(
            context: context, sources: PageSources(store: store, categories: categories), content: content, siteKey: siteKey,
            options: options, log: log, progress: progress
        )

        StagedSite.removeAbandoned(beside: options.outputDirectory)
        let sink: PageSink
        switch (mode, reusable) {
        case (.only, nil):
            throw SiteError(file: nil, "--only needs an earlier complete build with the same templates, assets, settings and categories: run `agora build` first")
        case (.only, let manifest?):
            sink = try PageSink(output: LiveSite(options.outputDirectory), manifest: manifest, mode: .only)
        case (.incremental, let manifest?):
            sink = try PageSink(output: LiveSite(options.outputDirectory), manifest: manifest, mode: .incremental)
        default:
            let staged = try StagedSite(replacing: options.outputDirectory)
            sink = try PageSink(output: staged, manifest: try BuildManifest.create(in: staged.root, siteKey: siteKey.description), mode: .full)
        }
        do {
            let publisher = PagePublisher(sink: sink, repository: ProviderRepository(store: store))
            switch mode {
            case .only(let targets):
                for target in targets { try await build.rebuild(target, into: sink, publisher: publisher) }
                try await publisher.finish()
                try await build.publishHomepage(into: sink, publisher: publisher)
                try await build.publishSiteFiles(into: sink, publisher: publisher)
                try await publisher.finish()
            default:
                try await build.publishEverything(into: sink)
                if sink.mode == .incremental {
                    try Sitemap.keepPages(in: sink)
                    try sink.removeUnpublishedPages()
                }
            }
            let chunks = try await Sitemap(baseURL: options.baseURL).publish(into: sink, publisher: publisher)
            let pages = try sink.manifest.pageCount
            try sink.manifest.commit()
            sink.manifest.close()
            try sink.output.finish()
            return BuildSummary(
                kind: sink.mode, pages: pages, written: sink.written, unchanged: sink.unchanged,
                removed: sink.removed, sitemapChunks: chunks, seconds: Date().timeIntervalSince(started)
            )
        } catch {
            sink.manifest.rollback()
            sink.output.discard()
            throw error
        }
    }

    /// What every page depends on: the version, base URL, environment and live reload, every file of `Layouts/` (templates
    /// and assets) but the email templates, the site settings, the categories, the year shown in the footer, and the
    /// prior of the displayed ratings.
    private func siteKey(categories: CategoryTree, year: Int, ratingPrior: RatingPrior) throws -> InputKey {
        var key = InputKey(
            AgoraVersion.current, options.baseURL.base, options.environment.rawValue, String(year), String(options.liveReload),
            "rating prior \(ratingPrior.tenths)"
        )
        let layouts = options.layoutsDirectory.standardizedFileURL
        let files = (FileManager.default.enumerator(atPath: layouts.path)?.allObjects as? [String] ?? []).sorted()
        for relative in files where !relative.hasPrefix("email/") {
            let file = layouts.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            key.combine(relative)
            key.combine(try Data(contentsOf: file))
        }
        key.combine(FileManager.default.contents(atPath: options.contentDirectory.appendingPathComponent(SiteConfiguration.fileName).path) ?? Data())
        for category in categories.all {
            key.combine("\(category.id) \(category.parentID ?? 0) \(category.slug) \(category.active) \(category.sortOrder) \(category.icon ?? "")")
            key.combine(category.name)
            key.combine(category.description)
        }
        return key
    }
}
