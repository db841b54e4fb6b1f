import AgoraDomain
import AgoraStore
import ArgumentParser
import Foundation

struct Reindex: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rebuild the provider search index from the profiles, in one transaction.",
        discussion: "The index follows every change on its own; run this after restoring a backup or changing the index's definition."
    )

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        try LogSetup.bootstrap()
        try await options.withStore { store in
            let start = ContinuousClock.now
            let count = try await store.rebuildSearchIndex()
            let seconds = (ContinuousClock.now - start).milliseconds / 1_000
            print("\(try options.location): indexed \(count) providers in \(String(format: "%.1f", seconds)) s")
        }
    }
}
