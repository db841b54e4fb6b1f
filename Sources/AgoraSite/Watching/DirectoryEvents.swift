import Foundation
import Synchronization

/// Tells, within a millisecond or so, that a file below some directories was written, created, moved or removed,
/// through Linux's inotify; a saved Markdown page then reaches the browser without waiting for a polling tick.
/// It says only that something may have happened: the watcher compares snapshots to learn what.
///
/// A thread of its own waits on the inotify descriptor, so that no task of the server's pool blocks.
public final class DirectoryEvents: Sendable {
    /// Fires once per burst of changes (a burst that arrives while the last one is still handled fires once more),
    /// and after every `quietMilliseconds` without any, for what inotify cannot see (files on a network share, say).
    public let wakeUps: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation
    private let descriptor: Int32
    private let directories: [URL]
    private let quietMilliseconds: Int32
    private let stopped = Atomic<Bool>(false)

    static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF)

    /// Nil where inotify cannot be had (the watcher then polls alone).
    public init?(watching directories: [URL], quietMilliseconds: Int32 = 1_000) {
        let descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
        self.directories = directories
        self.quietMilliseconds = quietMilliseconds
        (wakeUps, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        addWatches()
        let thread = Thread { [self] in waitForEvents() }
        thread.name = "agora-directory-events"
        thread.start()
    }

    /// Ends the stream; the thread exits at its next wake-up.
    public func stop() {
        stopped.store(true, ordering: .relaxed)
        continuation.finish()
    }

    /// Watches every directory below the roots (inotify is not recursive); adding a watch twice is harmless, so this
    /// runs again after each burst to cover new folders.
    private func addWatches() {
        for root in directories {
            _ = inotify_add_watch(descriptor, root.path, Self.mask)
            guard let enumerator = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles]
            ) else { continue }
            for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true {
                _ = inotify_add_watch(descriptor, url.path, Self.mask)
            }
        }
    }

    private func waitForEvents() {
        var buffer = [UInt8](repeating: 0, count: 16 * 1_024)
        var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while !stopped.load(ordering: .relaxed) {
            if poll(&waiting, 1, quietMilliseconds) > 0 {
                while buffer.withUnsafeMutableBytes({ read(descriptor, $0.baseAddress, $0.count) }) > 0 {}
                addWatches()
            }
            continuation.yield()
        }
        close(descriptor)
    }
}
