/// Where the payment of one week of hourly work stands. A week is charged to the client's default saved card once it
/// has ended (its time is fixed then), held in escrow through its review, and released to the provider when it is
/// approved (by the client, or when the review window closes). `after(_:)` is the one place that says which steps are
/// legal:
///
///     due ──charged──> held ──the week approved──> released
///     due ──declined, or no card──> due (the failure recorded, charged again a day later)
public enum WeekPaymentStatus: String, Sendable, Codable, CaseIterable {
    case due
    case held
    case released

    public enum Step: Sendable, Hashable {
        case charge
        case decline
        case release

        var label: String {
            switch self {
            case .charge: "charged"
            case .decline: "declined"
            case .release: "released"
            }
        }
    }

    public func after(_ step: Step) throws -> WeekPaymentStatus {
        let next: WeekPaymentStatus? = switch (self, step) {
        case (.due, .charge): .held
        case (.due, .decline): .due
        case (.held, .release): .released
        default: nil
        }
        guard let next else { throw StatusTransitionError("a week's payment that is \(label) cannot be \(step.label)") }
        return next
    }

    /// How long a declined week waits before it is charged again.
    public static let retryDelay: Double = 86_400

    public var label: String {
        switch self {
        case .due: "waiting to be charged"
        case .held: "held in escrow"
        case .released: "released"
        }
    }
}
