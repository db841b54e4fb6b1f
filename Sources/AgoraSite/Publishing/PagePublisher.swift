import AgoraDomain
import AgoraStore
import Foundation

/// The one way a page is published. A page whose key did not change (and whose file is there) is kept; the others
/// are gathered into windows of about `SiteBuild.providerBatch` different providers, whose providers are loaded in
/// one go (except those a recent window loaded: a category's listings and its parent's show the same providers),
/// and a window is rendered and written on every core while the next one loads. Pages that show no provider wait
/// for nothing.
final class PagePublisher {
    /// A window waiting to be published: its pages, the providers already at hand, and the loading of the others.
    private struct LoadedWindow {
        let pages: [any SitePage]
        let known: [Int64: ProviderProfile]
        let loading: Task<[ProviderProfile], any Error>
    }

    /// Pages rendered and written at once: twice the cores, so that a core done with one page finds the next one
    /// already waiting.
    static let width = ProcessInfo.processInfo.activeProcessorCount * 2

    private let sink: PageSink
    private let repository: ProviderRepository
    private var window: [any SitePage] = []
    private var windowProviders = Set<Int64>()
    private var loaded: LoadedWindow?
    private var recent = RecentItems<ProviderProfile>(capacity: SiteBuild.providerBatch * 5)
    /// The page each loaded provider has of its own, published with the window that first loaded the provider, so
    /// that listings and profiles read a provider once between them.
    private let alongside: ((ProviderProfile) -> any SitePage)?
    /// The providers whose own page was published (or kept) that way.
    private(set) var publishedAlongside = Set<Int64>()

    init(sink: PageSink, repository: ProviderRepository, alongside: ((ProviderProfile) -> any SitePage)? = nil) {
        self.sink = sink
        self.repository = repository
        self.alongside = alongside
    }

    /// Publishes the pages: those whose key did not change are kept at once; the others are published now when
    /// they show no provider, or with their window otherwise. `finish()` publishes what is left.
    func publish(_ pages: [any SitePage]) async throws {
        var ready: [any SitePage] = []
        for page in pages {
            guard try !sink.keepIfCurrent(page) else { continue }
            if page.providerIDs.isEmpty {
                ready.append(page)
                continue
            }
            window.append(page)
            windowProviders.formUnion(page.providerIDs)
            if windowProviders.count >= SiteBuild.providerBatch { try await startLoading() }
        }
        if !ready.isEmpty { try await renderAndWrite(ready, providers: [:]) }
    }

    /// Publishes what is left, including pages published alongside the last windows that wait for providers.
    func finish() async throws {
        repeat {
            try await startLoading()
            if let last = loaded {
                loaded = nil
                try await publish(last)
            }
        } while !window.isEmpty
    }

    /// Starts loading the current window, then publishes the one loaded before it.
    private func startLoading() async throws {
        guard !window.isEmpty else { return }
        var known: [Int64: ProviderProfile] = [:]
        var missing: [Int64] = []
        for id in windowProviders {
            if let provider = recent[id] { known[id] = provider } else { missing.append(id) }
        }
        let repository = repository
        let loading = Task { try await repository.profiles(ids: missing) }
        let previous = loaded
        loaded = LoadedWindow(pages: window, known: known, loading: loading)
        window = []
        windowProviders = []
        if let previous { try await publish(previous) }
    }

    /// Renders a loaded window's pages. A page published alongside whose other providers (similar ones) this
    /// window did not load joins the next window rather than going out without them.
    private func publish(_ window: LoadedWindow) async throws {
        var providers = window.known
        var pages = window.pages
        var alongsidePages: [any SitePage] = []
        for provider in try await window.loading.value {
            providers[provider.id] = provider
            recent.insert(provider, id: provider.id)
            if let alongside, publishedAlongside.insert(provider.id).inserted {
                let page = alongside(provider)
                if try !sink.keepIfCurrent(page) { alongsidePages.append(page) }
            }
        }
        for page in alongsidePages {
            let waiting = page.providerIDs.filter { providers[$0] == nil && recent[$0] == nil }
            if waiting.isEmpty {
                for id in page.providerIDs where providers[id] == nil { providers[id] = recent[id] }
                pages.append(page)
            } else {
                self.window.append(page)
                windowProviders.formUnion(page.providerIDs)
            }
        }
        try await renderAndWrite(pages, providers: providers)
    }

    /// Renders and writes pages `width` at a time, on every core, while this task records each one in the sink.
    private func renderAndWrite(_ pages: [any SitePage], providers: [Int64: ProviderProfile]) async throws {
        var pending = pages.makeIterator()
        let output = sink.output
        try await withThrowingTaskGroup(of: WrittenPage?.self) { group in
            func start() {
                guard let page = pending.next() else { return }
                group.addTask {
                    guard let rendered = try page.render(with: providers) else { return nil }
                    let wasWritten = try output.write(rendered.html, to: SitePaths.file(ofPage: rendered.path))
                    return WrittenPage(rendered, key: page.key, wasWritten: wasWritten)
                }
            }
            for _ in 0..<Self.width { start() }
            while let done = try await group.next() {
                if let done { try sink.record(done) }
                start()
            }
        }
    }
}

/// A page whose file is written, as the manifest records it.
struct WrittenPage: Sendable {
    let path: String
    let entry: BuildManifest.Entry
    /// The providers a listing page lists or a provider's page shows as similar, in order.
    let members: [Int64]?
    let wasWritten: Bool

    init(_ page: RenderedPage, key: InputKey, wasWritten: Bool) {
        path = page.path
        entry = BuildManifest.Entry(
            key: key.description, lastModified: page.lastModified?.timeIntervalSince1970, inSitemap: page.inSitemap,
            priority: page.sitemapHints.priority, changefreq: page.sitemapHints.changefreq, redirect: page.isRedirect,
            listedIn: page.listedIn?.joined(separator: " "), tally: page.providerTally, rank: page.rank?.manifestText,
            listingTotal: page.listing?.total, image: page.sitemapImage
        )
        members = page.listing?.providerIDs ?? page.similarProviders
        self.wasWritten = wasWritten
    }
}
