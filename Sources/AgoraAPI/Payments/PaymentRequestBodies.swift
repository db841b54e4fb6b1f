import AgoraDomain

/// `POST /api/payments/{id}/confirm`: the card typed into the local processor's checkout
/// (`{"number", "expiry_month", "expiry_year", "security_code"}`); JSON types are checked here, rules in the domain
/// (`PaymentCard`).
struct ConfirmPaymentInput: RequestBody {
    static let fields: Set<String> = ["number", "expiry_month", "expiry_year", "security_code", "payment_method_id"]
    var input = PaymentCard.Input()
    /// One of the payer's saved cards, instead of a card's fields.
    let savedMethodID: Int?

    init(reading body: inout JSONObjectBody) {
        savedMethodID = body.integer("payment_method_id")
        input.number = body.string("number", required: false, maximumLength: 40)
        input.expiryMonth = body.integer("expiry_month")
        input.expiryYear = body.integer("expiry_year")
        input.securityCode = body.string("security_code", required: false, maximumLength: 10)
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
