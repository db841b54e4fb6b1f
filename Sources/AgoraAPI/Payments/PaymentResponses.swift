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

    struct Failure: Encodable {
        let code: String
        let message: String
    }

    struct NextAction: Encodable {
        let type: String
        let url: String
    }

    let id: Int64
    let projectId: Int64
    let milestoneId: Int64
    let status: String
    let amount: MoneyBody
    let clientFee: MoneyBody
    let total: MoneyBody
    let processor: String
    let card: Card?
    let failure: Failure?
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
        total = MoneyBody(payment.total)
        processor = payment.processor.rawValue
        card = payment.cardBrand.flatMap { brand in payment.cardLastFour.map { Card(brand: brand.rawValue, lastFour: $0) } }
        failure = payment.status == .requiresPaymentMethod ? payment.failure.map { Failure(code: $0.rawValue, message: $0.message) } : nil
        nextAction = payment.status == .requiresAction ? NextAction(type: "authenticate", url: PagePaths.paymentAuthentication(payment.id)) : nil
        self.clientSecret = clientSecret
        createdAt = payment.createdAt
        succeededAt = payment.succeededAt
    }
}

struct PaymentListBody: ResponseEncodable {
    let payments: [PaymentBody]
}

/// A refund: the part of the milestone's amount, the share of the client's fee with it, what the payer gets back.
struct RefundBody: Encodable {
    let id: Int64
    let paymentId: Int64
    let amount: MoneyBody
    let feeShare: MoneyBody
    let total: MoneyBody
    let reason: String
    let status: String
    let createdAt: Date

    init(_ refund: PaymentRefund) {
        id = refund.id
        paymentId = refund.paymentID
        amount = MoneyBody(refund.amount)
        feeShare = MoneyBody(refund.feeShare)
        total = MoneyBody(refund.total)
        reason = refund.reason
        status = refund.status.rawValue
        createdAt = refund.createdAt
    }
}
