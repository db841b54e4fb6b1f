import AgoraDomain
import Foundation
import SQLKit

/// A payment as finance staff open it: the payment, the project and milestone it funded (with what is still held),
/// and its refunds.
public struct PaymentForStaff: Sendable, Hashable {
    public let payment: Payment
    public let project: Project
    public let milestone: Milestone
    public let refunds: [PaymentRefund]
}

extension PaymentRepository {
    /// Any payment, for staff with the finance permissions; nil when there is none by that id.
    public func forStaff(_ id: Int64) async throws -> PaymentForStaff? {
        let db = store.sql
        guard let row = try await db.raw("SELECT \(Payment.columns) FROM payments WHERE id = \(bind: id)").first() else { return nil }
        let payment = try Payment(row: row)
        guard let project = try await ProjectRepository.project(payment.projectID, on: db),
              let milestone = try await ProjectRepository.milestones(of: [project.id], on: db)[project.id]?.first(where: { $0.id == payment.milestoneID })
        else { throw StoreError.notFound("the payment's milestone") }
        return PaymentForStaff(
            payment: payment, project: project, milestone: milestone, refunds: try await EscrowRepository.refunds(ofPayment: id, on: db)
        )
    }
}
