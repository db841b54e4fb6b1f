import AgoraDomain
import AgoraStore
import Foundation

/// Publishes the pages made from providers, which are nearly all of a site. Pages whose key changed are gathered
/// into windows of about `SiteBuild.providerBatch` different providers, each window's providers loaded in one go (a
/// provider listed on several pages is loaded once), and a window is rendered and written on every core while the next one
/// loads.
final class ListingPublisher {
    private let sink: PageSink
    private let repository: ProviderRepository
    private var window: [ListingJob] = []
    /// The different providers the window's pages list: pages of a category and of its parent share most of theirs.
    private var windowProviders = Set<Int64>()
    private var loaded: (jobs: [ListingJob], providers: Task<[Int64: ProviderProfile], any Error>)?

    init(sink: PageSink, repository: ProviderRepository) {
        self.sink = sink
        self.repository = repository
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
        let ids = Array(windowProviders)
        let repository = repository
        let loading = Task {
            try await repository.profiles(ids: ids).reduce(into: [Int64: ProviderProfile]()) { $0[$1.id] = $1 }
        }
        let previous = loaded
        loaded = (window, loading)
        window = []
        windowProviders = []
        if let previous { try await publish(previous) }
    }

    private func publish(_ loaded: (jobs: [ListingJob], providers: Task<[Int64: ProviderProfile], any Error>)) async throws {
        let providers = try await loaded.providers.value
        try await sink.publish(loaded.jobs.map { job in PageJob(path: job.path, key: job.key) { try job.render(providers) } })
    }
}
