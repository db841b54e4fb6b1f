import Logging
import ServiceLifecycle

/// A worker that drains a queue (the email outbox, the site-changes queue): it handles what is due at once, and
/// waits `pollInterval` only when there was nothing to do, until the service group shuts down. A failed pass is
/// logged under the queue's `name`, and the next one comes after the wait.
public protocol QueueWorker: Service {
    var pollInterval: Duration { get }
    var logger: Logger { get }
    /// What the log calls the queue.
    var name: String { get }
    /// Handles one batch of what is due; returns how many items it handled.
    func drainOnce() async throws -> Int
}

extension QueueWorker {
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let handled: Int
                do {
                    handled = try await drainOnce()
                } catch {
                    logger.warning("\(name): \(error)")
                    handled = 0
                }
                if handled == 0 { try? await Task.sleep(for: pollInterval) }
            }
        }
    }
}
