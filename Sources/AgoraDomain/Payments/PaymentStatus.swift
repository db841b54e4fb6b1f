/// Where a payment stands, after Stripe's payment intents. `after(_:)` is the one place that says which steps are
/// legal:
///
///     requires_payment_method ──card succeeds──> succeeded
///     requires_payment_method ──card needs authentication──> requires_action ──authenticated──> succeeded
///     requires_action ──authentication failed──> requires_payment_method
///     requires_payment_method ──card declined──> requires_payment_method (the failure recorded; try another card)
///     requires_payment_method, requires_action ──payer cancels──> canceled
///
/// A succeeded payment is the money in escrow; what is later released or refunded is the escrow's to say.
public enum PaymentStatus: String, Sendable, Codable, CaseIterable {
    case requiresPaymentMethod = "requires_payment_method"
    case requiresAction = "requires_action"
    case succeeded
    case canceled

    public enum Step: Sendable, Hashable {
        case succeed
        case requireAuthentication
        case decline
        case failAuthentication
        case cancel
    }

    public func after(_ step: Step) throws -> PaymentStatus {
        let next: PaymentStatus? = switch (self, step) {
        case (.requiresPaymentMethod, .succeed), (.requiresAction, .succeed): .succeeded
        case (.requiresPaymentMethod, .requireAuthentication): .requiresAction
        case (.requiresPaymentMethod, .decline), (.requiresAction, .failAuthentication): .requiresPaymentMethod
        case (.requiresPaymentMethod, .cancel), (.requiresAction, .cancel): .canceled
        default: nil
        }
        guard let next else { throw StatusTransitionError("a payment that is \(label) cannot \(step.label)") }
        return next
    }

    /// Whether the payer can still complete it.
    public var isOpen: Bool { self == .requiresPaymentMethod || self == .requiresAction }

    public var label: String {
        switch self {
        case .requiresPaymentMethod: "waiting for a card"
        case .requiresAction: "waiting for the card's authentication"
        case .succeeded: "paid"
        case .canceled: "cancelled"
        }
    }
}

extension PaymentStatus.Step {
    var label: String {
        switch self {
        case .succeed: "succeed"
        case .requireAuthentication: "ask for authentication"
        case .decline: "be declined"
        case .failAuthentication: "fail authentication"
        case .cancel: "be cancelled"
        }
    }
}

/// Which processor took a payment.
public enum PaymentProcessorKind: String, Sendable, Codable, CaseIterable {
    /// The embedded processor: Stripe's object model and test cards, no real money.
    case local
    case stripe
}

/// Where a refund stands: decided and taken out of escrow, then paid back by the processor.
public enum RefundStatus: String, Sendable, Codable, CaseIterable {
    case pending
    case succeeded
}
