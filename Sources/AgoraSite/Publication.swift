import AgoraDomain
import AgoraStore
import Foundation

/// The page-by-page work of one build, shared by its full, incremental and targeted forms.
struct Publication {
    let context: SiteContext
    let content: [ContentPage]
    let siteKey: InputKey
    let store: Store
    let options: SiteBuildOptions
    let log: @Sendable (String) -> Void
    let progress: @Sendable (Int, Int) -> Void

    /// Every page, then the site-wide files.
    func publishEverything(into sink: PageSink) async throws {
        try await HomePage(context: context).build(into: sink, siteKey: siteKey)
        let repository = ProviderRepository(store: store)
        // Provider and category pages depend on the site key (the manifest already matched it) and on the providers:
        // when no public provider changed since the last build, they are kept without looking at each one.
        let fingerprint = try await repository.publicFingerprint()
        if sink.manifest.providersFingerprint == fingerprint,
           try sink.keepAll(under: [PagePaths.providersPrefix, PagePaths.categoriesPrefix]) {
            log("no provider changed: provider and category pages kept")
        } else {
            try await publishCategoriesAndProviders(repository: repository, into: sink)
        }
        try sink.manifest.setProvidersFingerprint(fingerprint)
        for page in content { try await LandingPage(context: context, page: page).build(into: sink, siteKey: siteKey) }
        log("\(content.count) content pages done")
        try await NotFoundPage(context: context).build(into: sink, siteKey: siteKey)
        for shell in AppShellPage.shells { try await AppShellPage(context: context, shell: shell).build(into: sink, siteKey: siteKey) }
        try await publishSiteFiles(into: sink)
        try sink.output.copyDirectory(options.layoutsDirectory.appendingPathComponent("assets"), to: "assets")
        try context.assets.write(to: sink.output)
    }

    /// Every category's listing pages, then every provider's page, each kept when its key did not change. A
    /// provider loaded for a listing gets its own page published at once; the walk through all providers then
    /// publishes the others (providers in no visible category, or whose listings were kept).
    private func publishCategoriesAndProviders(repository: ProviderRepository, into sink: PageSink) async throws {
        let listings = ListingPublisher(sink: sink, repository: repository, alongside: providerPage)
        let categories = context.categories
        // Each category next to its subcategories: their listings show the same providers, loaded once.
        let visible = categories.depthFirst.filter(categories.isVisible)
        // Rankings are read a few categories at a time, in parallel, the next few while this group's pages publish.
        let groups = stride(from: 0, to: visible.count, by: Self.categoriesAtOnce).map {
            Array(visible[$0..<min($0 + Self.categoriesAtOnce, visible.count)])
        }
        var nextRankings: Task<[Int64: [RankedProvider]], any Error>? = groups.first.map { group in Task { try await rankings(of: group) } }
        for (index, group) in groups.enumerated() {
            guard let reading = nextRankings else { break }
            let rankings = try await reading.value
            nextRankings = index + 1 < groups.count ? Task { try await self.rankings(of: groups[index + 1]) } : nil
            for category in group {
                try await listings.add(CategoryPage(context: context, category: category).pages(siteKey: siteKey, ranked: rankings[category.id] ?? []))
            }
        }
        try await listings.finish()
        let done = listings.publishedAlongside
        log("category pages done, with \(done.count) provider pages")
        let profiles = ListingPublisher(sink: sink, repository: repository)
        let total = try await repository.countPublished()
        var providers = 0
        // The next batch's stamps are read while this batch's pages are published.
        let batch = SiteBuild.providerBatch
        var next = Task { try await repository.stamps(after: nil, limit: batch, skipping: done) }
        while true {
            let (stamps, lastWalked, walked) = try await next.value
            let more = walked == batch
            if more, let lastWalked {
                next = Task { try await repository.stamps(after: lastWalked, limit: batch, skipping: done) }
            }
            try await profiles.add(stamps.map(providerPage))
            providers += walked
            progress(providers, total)
            guard more else { break }
        }
        try await profiles.finish()
    }

    /// A provider's page, keyed by what its stamp says.
    private func providerPage(_ stamp: ProviderStamp) -> ListingJob {
        let key = ProviderPage.key(slug: stamp.slug, updatedAt: stamp.updatedAt, categories: stamp.categorySlugs, siteKey: siteKey)
        let context = context
        return ListingJob(path: ProviderPage.path(for: stamp.slug), key: key, providerIDs: [stamp.id]) { loaded in
            try loaded[stamp.id].map { try ProviderPage(context: context, provider: $0).render() }
        }
    }

    /// A provider's page, from the provider already loaded.
    private func providerPage(_ provider: ProviderProfile) -> ListingJob {
        let page = ProviderPage(context: context, provider: provider)
        return ListingJob(path: ProviderPage.path(for: provider.slug), key: page.key(siteKey), providerIDs: [provider.id]) { _ in try page.render() }
    }

    /// The providers each category lists, read at the same time.
    private func rankings(of categories: [Category]) async throws -> [Int64: [RankedProvider]] {
        try await withThrowingTaskGroup(of: (Int64, [RankedProvider]).self) { group in
            for category in categories {
                let page = CategoryPage(context: context, category: category)
                group.addTask { (category.id, try await page.ranking()) }
            }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
    }

    /// Categories whose rankings are read at once in a full build: enough to keep the cores busy with their
    /// pages, few enough that their rankings take little memory.
    private static let categoriesAtOnce = 8

    /// The providers of a batch whose page must be rendered again, with their pages' keys; the others are kept.
    private func changedProviders(in batch: [ProviderStamp], sink: PageSink) throws -> [(id: Int64, key: InputKey)] {
        try batch.compactMap { stamp in
            let key = ProviderPage.key(slug: stamp.slug, updatedAt: stamp.updatedAt, categories: stamp.categorySlugs, siteKey: siteKey)
            return try sink.needsRendering(ProviderPage.path(for: stamp.slug), key: key) ? (stamp.id, key) : nil
        }
    }

    /// Provider pages are the bulk of a site: loaded a batch at a time, then rendered and written on every core.
    private func providerPages(_ changed: [(id: Int64, key: InputKey)]) async throws -> [PageJob] {
        let keys = Dictionary(uniqueKeysWithValues: changed.map { ($0.id, $0.key) })
        let context = context
        return try await ProviderRepository(store: store).profiles(ids: changed.map(\.id)).map { provider in
            let page = ProviderPage(context: context, provider: provider)
            return PageJob(path: ProviderPage.path(for: provider.slug), key: keys[provider.id]!) { try page.render() }
        }
    }

    /// The redirects and robots.txt: cheap, so every build writes them (only where they changed).
    func publishSiteFiles(into sink: PageSink) async throws {
        let redirects = try await redirectsToPublish(sink: sink)
        try await RedirectFiles(redirects: redirects, baseURL: options.baseURL).write(into: sink, templates: context.templates)
        let robots = RobotsFile(baseURL: options.baseURL, groups: context.configuration.robots, environment: options.environment)
        try sink.output.write(Data(robots.text.utf8), to: "robots.txt")
    }

    /// One item of `--only` and the pages that depend on it.
    func rebuild(_ target: BuildTarget, into sink: PageSink) async throws {
        let categories = context.categories
        switch target {
        case .provider(let text):
            let slug = try Slug(text, field: "provider")
            let repository = ProviderRepository(store: store)
            if let provider = try await repository.find(slug: slug) {
                try await ProviderPage(context: context, provider: provider).build(into: sink, siteKey: siteKey)
            } else {
                try sink.forget(ProviderPage.path(for: slug))
            }
            var affected: [Category] = []
            for categorySlug in try await repository.categorySlugs(ofProvider: slug) {
                guard let category = categories.category(slug: categorySlug) else { continue }
                for step in categories.path(to: category) where !affected.contains(step) { affected.append(step) }
            }
            // The listings' rankings are read at the same time: they are most of the work.
            let rankings = try await rankings(of: affected.filter(categories.isVisible))
            for category in affected { try await rebuildListing(of: category, ranked: rankings[category.id], into: sink) }
            // The homepage's figures and counts catch up with the next complete build; its providers cannot wait.
            let home = HomePage(context: context)
            if try await home.shows(slug, previously: sink.manifest.homepageProviders) {
                try await home.build(into: sink, siteKey: siteKey)
            }
        case .category(let text):
            let slug = try Slug(text, field: "category")
            guard let category = categories.category(slug: slug) else {
                throw SiteError(file: nil, "--only category:\(text): no such category")
            }
            try await rebuildListing(of: category, into: sink)
            try await HomePage(context: context).build(into: sink, siteKey: siteKey)
        case .content(let path):
            let source = options.contentDirectory.lastPathComponent + "/" + path
            guard let page = content.first(where: { $0.sourcePath == source }) else {
                throw SiteError(file: source, "is not a published page; a complete build removes pages that are gone")
            }
            try await LandingPage(context: context, page: page).build(into: sink, siteKey: siteKey)
        }
    }

    /// A category's listing pages, dropping pages past the new last one (or all of them if it is hidden now).
    private func rebuildListing(of category: Category, ranked: [RankedProvider]? = nil, into sink: PageSink) async throws {
        var pageCount = 0
        if context.categories.isVisible(category) {
            let page = CategoryPage(context: context, category: category)
            let ranked = if let ranked { ranked } else { try await page.ranking() }
            let pages = page.pages(siteKey: siteKey, ranked: ranked)
            let publisher = ListingPublisher(sink: sink, repository: ProviderRepository(store: store))
            try await publisher.add(pages)
            try await publisher.finish()
            pageCount = pages.count
        }
        let prefix = CategoryPage.path(for: category.slug, page: 1)
        for path in try sink.paths(under: prefix) {
            let number = path == prefix ? 1 : Int(path.dropFirst(prefix.count + "page/".count).dropLast()) ?? 0
            if number > pageCount { try sink.forget(path) }
        }
    }

    /// The redirects of the `redirects` table and of the pages' `aliases`. A page always wins over a redirect from
    /// its own URL: an alias that would hide a page fails the build; a table row that would is skipped and logged.
    private func redirectsToPublish(sink: PageSink) async throws -> [Redirect] {
        var redirects: [String: Redirect] = [:]
        for page in content {
            for alias in page.frontMatter.aliases {
                guard try !sink.hasPage(alias) else {
                    throw SiteError(file: page.sourcePath, "front matter: alias \(alias) is the URL of a page")
                }
                redirects[alias] = try Redirect(from: alias, to: page.urlPath, status: .movedPermanently)
            }
        }
        for redirect in try await RedirectRepository(store: store).all() where redirects[redirect.from] == nil {
            if try sink.hasPage(redirect.from) {
                log("redirect from \(redirect.from) skipped: a page lives there now")
                continue
            }
            redirects[redirect.from] = redirect
        }
        return redirects.values.sorted { $0.from < $1.from }
    }
}
