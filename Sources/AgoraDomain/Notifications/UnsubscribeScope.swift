/// What a one-click unsubscribe link (RFC 8058) stops: every optional email to the address, the emails of one
/// notification category, or the digest. Security notices are never optional, so no link names their category.
public enum UnsubscribeScope: Sendable, Hashable {
    case allOptionalMail
    case category(NotificationCategory)
    case digest

    /// How links and the record of unsubscribes name it: `all`, `digest` or a category's name.
    public var name: String {
        switch self {
        case .allOptionalMail: "all"
        case .category(let category): category.rawValue
        case .digest: "digest"
        }
    }

    public init?(name: String) {
        switch name {
        case "all": self = .allOptionalMail
        case "digest": self = .digest
        default:
            guard let category = NotificationCategory(rawValue: name), !category.isCritical else { return nil }
            self = .category(category)
        }
    }

    /// For the person: "emails about Orders".
    public var label: String {
        switch self {
        case .allOptionalMail: "all optional emails"
        case .category(let category): "emails about \(category.label)"
        case .digest: "digest emails"
        }
    }

    /// Every scope a link can name.
    public static var all: [UnsubscribeScope] {
        [.allOptionalMail, .digest] + NotificationCategory.allCases.filter { !$0.isCritical }.map(UnsubscribeScope.category)
    }
}
