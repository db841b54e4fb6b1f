import AgoraDomain

/// `POST /api/payments/{id}/confirm`: the card typed into the local processor's checkout.
struct ConfirmPaymentInput: Decodable {
    struct Card: Decodable {
        let number: String?
        let expiryMonth: Int?
        let expiryYear: Int?
        let securityCode: String?

        enum CodingKeys: String, CodingKey {
            case number, expiryMonth = "expiry_month", expiryYear = "expiry_year", securityCode = "security_code"
        }
    }

    let card: Card?

    var input: PaymentCard.Input {
        PaymentCard.Input(number: card?.number, expiryMonth: card?.expiryMonth, expiryYear: card?.expiryYear, securityCode: card?.securityCode)
    }
}

/// `POST /api/payments/{id}/authenticate`: the card's authentication step answered on the local confirmation page.
struct AuthenticatePaymentInput: Decodable {
    let completed: Bool?
}

/// `POST /api/milestones/{id}/release` (no amount: all that is held) and `POST /api/payments/{id}/refunds`.
struct EscrowMovementInput: Decodable {
    /// In major units, as text (`"120.50"`), in the milestone's currency.
    let amount: String?
    let reason: String?
}
