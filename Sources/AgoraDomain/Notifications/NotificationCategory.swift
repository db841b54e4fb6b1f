/// What a notification is about, for preferences and filters: a person turns channels on and off per category.
/// Stored and sent by its raw value (`orders`).
public enum NotificationCategory: String, Sendable, Codable, CaseIterable {
    case orders
    case proposals
    case projects
    case messages
    case payments
    case reviews
    case meetings
    case accountSecurity = "account_security"
    case marketplaceNews = "marketplace_news"

    public var label: String {
        switch self {
        case .orders: "Orders"
        case .proposals: "Proposals"
        case .projects: "Projects and milestones"
        case .messages: "Messages"
        case .payments: "Payments"
        case .reviews: "Reviews"
        case .meetings: "Meetings"
        case .accountSecurity: "Account and security"
        case .marketplaceNews: "Marketplace news"
        }
    }

    /// Security notices reach the person whatever they chose: no preference turns them off.
    public var isCritical: Bool { self == .accountSecurity }

    /// The channels on for someone who never chose: everything but news by email and digests.
    public var defaultChannels: Set<NotificationChannel> {
        switch self {
        case .marketplaceNews: [.inApp]
        default: [.inApp, .email]
        }
    }
}

/// Where a notification reaches a person: the bell and notification centre, an email of its own, or a digest email
/// gathering the unread ones once a day or week.
public enum NotificationChannel: String, Sendable, Codable, CaseIterable {
    case inApp = "in_app"
    case email
    case digest

    public var label: String {
        switch self {
        case .inApp: "In the app"
        case .email: "Email"
        case .digest: "Digest"
        }
    }
}
