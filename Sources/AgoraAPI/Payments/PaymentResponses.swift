import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// A payment as its payer and the project's provider see it.
struct PaymentBody: ResponseEncodable {
    struct Card: Encodable {
        let brand: String
        let lastFour: String
    }

    /// What the payer does next: the local processor's authentication page (`authenticate`, with its `url`), or
    /// Stripe.js's `handleNextAction` with the payment's client secret (`use_stripe_sdk`).
    struct NextAction: Encodable {
        let type: String
        let url: String?

        init(_ payment: Payment) {
            switch payment.processor {
            case .local: (type, url) = ("authenticate", PagePaths.paymentAuthentication(payment.id))
            case .stripe: (type, url) = ("use_stripe_sdk", nil)
            }
        }
    }

    let id: Int64
    let projectId: Int64
    let milestoneId: Int64
    let status: String
    let amount: MoneyBody
    let clientFee: MoneyBody
    /// The tax on the client's fee, and what it is (its rate and place, or why none is charged).
    let feeTax: MoneyBody
    let taxNote: String
    let total: MoneyBody
    let processor: String
    let card: Card?
    let failure: PaymentFailureBody?
    let nextAction: NextAction?
    let clientSecret: String?
    let createdAt: Date
    let succeededAt: Date?

    init(_ payment: Payment, clientSecret: String? = nil) {
        id = payment.id
        projectId = payment.projectID
        milestoneId = payment.milestoneID
        status = payment.status.rawValue
        amount = MoneyBody(payment.amount)
        clientFee = MoneyBody(payment.clientFee)
        feeTax = MoneyBody(payment.feeTax)
        taxNote = payment.taxNote
        total = MoneyBody(payment.total)
        processor = payment.processor.rawValue
        card = payment.cardBrand.flatMap { brand in payment.cardLastFour.map { Card(brand: brand.rawValue, lastFour: $0) } }
        failure = payment.status == .requiresPaymentMethod ? payment.failure.map(PaymentFailureBody.init) : nil
        nextAction = payment.status == .requiresAction ? NextAction(payment) : nil
        self.clientSecret = clientSecret
        createdAt = payment.createdAt
        succeededAt = payment.succeededAt
    }
}

/// Why a payment or a payout did not go through: the code, and what the person is told.
struct PaymentFailureBody: Encodable {
    let code: String
    let message: String

    init(_ failure: PaymentFailure) {
        code = failure.rawValue
        message = failure.message
    }
}

struct PaymentListBody: ResponseEncodable {
    let payments: [PaymentBody]
}

/// A refund: the part of the milestone's amount, the shares of the client's fee and its tax with it, what the payer
/// gets back.
struct RefundBody: Encodable {
    let id: Int64
    let paymentId: Int64
    let amount: MoneyBody
    let feeShare: MoneyBody
    let feeTaxShare: MoneyBody
    let total: MoneyBody
    let reason: String
    let status: String
    let createdAt: Date

    init(_ refund: PaymentRefund) {
        id = refund.id
        paymentId = refund.paymentID
        amount = MoneyBody(refund.amount)
        feeShare = MoneyBody(refund.feeShare)
        feeTaxShare = MoneyBody(refund.feeTaxShare)
        total = MoneyBody(refund.total)
        reason = refund.reason
        status = refund.status.rawValue
        createdAt = refund.createdAt
    }
}

/// A dispute as its project's members and the administrators see it.
struct DisputeBody: ResponseEncodable {
    struct Evidence: Encodable {
        let id: Int64
        let author: String
        let body: String
        let createdAt: Date
    }

    struct Decision: Encodable {
        let providerAmount: MoneyBody
        let clientAmount: MoneyBody
        let note: String
        let closesProject: Bool
        let decidedAt: Date
    }

    let id: Int64
    let projectId: Int64
    let milestoneId: Int64
    let milestoneTitle: String
    let openedBy: String
    let reason: String
    let reasonLabel: String
    let statement: String
    let status: String
    let held: MoneyBody
    let evidence: [Evidence]
    let files: [DisputeFileBody]
    let decision: Decision?
    let createdAt: Date

    init(_ dispute: Dispute) {
        id = dispute.id
        projectId = dispute.projectID
        milestoneId = dispute.milestoneID
        milestoneTitle = dispute.milestoneTitle
        openedBy = dispute.openerRole.rawValue
        reason = dispute.reason.rawValue
        reasonLabel = dispute.reason.label
        statement = dispute.statement
        status = dispute.status.rawValue
        held = MoneyBody(dispute.held)
        evidence = dispute.evidence.map { Evidence(id: $0.id, author: $0.authorRole.rawValue, body: $0.body, createdAt: $0.createdAt) }
        files = dispute.files.map(DisputeFileBody.init)
        if let provider = dispute.providerShare, let client = dispute.clientShare, let note = dispute.decisionNote, let at = dispute.resolvedAt {
            decision = Decision(providerAmount: MoneyBody(provider), clientAmount: MoneyBody(client), note: note, closesProject: dispute.closesProject, decidedAt: at)
        } else {
            decision = nil
        }
        createdAt = dispute.createdAt
    }
}

struct DisputeListBody: ResponseEncodable {
    let disputes: [DisputeBody]
}
