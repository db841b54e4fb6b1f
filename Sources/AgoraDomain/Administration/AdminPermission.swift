/// What a staff member may do in the administration. Every admin route needs one (`AdminArea` in the service).
public enum AdminPermission: String, Sendable, CaseIterable, Codable {
    case usersRead = "users.read"
    case usersSuspend = "users.suspend"
    /// Forcing a password reset, confirming an address by hand.
    case usersEdit = "users.edit"
    case usersImpersonate = "users.impersonate"
    case moderationDecide = "moderation.decide"
    /// Deciding the items a moderator escalated.
    case moderationEscalations = "moderation.escalations"
    /// Reading the books: the finance summary and the ledger's verification.
    case financeRead = "finance.read"
    case financeRefund = "finance.refund"
    case financeResolveDispute = "finance.resolve-dispute"
    case settingsEdit = "settings.edit"
    case contentEdit = "content.edit"
    /// Sending marketplace news to segments of members.
    case announcementsSend = "announcements.send"
    case categoriesEdit = "categories.edit"
    case ordersRoute = "orders.route"
    case analyticsRead = "analytics.read"
    case auditRead = "audit.read"
    case staffManage = "staff.manage"
}

/// The roles of staff accounts. What each may do starts as `defaultPermissions` and lives in the database
/// (`role_permissions`), where the owner changes it.
public enum StaffRole: String, Sendable, CaseIterable, Codable {
    case owner
    case administrator
    case moderator
    case support
    case finance
    case contentEditor = "content-editor"

    /// The role's name in sentences and emails.
    public var title: String {
        switch self {
        case .owner: "owner"
        case .administrator: "administrator"
        case .moderator: "moderator"
        case .support: "support"
        case .finance: "finance"
        case .contentEditor: "content editor"
        }
    }

    /// The role's id where an id is needed: the audit log's `target_id` for changes to the role's permissions.
    public var number: Int64 {
        switch self {
        case .owner: 1
        case .administrator: 2
        case .moderator: 3
        case .support: 4
        case .finance: 5
        case .contentEditor: 6
        }
    }

    public var defaultPermissions: Set<AdminPermission> {
        switch self {
        case .owner:
            Set(AdminPermission.allCases)
        case .administrator:
            Set(AdminPermission.allCases).subtracting([.staffManage])
        case .moderator:
            [.usersRead, .moderationDecide, .contentEdit]
        case .support:
            [.usersRead, .usersSuspend, .usersEdit, .ordersRoute]
        case .finance:
            [.usersRead, .financeRead, .financeRefund, .financeResolveDispute, .analyticsRead]
        case .contentEditor:
            [.contentEdit, .categoriesEdit]
        }
    }
}
