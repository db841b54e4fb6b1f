extension NotificationKind {
    /// The category its preferences and filters go by.
    public var category: NotificationCategory {
        switch self {
        case .orderCreated, .orderPublished, .orderCancelled, .orderOffered: .orders
        case .proposalReceived, .proposalCountered, .proposalRevised, .proposalWithdrawn, .proposalAccepted, .proposalRejected: .proposals
        case .milestoneProposed, .milestoneAnswered, .milestoneStarted, .milestoneSubmitted, .changesRequested, .milestoneApproved,
             .reviewReminder, .projectCompleted, .projectCancellation, .projectCancelled, .projectPaused, .projectResumed, .timesheetApproved:
            .projects
        case .messageReceived: .messages
        case .weekCharged, .weekChargeFailed, .milestoneFunded, .paymentReleased, .paymentRefunded, .disputeOpened, .disputeUpdated, .disputeResolved:
            .payments
        case .reviewRequested, .reviewPublished, .reviewAnswered, .reviewModerated: .reviews
        case .meetingInvitation, .meetingChanged, .meetingCancelled, .meetingAnswered, .meetingReminder, .meetingFollowUp,
             .calendarSyncFailed:
            .meetings
        case .marketplaceNews: .marketplaceNews
        case .passwordChanged, .signInAttempts, .recoveryCodeUsed, .payoutAccountChanged: .accountSecurity
        }
    }

    /// The channels it may reach a person by; the person's preferences choose among them.
    public var channels: Set<NotificationChannel> { Set(NotificationChannel.allCases) }

    /// The email template (`Layouts/email/{template}.html.mustache` and `.txt.mustache`) its email is written with.
    public var emailTemplate: String {
        switch self {
        case .orderCreated, .orderPublished: "order-confirmation"
        case .passwordChanged: "password-changed"
        case .signInAttempts: "sign-in-attempts"
        case .recoveryCodeUsed: "recovery-code-used"
        case .payoutAccountChanged: "payout-account-changed"
        default: "marketplace-update"
        }
    }

    /// Whether it reaches the person whatever their preferences: its category's rule.
    public var isCritical: Bool { category.isCritical }
}
