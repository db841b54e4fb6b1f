import AgoraDomain
import AgoraStore

/// The parts of Stripe's objects the platform reads.
enum StripeObjects {
    struct PaymentIntent: Decodable {
        let id: String
        let status: String
        let clientSecret: String?
        let paymentMethod: String?
        let lastPaymentError: LastPaymentError?

        struct LastPaymentError: Decodable {
            let code: String?
            let declineCode: String?

            enum CodingKeys: String, CodingKey {
                case code
                case declineCode = "decline_code"
            }
        }

        enum CodingKeys: String, CodingKey {
            case id, status
            case clientSecret = "client_secret"
            case paymentMethod = "payment_method"
            case lastPaymentError = "last_payment_error"
        }

        /// Where the payment stands in the platform's words; a state the platform does not record (still processing,
        /// waiting for a capture it never asks for) is the processor's problem to finish, reported by a webhook.
        func outcome(card: CardSummary?) throws -> PaymentRepository.Outcome {
            switch status {
            case "succeeded": return .init(status: .succeeded, card: card, failure: nil)
            case "requires_action": return .init(status: .requiresAction, card: card, failure: nil)
            case "canceled": return .init(status: .canceled, card: card, failure: nil)
            case "requires_payment_method":
                let failure = lastPaymentError.map { StripeObjects.failure(code: $0.declineCode ?? $0.code) }
                return .init(status: .requiresPaymentMethod, card: card, failure: failure)
            default:
                throw ProcessorUnavailable("Stripe holds the payment as \(status); it is recorded when Stripe reports it finished")
            }
        }
    }

    struct PaymentMethod: Decodable {
        let id: String
        let card: Card?

        struct Card: Decodable {
            let brand: String
            let last4: String
            let expMonth: Int
            let expYear: Int

            enum CodingKeys: String, CodingKey {
                case brand, last4
                case expMonth = "exp_month"
                case expYear = "exp_year"
            }
        }

        var summary: CardSummary? {
            card.map { CardSummary(brand: CardBrand(rawValue: $0.brand) ?? .other, lastFour: $0.last4) }
        }
    }

    struct SetupIntent: Decodable {
        let id: String
        let clientSecret: String

        enum CodingKeys: String, CodingKey {
            case id
            case clientSecret = "client_secret"
        }
    }

    /// Any object of which only the id is read (a refund, a customer).
    struct Identified: Decodable {
        let id: String
    }

    /// What a refusal or a failed payment's code means to the payer.
    static func failure(code: String?) -> PaymentFailure {
        switch code {
        case "insufficient_funds": .insufficientFunds
        case "payment_intent_authentication_failure", "authentication_required": .authenticationFailed
        default: .cardDeclined
        }
    }
}
