import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Logging

/// Every `interval`, pays back through the processor the refunds decided but not paid yet: a cancelled project's,
/// and any whose processor call failed or was cut short by a crash. The processor's refund is keyed by the refund,
/// and recording it paid is idempotent, so a refund paid twice at once (here and by the request that decided it)
/// moves the money once.
public struct PendingRefundJob: PeriodicJob {
    let escrow: EscrowRepository
    let processor: any PaymentProcessor
    let clock: any AgoraClock
    public let interval: Duration
    public let logger: Logger
    public let name = "pending refunds"

    static let batchSize = 100

    public init(
        store: Store, processor: any PaymentProcessor, clock: any AgoraClock = SystemClock(), interval: Duration = .seconds(60),
        logger: Logger = Logger(label: "agora.jobs.refunds")
    ) {
        escrow = EscrowRepository(store: store)
        self.processor = processor
        self.clock = clock
        self.interval = interval
        self.logger = logger
    }

    /// One pass; returns how many refunds were paid back.
    @discardableResult
    public func runOnce() async throws -> Int {
        var paid = 0
        for (refund, processorPaymentID) in try await escrow.pendingRefunds(limit: Self.batchSize) {
            do {
                let now = clock.now
                let processorRefundID = try await processor.refund(
                    processorPaymentID, amount: refund.total, idempotencyKey: EscrowPayments.processorRefundKey(refund.id), now: now
                )
                _ = try await escrow.refundPaid(refund.id, processorRefundID: processorRefundID, now: now)
                paid += 1
            } catch {
                logger.warning("refund not paid back yet", metadata: ["refund": "\(refund.id)", "error": "\(error)"])
            }
        }
        if paid > 0 { logger.info("refunds paid back", metadata: ["refunds": "\(paid)"]) }
        return paid
    }
}
