import AgoraSite
import AgoraStore
import Foundation
import Logging
import NIOConcurrencyHelpers
import ServiceLifecycle

/// Who hears how each watch-mode build went (in `agora serve --watch`, the open pages).
public protocol SiteWatchListener: Sendable {
    func built(_ outcome: SiteWatcher.Outcome)
    /// The watcher stopped: nothing more will come.
    func stopped()
}

/// Watch mode: looks at `Content/` and `Layouts/` as soon as a file there is saved; after a save it rebuilds what
/// changed and tells its listener, which reloads the open pages or shows them the build's error, without stopping
/// the server.
public struct SiteWatcher: Service {
    /// How a rebuild after a save went.
    public enum Outcome: Sendable, Equatable {
        case rebuilt
        /// The build failed; the message names the file and line.
        case failed(String)
    }

    public static let interval = Duration.milliseconds(200)

    let store: Store
    let options: SiteBuildOptions
    let listener: any SiteWatchListener
    let logger: Logger
    private let state: NIOLockedSnapshot

    public init(store: Store, options: SiteBuildOptions, listener: any SiteWatchListener, logger: Logger) {
        self.store = store
        self.options = options
        self.listener = listener
        self.logger = logger
        state = NIOLockedSnapshot(SourceSnapshot(of: [options.contentDirectory, options.layoutsDirectory]))
    }

    /// Watches until the server shuts down, then tells the listener (so that open event streams can close).
    /// Woken by inotify as soon as a file is saved where the system offers it; polling every `interval` otherwise.
    public func run() async throws {
        defer { listener.stopped() }
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
    /// changed, incrementally otherwise. Returns what it told the listener, if anything.
    @discardableResult
    public func check() async -> Outcome? {
        let now = SourceSnapshot(of: [options.contentDirectory, options.layoutsDirectory])
        let changed = now.changes(since: state.replace(with: now))
        guard !changed.isEmpty else { return nil }
        let outcome: Outcome
        do {
            let summary = try await SiteBuild(store: store, options: options).run(mode(for: changed, in: now))
            logger.info("rebuilt after a change: \(summary.written) pages written in \(String(format: "%.0f", summary.seconds * 1000)) ms")
            outcome = .rebuilt
        } catch {
            logger.warning("build failed: \(error)")
            outcome = .failed("\(error)")
        }
        listener.built(outcome)
        return outcome
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
