import AgoraSite
import AgoraStore
import AgoraTestSupport
import Foundation

/// A site built from the repository's own `Content/` and `Layouts/` into a scratch directory, over a marketplace
/// seeded in the store: what `agora serve` rebuilds after a change made through the API.
enum RepositorySite {
    static func build(in scratch: TemporaryDirectory, store: Store, providers: Int) async throws -> SiteBuildOptions {
        try await MarketplaceSeeder(store: store).seed(providers: providers, seed: 2, now: Date())
        let options = SiteBuildOptions(
            outputDirectory: scratch.url.appendingPathComponent("Site"),
            contentDirectory: RepositoryPaths.root.appendingPathComponent("Content"),
            layoutsDirectory: RepositoryPaths.layouts, baseURL: try SiteURL("http://agora.test")
        )
        _ = try await SiteBuild(store: store, options: options).run()
        return options
    }
}
