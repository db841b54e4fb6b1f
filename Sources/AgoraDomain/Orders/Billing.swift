/// How work is paid: a fixed price, delivered in milestones, or by the hour up to a weekly limit of hours. A
/// proposal offers one; the project it becomes keeps it. For hourly work the proposal's and the project's price is
/// the rate per hour.
public enum Billing: Hashable, Sendable {
    case fixed
    case hourly(weeklyLimitHours: Int)

    /// The kinds, as requests, responses and the database name them.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case fixed
        case hourly
    }

    public var kind: Kind {
        switch self {
        case .fixed: .fixed
        case .hourly: .hourly
        }
    }

    /// The most hours a week the provider may bill; nil for fixed-price work.
    public var weeklyLimitHours: Int? {
        switch self {
        case .fixed: nil
        case .hourly(let hours): hours
        }
    }

    /// As stored: the kind and, for hourly work, its weekly limit. Nil when the two do not fit together.
    public init?(kind: Kind, weeklyLimitHours: Int?) {
        switch (kind, weeklyLimitHours) {
        case (.fixed, nil): self = .fixed
        case (.hourly, let hours?) where HourlyRules.weeklyLimitHours.contains(hours): self = .hourly(weeklyLimitHours: hours)
        default: return nil
        }
    }
}
