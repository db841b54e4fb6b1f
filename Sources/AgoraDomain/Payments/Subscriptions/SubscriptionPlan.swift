import Foundation

/// A provider's plan. Free is everyone's until they subscribe; Pro is billed monthly to a saved card and brings the
/// perks the settings define (`plans.pro-monthly-price`, `plans.pro-commission-discount`).
public enum SubscriptionPlan: String, Sendable, Codable, CaseIterable {
    case free
    case pro

    public var label: String {
        switch self {
        case .free: "Free"
        case .pro: "Pro"
        }
    }

    /// The currency plans are billed in.
    public static let currency = CurrencyCode.eur

    /// The month after `anchor` that the `period`-th billing period ends on (counted from 1), in UTC: the same day of
    /// the month as the anchor, or the month's last day when it has fewer days (a subscription started on 31 January
    /// renews on 28 February, then on 31 March), after Stripe's billing anchor.
    public static func periodEnd(anchor: Date, period: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(byAdding: .month, value: period, to: anchor) ?? anchor.addingTimeInterval(Double(period) * 30 * 86_400)
    }
}

/// Where a Pro subscription stands. `after(_:)` is the one place that says which steps are legal:
///
///     incomplete ──first month paid──> active ──renewal paid──> active
///     incomplete ──first charge declined──> cancelled (it never started)
///     active ──renewal declined──> past due ──retried and paid──> active
///     past due ──declined again──> past due, until the last retry ──downgraded──> cancelled (back to Free)
///     active ──period ended with a cancellation asked──> cancelled
///
/// A subscription past due keeps its perks while it is retried.
public enum SubscriptionStatus: String, Sendable, Codable, CaseIterable {
    case incomplete
    case active
    case pastDue = "past_due"
    case canceled

    public enum Step: Sendable, Hashable {
        case pay
        case decline
        case expire
        case downgrade
        case end

        var label: String {
            switch self {
            case .pay: "paid"
            case .decline: "declined"
            case .expire: "expired"
            case .downgrade: "downgraded"
            case .end: "ended"
            }
        }
    }

    public func after(_ step: Step) throws -> SubscriptionStatus {
        let next: SubscriptionStatus? = switch (self, step) {
        case (.incomplete, .pay), (.active, .pay), (.pastDue, .pay): .active
        case (.active, .decline), (.pastDue, .decline): .pastDue
        case (.incomplete, .expire), (.pastDue, .downgrade), (.active, .end): .canceled
        default: nil
        }
        guard let next else { throw StatusTransitionError("a subscription that is \(label) cannot be \(step.label)") }
        return next
    }

    /// Whether the plan's perks apply.
    public var hasPerks: Bool { self == .active || self == .pastDue }

    /// How long after each declined renewal it is tried again (Stripe's smart retries spread them over about a week);
    /// a decline after the last one sends the subscription back to Free.
    public static let retryDelays: [Double] = [86_400, 3 * 86_400, 5 * 86_400]

    public var label: String {
        switch self {
        case .incomplete: "waiting for its first payment"
        case .active: "active"
        case .pastDue: "past due"
        case .canceled: "cancelled"
        }
    }
}

/// Where one period's charge of a subscription stands: open while it is charged (and retried), then paid, or
/// declined for good when the subscription went back to Free.
public enum SubscriptionInvoiceStatus: String, Sendable, Codable, CaseIterable {
    case open
    case paid
    case void
}
