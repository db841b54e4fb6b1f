import AgoraDomain
import AgoraWorkflows
import Foundation

/// A card in a checkout body: its fields typed into the local processor's checkout (`number`, `expiry_month`,
/// `expiry_year`, `security_code`), or `processor_method_id`, the payment method the processor's own script made in
/// the browser (Stripe.js's `pm_…`). JSON types are checked here, card rules in the domain (`PaymentCard`).
struct CardEntryInput {
    static let fields: Set<String> = ["number", "expiry_month", "expiry_year", "security_code", "processor_method_id"]
    var card = PaymentCard.Input()
    var processorMethodID: String?

    init(reading body: inout JSONObjectBody) {
        processorMethodID = body.string("processor_method_id", required: false, maximumLength: 255)
        card.number = body.string("number", required: false, maximumLength: 40)
        card.expiryMonth = body.integer("expiry_month")
        card.expiryYear = body.integer("expiry_year")
        card.securityCode = body.string("security_code", required: false, maximumLength: 10)
    }

    /// Whether any of the card's fields was sent.
    var hasCardFields: Bool {
        card.number != nil || card.expiryMonth != nil || card.expiryYear != nil || card.securityCode != nil
    }

    func entry(now: Date) throws -> CardEntry {
        guard let processorMethodID else { return .typed(try PaymentCard(card, now: now)) }
        guard !hasCardFields else {
            throw ValidationError(field: "processor_method_id", message: "takes the place of the card's fields: send one or the other")
        }
        guard processorMethodID.utf8.count >= 3, processorMethodID.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            throw ValidationError(field: "processor_method_id", message: "must be the id the processor's card form gave (letters, digits and _)")
        }
        return .processorMethod(processorMethodID)
    }
}

/// `POST /api/payments/{id}/confirm`: a card (`CardEntryInput`), or `payment_method_id`, one of the payer's saved cards.
struct ConfirmPaymentInput: RequestBody {
    static let fields = CardEntryInput.fields.union(["payment_method_id"])
    let card: CardEntryInput
    /// One of the payer's saved cards, instead of a card.
    let savedMethodID: Int?

    init(reading body: inout JSONObjectBody) {
        savedMethodID = body.integer("payment_method_id")
        card = CardEntryInput(reading: &body)
    }
}

/// `POST /api/payments/{id}/authenticate`: `{"completed": true|false}`, the card's authentication step answered on
/// the local processor's page.
struct AuthenticatePaymentInput: RequestBody {
    static let fields: Set<String> = ["completed"]
    let completed: Bool?

    init(reading body: inout JSONObjectBody) {
        completed = body.contains("completed") ? body.bool("completed") : nil
    }
}

/// `POST /api/milestones/{id}/release` and `POST /api/payments/{id}/refunds`: `{"amount", "reason"}`, the amount in
/// major units of the milestone's currency (none: all that is held).
struct EscrowMovementInput: RequestBody {
    static let fields: Set<String> = ["amount", "reason"]
    let amount: String?
    let reason: String?

    init(reading body: inout JSONObjectBody) {
        amount = body.amount("amount")
        reason = body.string("reason", required: false, maximumLength: PaymentRules.refundReasonLength.upperBound * 2, multiline: true)
    }
}

/// `POST /api/projects/{id}/disputes`: `{"milestone_id", "reason", "statement"}`.
struct DisputeOpeningInput: RequestBody {
    static let fields: Set<String> = ["milestone_id", "reason", "statement"]
    let milestoneID: Int?
    let reason: String?
    let statement: String?

    init(reading body: inout JSONObjectBody) {
        milestoneID = body.integer("milestone_id")
        reason = body.string("reason", required: false, maximumLength: 40)
        statement = body.string("statement", required: false, maximumLength: DisputeRules.statementLength.upperBound * 2, multiline: true)
    }
}

/// `POST /api/disputes/{id}/evidence`: `{"body"}`.
struct DisputeEvidenceInput: RequestBody {
    static let fields: Set<String> = ["body"]
    let body: String?

    init(reading body: inout JSONObjectBody) {
        self.body = body.string("body", required: false, maximumLength: DisputeRules.evidenceLength.upperBound * 2, multiline: true)
    }
}

/// `POST /api/admin/disputes/{id}/resolve`: `{"provider_amount", "note", "close_project"}`.
struct DisputeDecisionInput: RequestBody {
    static let fields: Set<String> = ["provider_amount", "note", "close_project"]
    let providerAmount: String?
    let note: String?
    let closeProject: Bool

    init(reading body: inout JSONObjectBody) {
        providerAmount = body.amount("provider_amount")
        note = body.string("note", required: false, maximumLength: DisputeRules.decisionNoteLength.upperBound * 2, multiline: true)
        closeProject = body.bool("close_project")
    }
}
