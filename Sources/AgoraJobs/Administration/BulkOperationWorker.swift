import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Logging

/// Runs bulk operations on accounts, and their undos: claims one, changes its accounts a chunk at a time until none
/// is left, and logs how long it took. On graceful shutdown it stops between chunks and releases the operation, so
/// that the next worker (this instance after its restart, or another one) goes on at once; after a crash the claim
/// runs out first. A failed chunk changed nothing; it is tried again when the claim runs out.
public struct BulkOperationWorker: QueueWorker {
    let store: Store
    let notices: AccountNotices
    let clock: any AgoraClock
    public let pollInterval: Duration
    public let logger: Logger
    public let name = "bulk operations"

    public init(
        store: Store, composer: EmailComposer, clock: any AgoraClock = SystemClock(), pollInterval: Duration = .milliseconds(250),
        logger: Logger = Logger(label: "agora.jobs.bulk-operations")
    ) {
        self.store = store
        self.notices = AccountNotices(composer: composer)
        self.clock = clock
        self.pollInterval = pollInterval
        self.logger = logger
    }

    /// Runs the next operation due to its end (or until shutdown); returns how many chunks it handled.
    @discardableResult
    public func drainOnce() async throws -> Int {
        try await drainOnce(chunkLimit: .max)
    }

    /// The same, stopping after `chunkLimit` chunks as a shutdown would; the tests interrupt an operation with it.
    public func drainOnce(chunkLimit: Int) async throws -> Int {
        let operations = BulkOperationRepository(store: store)
        guard let id = try await operations.claimNext(now: clock.now) else { return 0 }
        let started = ContinuousClock.now
        var chunks = 0
        do {
            while chunks < chunkLimit, !Task.isCancelled {
                guard try await operations.runChunk(of: id, now: clock.now, notify: { [notices] in try notices.email($1, to: $0) }) else {
                    let operation = try await operations.find(id)
                    logger.info("bulk operation finished", metadata: [
                        "operation": "\(id)", "action": "\(operation.request.action.rawValue)", "status": "\(operation.status.rawValue)",
                        "accounts": "\(operation.status == .undone ? operation.reverted : operation.changed)",
                        "ms": "\(Int((ContinuousClock.now - started).milliseconds))",
                    ])
                    return chunks + 1
                }
                chunks += 1
            }
            try await operations.release(id)
        } catch {
            logger.warning("bulk operation \(id): a chunk failed and will be tried again: \(error)")
            try? await operations.recordFailure(of: id, "\(error)")
        }
        return max(chunks, 1)
    }
}
