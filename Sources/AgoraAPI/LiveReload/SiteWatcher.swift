import AgoraSite
import AgoraStore
import Foundation
import Logging
import NIOConcurrencyHelpers
import ServiceLifecycle

/// Watch mode: looks at `Content/` and `Layouts/` as soon as a file there is saved; after a save it rebuilds what
/// changed and tells the open pages to reload, or shows them the build's error, without stopping the server.
public struct SiteWatcher: Service {
    public static let interval = Duration.milliseconds(200)

    let store: Store
    let options: SiteBuildOptions
    let hub: LiveReloadHub
    let logger: Logger
    private let state: NIOLockedSnapshot

    public init(store: Store, options: SiteBuildOptions, hub: LiveReloadHub, logger: Logger) {
        self.store = store
        self.options = options
        self.hub = hub
        self.logger = logger
        state = NIOLockedSnapshot(SourceSnapshot(of: [options.contentDirectory, options.layoutsDirectory]))
    }

    /// Watches until the server shuts down, then ends the open event streams so that their connections close.
    /// Woken by inotify as soon as a file is saved where the system offers it; polling every `interval` otherwise.
    public func run() async throws {
        defer { hub.finish() }
        let events = DirectoryEvents(watching: [options.contentDirectory, options.layoutsDirectory])
        defer { events?.stop() }
        do {
            try await cancelWhenGracefulShutdown {
                if let events {
                    for await _ in events.wakeUps where !Task.isCancelled { await check() }
                } else {
                    while !Task.isCancelled {
                        try await Task.sleep(for: Self.interval)
                        await check()
                    }
                }
            }
        } catch is CancellationError {
            // The graceful shutdown cancels the loop: a normal end.
        }
    }

    /// Rebuilds if anything changed since the last look: only the saved Markdown pages when that is all that
    /// changed, incrementally otherwise. Returns the event it published, if any.
    @discardableResult
    public func check() async -> LiveReloadEvent? {
        let now = SourceSnapshot(of: [options.contentDirectory, options.layoutsDirectory])
        let changed = now.changes(since: state.replace(with: now))
        guard !changed.isEmpty else { return nil }
        let event: LiveReloadEvent
        do {
            let summary = try await SiteBuild(store: store, options: options).run(mode(for: changed, in: now))
            logger.info("rebuilt after a change: \(summary.written) pages written in \(String(format: "%.0f", summary.seconds * 1000)) ms")
            event = .reload
        } catch {
            logger.warning("build failed: \(error)")
            event = .error("\(error)")
        }
        hub.publish(event)
        return event
    }

    private func mode(for changed: [String], in snapshot: SourceSnapshot) -> BuildMode {
        let content = options.contentDirectory.standardizedFileURL.path + "/"
        let pages = changed.compactMap { path -> String? in
            guard path.hasPrefix(content), path.hasSuffix(".md"), snapshot.contains(path) else { return nil }
            let relative = String(path.dropFirst(content.count))
            return relative.split(separator: "/").contains { $0.hasPrefix("_") } ? nil : relative
        }
        return pages.count == changed.count ? .only(pages.map(BuildTarget.content)) : .incremental
    }
}

/// The last snapshot, shared between the watch loop and direct calls to `check()`.
final class NIOLockedSnapshot: Sendable {
    private let box: NIOLockedValueBox<SourceSnapshot>

    init(_ snapshot: SourceSnapshot) { box = NIOLockedValueBox(snapshot) }

    /// Stores the new snapshot and returns the previous one.
    func replace(with snapshot: SourceSnapshot) -> SourceSnapshot {
        box.withLockedValue { current in
            let previous = current
            current = snapshot
            return previous
        }
    }
}
