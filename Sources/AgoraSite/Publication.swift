import AgoraDomain
import AgoraStore
import Foundation

/// The page-by-page work of one build, shared by its full, incremental and targeted forms: it reads what pages are
/// made from (`PageSources`), makes the page values, and publishes every one of them through a `PagePublisher`.
struct Publication {
    let context: SiteContext
    let sources: PageSources
    let content: [ContentPage]
    let siteKey: InputKey
    let options: SiteBuildOptions
    let log: @Sendable (String) -> Void
    let progress: @Sendable (Int, Int) -> Void

    /// Every page, then the site-wide files.
    func publishEverything(into sink: PageSink) async throws {
        let publisher = PagePublisher(sink: sink, repository: sources.providers)
        // Provider and category pages depend on the site key (the manifest already matched it) and on the providers:
        // when none changed since the marks the last build left, they are all kept as they are; when a few did,
        // only their pages and listings are published again; otherwise every provider is walked.
        // The marks are read first, so that a change made while this build runs is seen by the next one.
        let marks = try await sources.providers.changeMarks()
        let generated = [PagePaths.providersPrefix, PagePaths.categoriesPrefix]
        if sink.mode == .incremental, let changes = try await changesSinceLastBuild(sink) {
            try sink.keepAll(under: generated)
            if changes.isEmpty {
                log("no provider changed: provider and category pages kept")
            } else {
                let changed = PagePublisher(sink: sink, repository: sources.providers)
                try await publish(changes, into: sink, publisher: changed)
                try await changed.finish()
                log("\(changes.count) changed providers published with their listings")
            }
        } else {
            try await publishCategoriesAndProviders(into: sink)
        }
        try sink.manifest.setProviderMarks(
            profiles: marks.profiles?.timeIntervalSince1970, statistics: marks.statistics?.timeIntervalSince1970
        )
        try await publishHomepage(into: sink, publisher: publisher)
        for page in content {
            try await publisher.publish([try LandingPage(page, embedded: try await sources.embedded(for: page), context: context, siteKey: siteKey)])
        }
        try await publisher.publish([FeedPage(content: content, context: context)])
        log("\(content.count) content pages done")
        try await publisher.publish([NotFoundPage(context: context, key: siteKey)])
        try await publisher.publish(AppShellPage.shells.map { AppShellPage(context: context, shell: $0, key: siteKey) })
        try await publishSiteFiles(into: sink, publisher: publisher)
        try await publisher.finish()
        try sink.output.copyDirectory(options.layoutsDirectory.appendingPathComponent("assets"), to: "assets")
        try context.assets.write(to: sink.output)
    }

    /// The homepage, once the provider pages are published: its figures are what they add up to.
    func publishHomepage(into sink: PageSink, publisher: PagePublisher) async throws {
        let home = try await sources.homepage(totals: try sink.manifest.totals())
        try await publisher.publish([HomePage(home, context: context, siteKey: siteKey)])
    }

    /// The providers changed since the last build brought the provider pages up to date; nil when it left no marks,
    /// when more than `changesPublishedApart` changed (walking every provider is then as cheap), or when publishing
    /// them would not leave the site showing as many providers as the store does: a change that moved no
    /// `updated_at` past the marks (made by hand, or in the very instant of the last change before the previous
    /// build) is caught that way when it shows or hides a provider, and every provider is walked.
    private func changesSinceLastBuild(_ sink: PageSink) async throws -> [ProviderChange]? {
        guard let previous = sink.manifest.providerMarks else { return nil }
        let marks = ProviderChangeMarks(
            profiles: previous.profiles.map(Date.init(timeIntervalSince1970:)),
            statistics: previous.statistics.map(Date.init(timeIntervalSince1970:))
        )
        guard let changes = try await sources.providers.changes(after: marks, limit: Self.changesPublishedApart) else { return nil }
        var shown = try sink.manifest.pageCount(under: PagePaths.providersPrefix)
        for change in changes {
            let hasPage = try sink.manifest.entry(ProviderPage.path(for: change.slug)).map { !$0.redirect } ?? false
            if change.stamp != nil, !hasPage { shown += 1 }
            if change.stamp == nil, hasPage { shown -= 1 }
        }
        return try await shown == sources.providers.countPublished() ? changes : nil
    }

    /// Changed providers published by themselves rather than by walking every provider.
    private static let changesPublishedApart = 500

    /// The pages of changed providers (their own, or its removal when the site no longer shows them), the
    /// listing pages they touch, and the pages that show them as similar or whose choice of similar providers
    /// they change. A provider still shown, in the same categories and with the same rank, keeps its place in every
    /// listing: only the listing pages that show it (the manifest knows which) are made again, from the providers
    /// they showed. Any other change moves providers in the listings of the categories the provider was or is
    /// listed in, and their parents: those are ranked again.
    private func publish(_ changes: [ProviderChange], into sink: PageSink, publisher: PagePublisher) async throws {
        let old = try changes.map { change in
            try sink.manifest.entry(ProviderPage.path(for: change.slug)).flatMap { $0.redirect ? nil : $0 }
        }
        let categoryLists = zip(changes, old).map { change, old in [Self.listedIn(old), change.stamp?.categorySlugs ?? []] }
        let similar = try await similarProviders(touchedBy: categoryLists.flatMap { $0 })
        var reranked: [Slug] = []
        var inPlace = Set<String>()
        for (change, old) in zip(changes, old) {
            let path = ProviderPage.path(for: change.slug)
            let wasListedIn = Self.listedIn(old)
            guard let stamp = change.stamp else {
                try sink.forget(path)
                reranked += wasListedIn
                continue
            }
            try await publisher.publish([ProviderPage(stamp, similar: similar.of(stamp.id), context: context, siteKey: siteKey)])
            if let old, old.rank == stamp.rank.manifestText, Set(wasListedIn) == Set(stamp.categorySlugs) {
                inPlace.formUnion(try sink.manifest.paths(showing: change.id).filter { PagePaths.categoryPage(at: $0) != nil })
            } else {
                reranked += wasListedIn + stamp.categorySlugs
            }
        }
        try await publishSimilarChoices(similar, changed: Set(changes.map(\.id)), into: sink, publisher: publisher)
        let (pages, unresolved) = try await listingPages(at: inPlace, of: sink.manifest)
        let rebuilt = try await rebuildListings(of: reranked + unresolved, into: sink, publisher: publisher)
        try await publisher.publish(pages.filter { !rebuilt.contains($0.category.id) })
    }

    /// The choice of similar providers among those of the primary categories of these category lists (each a
    /// provider's categories, as it was or is): the only groups a change to those providers can alter.
    private func similarProviders(touchedBy categoryLists: [[Slug]]) async throws -> SimilarProviders {
        let primaries = categoryLists.compactMap { context.categories.shown($0).first?.id }
        return try await sources.similarProviders(primaryIn: Set(primaries))
    }

    /// The pages of the other providers of the chosen groups that must change: those showing a changed provider
    /// (it looks different now), and those whose choice is no longer the one their page shows (the manifest keeps
    /// it). Only around where changed providers left or reached a place is the choice different.
    private func publishSimilarChoices(_ similar: SimilarProviders, changed: Set<Int64>, into sink: PageSink, publisher: PagePublisher) async throws {
        var stale: [Int64] = []
        for place in similar.ranked.values.joined() where !changed.contains(place.id) {
            let chosen = similar.of(place.id).map(\.id)
            let shown = try sink.manifest.members(of: ProviderPage.path(for: place.slug))
            if chosen.contains(where: changed.contains) || chosen != shown {
                stale.append(place.id)
            }
        }
        let stamps = try await sources.providers.stamps(ids: stale)
        try await publisher.publish(stamps.map { ProviderPage($0, similar: similar.of($0.id), context: context, siteKey: siteKey) })
    }

    /// The categories whose listings showed the provider of a page's entry, as the manifest has it.
    private static func listedIn(_ entry: BuildManifest.Entry?) -> [Slug] {
        (entry?.listedIn?.split(separator: " ") ?? []).compactMap { try? Slug(String($0)) }
    }

    /// Listing pages made again from the providers they showed (their places unchanged), with those providers'
    /// stamps read now; and the categories of pages that cannot be, because one of their providers is no longer
    /// shown: those must be ranked again.
    private func listingPages(at paths: Set<String>, of manifest: BuildManifest) async throws -> (pages: [CategoryPage], unresolved: [Slug]) {
        var listed: [(category: Category, number: Int, total: Int, members: [Int64])] = []
        for path in paths.sorted() {
            guard let (slug, number) = PagePaths.categoryPage(at: path), let category = context.categories.category(slug: slug),
                  let total = try manifest.entry(path)?.listingTotal else { continue }
            listed.append((category, number, total, try manifest.members(of: path)))
        }
        let stamps = try await sources.providers.stamps(ids: Array(Set(listed.flatMap(\.members))))
        let updated = Dictionary(uniqueKeysWithValues: stamps.map { ($0.id, $0.updatedAt) })
        var pages: [CategoryPage] = []
        var unresolved: [Slug] = []
        for page in listed {
            let shown = page.members.compactMap { id in updated[id].map { RankedProvider(id: id, updatedAt: $0) } }
            guard shown.count == page.members.count else {
                unresolved.append(page.category.slug)
                continue
            }
            pages.append(CategoryPage(page.category, number: page.number, of: page.total, showing: shown, context: context, siteKey: siteKey))
        }
        return (pages, unresolved)
    }

    /// The listing pages of these categories and of their parents, their rankings read at the same time (they are
    /// most of the work); returns the ids of the categories whose listings were published.
    @discardableResult
    private func rebuildListings(of slugs: [Slug], into sink: PageSink, publisher: PagePublisher) async throws -> Set<Int64> {
        let categories = context.categories
        var affected: [Category] = []
        for slug in slugs {
            guard let category = categories.category(slug: slug) else { continue }
            for step in categories.path(to: category) where !affected.contains(step) { affected.append(step) }
        }
        let rankings = try await sources.rankings(of: affected.filter(categories.isVisible))
        for category in affected { try await rebuildListing(of: category, ranked: rankings[category.id], into: sink, publisher: publisher) }
        return Set(affected.map(\.id))
    }

    /// Every category's listing pages, then every provider's page, each kept when its key did not change. A
    /// provider loaded for a listing gets its own page published at once; the walk through all providers then
    /// publishes the others (providers in no visible category, or whose listings were kept).
    private func publishCategoriesAndProviders(into sink: PageSink) async throws {
        let context = context
        let siteKey = siteKey
        let similar = try await sources.similarProviders()
        let listings = PagePublisher(sink: sink, repository: sources.providers) { provider in
            ProviderPage(ProviderStamp(provider), similar: similar.of(provider.id), context: context, siteKey: siteKey)
        }
        let categories = context.categories
        // Each category next to its subcategories: their listings show the same providers, loaded once.
        let visible = categories.depthFirst.filter(categories.isVisible)
        // Rankings are read a few categories at a time, in parallel, the next few while this group's pages publish.
        let groups = stride(from: 0, to: visible.count, by: Self.categoriesAtOnce).map {
            Array(visible[$0..<min($0 + Self.categoriesAtOnce, visible.count)])
        }
        let sources = sources
        var nextRankings: Task<[Int64: [RankedProvider]], any Error>? = groups.first.map { group in Task { try await sources.rankings(of: group) } }
        for (index, group) in groups.enumerated() {
            guard let reading = nextRankings else { break }
            let rankings = try await reading.value
            nextRankings = index + 1 < groups.count ? Task { try await sources.rankings(of: groups[index + 1]) } : nil
            for category in group {
                try await listings.publish(CategoryPage.pages(of: category, ranked: rankings[category.id] ?? [], context: context, siteKey: siteKey))
            }
        }
        try await listings.finish()
        let done = listings.publishedAlongside
        log("category pages done, with \(done.count) provider pages")
        let profiles = PagePublisher(sink: sink, repository: sources.providers)
        let repository = sources.providers
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
            try await profiles.publish(stamps.map { ProviderPage($0, similar: similar.of($0.id), context: context, siteKey: siteKey) })
            providers += walked
            progress(providers, total)
            guard more else { break }
        }
        try await profiles.finish()
    }

    /// Categories whose rankings are read at once in a full build: enough to keep the cores busy with their
    /// pages, few enough that their rankings take little memory.
    private static let categoriesAtOnce = 8

    /// The redirects and robots.txt: cheap, so every build writes them (only where they changed).
    func publishSiteFiles(into sink: PageSink, publisher: PagePublisher) async throws {
        let redirects = try await redirectsToPublish(sink: sink)
        try await RedirectFiles(redirects: redirects, baseURL: options.baseURL).write(into: sink, publisher: publisher, templates: context.templates)
        try await publisher.publish([RobotsFile(baseURL: options.baseURL, groups: context.configuration.robots, environment: options.environment)])
    }

    /// One item of `--only` and the pages that depend on it.
    func rebuild(_ target: BuildTarget, into sink: PageSink, publisher: PagePublisher) async throws {
        let categories = context.categories
        switch target {
        case .provider(let text):
            let slug = try Slug(text, field: "provider")
            if let change = try await sources.providers.change(of: slug) {
                try await publish([change], into: sink, publisher: publisher)
            } else {
                // No profile has the slug any more: its page goes, the listings that showed it are ranked again,
                // and the pages that showed it as similar choose again.
                let path = ProviderPage.path(for: slug)
                let wasListedIn = Self.listedIn(try sink.manifest.entry(path))
                try sink.forget(path)
                let similar = try await similarProviders(touchedBy: [wasListedIn])
                try await publishSimilarChoices(similar, changed: [], into: sink, publisher: publisher)
                try await rebuildListings(of: wasListedIn, into: sink, publisher: publisher)
            }
        case .category(let text):
            let slug = try Slug(text, field: "category")
            guard let category = categories.category(slug: slug) else {
                throw SiteError(file: nil, "--only category:\(text): no such category")
            }
            try await rebuildListing(of: category, into: sink, publisher: publisher)
        case .content(let path):
            let source = options.contentDirectory.lastPathComponent + "/" + path
            guard let page = content.first(where: { $0.sourcePath == source }) else {
                throw SiteError(file: source, "is not a published page; a complete build removes pages that are gone")
            }
            try await publisher.publish([try LandingPage(page, embedded: try await sources.embedded(for: page), context: context, siteKey: siteKey)])
            try await publisher.publish([FeedPage(content: content, context: context)])
        }
    }

    /// A category's listing pages, dropping pages past the new last one (or all of them if it is hidden now).
    private func rebuildListing(of category: Category, ranked: [RankedProvider]? = nil, into sink: PageSink, publisher: PagePublisher) async throws {
        var pageCount = 0
        if context.categories.isVisible(category) {
            let ranked = if let ranked { ranked } else { try await sources.ranking(of: category) }
            let pages = CategoryPage.pages(of: category, ranked: ranked, context: context, siteKey: siteKey)
            try await publisher.publish(pages)
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
        for redirect in try await RedirectRepository(store: sources.store).all() where redirects[redirect.from] == nil {
            if try sink.hasPage(redirect.from) {
                log("redirect from \(redirect.from) skipped: a page lives there now")
                continue
            }
            redirects[redirect.from] = redirect
        }
        return redirects.values.sorted { $0.from < $1.from }
    }
}
