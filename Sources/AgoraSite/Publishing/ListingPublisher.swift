import AgoraDomain
import AgoraStore
import Foundation

/// Publishes the pages made from providers, which are nearly all of a site. Pages whose key changed are gathered
/// into windows of about `SiteBuild.providerBatch` different providers; each window's providers are loaded in one
/// go, except those a recent window loaded (a category's listings and its parent's show the same providers), and a
/// window is rendered and written on every core while the next one loads.
final class ListingPublisher {
    /// A window waiting to be published: its pages, the providers already at hand, and the loading of the others.
    private struct LoadedWindow {
        let jobs: [ListingJob]
        let known: [Int64: ProviderProfile]
        let loading: Task<[ProviderProfile], any Error>
    }

    private let sink: PageSink
    private let repository: ProviderRepository
    private var window: [ListingJob] = []
    private var windowProviders = Set<Int64>()
    private var loaded: LoadedWindow?
    private var recent = RecentItems<ProviderProfile>(capacity: SiteBuild.providerBatch * 5)
    /// The page each loaded provider has of its own, published with the window that first loaded the provider, so
    /// that listings and profiles read a provider once between them.
    private let alongside: ((ProviderProfile) -> ListingJob)?
    /// The providers whose own page was published (or kept) that way.
    private(set) var publishedAlongside = Set<Int64>()

    init(sink: PageSink, repository: ProviderRepository, alongside: ((ProviderProfile) -> ListingJob)? = nil) {
        self.sink = sink
        self.repository = repository
        self.alongside = alongside
    }

    /// Publishes the pages that need it (the others are kept), some of them once the next window is loaded.
    func add(_ jobs: [ListingJob]) async throws {
        for job in jobs where try sink.needsRendering(job.path, key: job.key) {
            window.append(job)
            windowProviders.formUnion(job.providerIDs)
            if windowProviders.count >= SiteBuild.providerBatch { try await startLoading() }
        }
    }

    /// Publishes what is left.
    func finish() async throws {
        try await startLoading()
        if let last = loaded {
            loaded = nil
            try await publish(last)
        }
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
        loaded = LoadedWindow(jobs: window, known: known, loading: loading)
        window = []
        windowProviders = []
        if let previous { try await publish(previous) }
    }

    private func publish(_ window: LoadedWindow) async throws {
        var providers = window.known
        var jobs = window.jobs
        for provider in try await window.loading.value {
            providers[provider.id] = provider
            recent.insert(provider, id: provider.id)
            if let alongside, publishedAlongside.insert(provider.id).inserted {
                let job = alongside(provider)
                if try sink.needsRendering(job.path, key: job.key) { jobs.append(job) }
            }
        }
        let all = providers
        try await sink.publish(jobs.map { job in PageJob(path: job.path, key: job.key) { try job.render(all) } })
    }
}
