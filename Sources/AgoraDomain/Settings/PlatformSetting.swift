/// The settings staff change while the service runs (`settings.edit`), each with its type and rule, its default, the
/// group the admin form shows it in, and the environment variable that overrides it where one exists. Adding a
/// setting is adding a case here: the table, the API, the form and the docs follow.
public enum PlatformSetting: String, CaseIterable, Sendable, Codable {
    case maintenanceBanner = "site.maintenance-banner"
    case registrationOpen = "features.registration"
    case ordersPerDay = "quotas.orders-per-day"
    case proposalsPerDay = "quotas.proposals-per-day"
    case uploadsPerDay = "quotas.uploads-per-day"
    case routingBatchSize = "routing.batch-size"
    case routingResponseWindowHours = "routing.response-window-hours"
    case routingEnoughProposals = "routing.enough-proposals"
    case routingMaximumBatches = "routing.maximum-batches"
    case moderationHideThreshold = "moderation.hide-threshold"
    case moderationBlockedWords = "moderation.blocked-words"
    case moderationPreApproval = "moderation.pre-approval"
    case projectsReviewWindowDays = "projects.review-window-days"
    case projectsQuietDays = "projects.quiet-days"
    case projectsTimesheetReviewDays = "projects.timesheet-review-days"
    case paymentsSecurityHoldDays = "payments.security-hold-days"
    case paymentsMinimumPayout = "payments.minimum-payout"
    case feesClientServiceFee = "fees.client-service-fee"
    case feesCommissionTiers = "fees.commission-tiers"
    case feesMinimumCommission = "fees.minimum-commission"
    case feesCategoryCommission = "fees.category-commission"
    case taxRates = "tax.rates"
    case taxPlatformCountry = "tax.platform-country"
    case plansProMonthlyPrice = "plans.pro-monthly-price"
    case plansProCommissionDiscount = "plans.pro-commission-discount"
    case reviewsWindowDays = "reviews.window-days"
    case reviewsMinimumWorkDays = "reviews.minimum-work-days"
    case reviewsHoldThreshold = "reviews.hold-threshold"
    case notificationsArchiveAfterDays = "notifications.archive-after-days"
    case notificationsDeleteAfterDays = "notifications.delete-after-days"
    case notificationsBurstWindowMinutes = "notifications.burst-window-minutes"

    /// Where the admin form shows a setting.
    public enum Group: String, CaseIterable, Sendable {
        case site, features, quotas, routing, moderation, projects, payments, fees, tax, plans, reviews, notifications
    }

    public var group: Group {
        switch self {
        case .maintenanceBanner: .site
        case .registrationOpen: .features
        case .ordersPerDay, .proposalsPerDay, .uploadsPerDay: .quotas
        case .routingBatchSize, .routingResponseWindowHours, .routingEnoughProposals, .routingMaximumBatches: .routing
        case .moderationHideThreshold, .moderationBlockedWords, .moderationPreApproval: .moderation
        case .projectsReviewWindowDays, .projectsQuietDays, .projectsTimesheetReviewDays: .projects
        case .paymentsSecurityHoldDays, .paymentsMinimumPayout: .payments
        case .feesClientServiceFee, .feesCommissionTiers, .feesMinimumCommission, .feesCategoryCommission: .fees
        case .taxRates, .taxPlatformCountry: .tax
        case .plansProMonthlyPrice, .plansProCommissionDiscount: .plans
        case .reviewsWindowDays, .reviewsMinimumWorkDays, .reviewsHoldThreshold: .reviews
        case .notificationsArchiveAfterDays, .notificationsDeleteAfterDays, .notificationsBurstWindowMinutes: .notifications
        }
    }

    public var kind: SettingKind {
        switch self {
        case .maintenanceBanner: .text(maximumLength: 280)
        case .registrationOpen: .flag
        case .ordersPerDay: .number(1...1_000, unit: "orders per client per day")
        case .proposalsPerDay: .number(1...1_000, unit: "proposals per provider per day")
        case .uploadsPerDay: .number(1...1_000, unit: "files per account per day")
        case .routingBatchSize: .number(1...100, unit: "providers")
        case .routingResponseWindowHours: .number(1...720, unit: "hours")
        case .routingEnoughProposals: .number(1...100, unit: "proposals")
        case .routingMaximumBatches: .number(1...50, unit: "batches")
        case .moderationHideThreshold: .number(1...100, unit: "points")
        case .moderationBlockedWords: .list(maximumCount: 500, maximumLength: 60)
        case .moderationPreApproval: .choices(ModerationSubject.approvable.map(\.rawValue))
        case .projectsReviewWindowDays: .number(3...60, unit: "days")
        case .projectsQuietDays: .number(1...90, unit: "days")
        case .projectsTimesheetReviewDays: .number(1...30, unit: "days")
        case .paymentsSecurityHoldDays: .number(0...30, unit: "days")
        case .paymentsMinimumPayout: .number(1...1_000, unit: "whole units of the currency")
        case .feesClientServiceFee: .percent
        case .feesCommissionTiers: .rates(.commissionTiers, maximumCount: 10)
        case .feesMinimumCommission: .number(0...100, unit: "whole units of the currency")
        case .feesCategoryCommission: .rates(.categoryRates, maximumCount: 500)
        case .taxRates: .rates(.taxRates, maximumCount: 500)
        case .taxPlatformCountry: .country
        case .plansProMonthlyPrice: .number(1...1_000, unit: "euros a month")
        case .plansProCommissionDiscount: .percent
        case .reviewsWindowDays: .number(3...60, unit: "days")
        case .reviewsMinimumWorkDays: .number(0...60, unit: "days")
        case .reviewsHoldThreshold: .number(1...30, unit: "points")
        case .notificationsArchiveAfterDays: .number(7...3_650, unit: "days")
        case .notificationsDeleteAfterDays: .number(30...3_650, unit: "days")
        case .notificationsBurstWindowMinutes: .number(1...240, unit: "minutes")
        }
    }

    public var defaultValue: SettingValue {
        switch self {
        case .maintenanceBanner: .text("")
        case .registrationOpen: .flag(true)
        case .ordersPerDay: .number(20)
        case .proposalsPerDay: .number(50)
        case .uploadsPerDay: .number(50)
        case .routingBatchSize: .number(10)
        case .routingResponseWindowHours: .number(24)
        case .routingEnoughProposals: .number(3)
        case .routingMaximumBatches: .number(5)
        case .moderationHideThreshold: .number(5)
        case .moderationBlockedWords: .list([])
        case .moderationPreApproval: .list([])
        case .projectsReviewWindowDays: .number(14)
        case .projectsQuietDays: .number(7)
        case .projectsTimesheetReviewDays: .number(5)
        case .paymentsSecurityHoldDays: .number(5)
        case .paymentsMinimumPayout: .number(20)
        case .feesClientServiceFee: .text(FeeSchedule.standard.clientFee.text)
        case .feesCommissionTiers: .list(FeeSchedule.standardTiers.map(\.line))
        case .feesMinimumCommission: .number(0)
        case .feesCategoryCommission: .list([])
        case .taxRates: .list([])
        case .taxPlatformCountry: .text("DE")
        case .plansProMonthlyPrice: .number(19)
        case .plansProCommissionDiscount: .text("25%")
        case .reviewsWindowDays: .number(ReviewRules.standard.windowDays)
        case .reviewsMinimumWorkDays: .number(ReviewRules.standard.minimumWorkDays)
        case .reviewsHoldThreshold: .number(ReviewRules.standard.holdThreshold)
        case .notificationsArchiveAfterDays: .number(NotificationRetention.standard.archiveAfterDays)
        case .notificationsDeleteAfterDays: .number(NotificationRetention.standard.deleteAfterDays)
        case .notificationsBurstWindowMinutes: .number(NotificationBurst.standardWindowMinutes)
        }
    }

    /// The environment variable whose value wins over the stored one, for the settings operators set at deployment.
    public var environmentVariable: String? {
        switch self {
        case .routingBatchSize: "AGORA_ROUTING_BATCH_SIZE"
        case .routingResponseWindowHours: "AGORA_ROUTING_WINDOW_HOURS"
        case .routingEnoughProposals: "AGORA_ROUTING_ENOUGH_PROPOSALS"
        case .routingMaximumBatches: "AGORA_ROUTING_MAX_BATCHES"
        case .maintenanceBanner, .registrationOpen, .ordersPerDay, .proposalsPerDay, .uploadsPerDay, .moderationHideThreshold,
             .moderationBlockedWords, .moderationPreApproval, .projectsReviewWindowDays, .projectsQuietDays, .projectsTimesheetReviewDays,
             .paymentsSecurityHoldDays, .paymentsMinimumPayout, .feesClientServiceFee, .feesCommissionTiers, .feesMinimumCommission,
             .feesCategoryCommission, .taxRates, .taxPlatformCountry, .plansProMonthlyPrice, .plansProCommissionDiscount, .reviewsWindowDays, .reviewsMinimumWorkDays,
             .reviewsHoldThreshold, .notificationsArchiveAfterDays, .notificationsDeleteAfterDays, .notificationsBurstWindowMinutes: nil
        }
    }

    /// The setting's name in the admin form.
    public var title: String {
        switch self {
        case .maintenanceBanner: "Maintenance banner"
        case .registrationOpen: "Sign-ups open"
        case .ordersPerDay: "Orders per day"
        case .proposalsPerDay: "Proposals per day"
        case .uploadsPerDay: "Uploads per day"
        case .routingBatchSize: "Batch size"
        case .routingResponseWindowHours: "Response window"
        case .routingEnoughProposals: "Enough proposals"
        case .routingMaximumBatches: "Most batches"
        case .moderationHideThreshold: "Hiding threshold"
        case .moderationBlockedWords: "Blocked words"
        case .moderationPreApproval: "Approval before publication"
        case .projectsReviewWindowDays: "Milestone review window"
        case .projectsQuietDays: "Quiet after"
        case .projectsTimesheetReviewDays: "Timesheet review"
        case .paymentsSecurityHoldDays: "Security hold"
        case .paymentsMinimumPayout: "Smallest payout"
        case .feesClientServiceFee: "Client service fee"
        case .feesCommissionTiers: "Commission tiers"
        case .feesMinimumCommission: "Least commission"
        case .feesCategoryCommission: "Commission by category"
        case .taxRates: "Tax rates"
        case .taxPlatformCountry: "Platform's country"
        case .plansProMonthlyPrice: "Pro's price"
        case .plansProCommissionDiscount: "Pro's commission discount"
        case .reviewsWindowDays: "Reviewing window"
        case .reviewsMinimumWorkDays: "Least work reviewed"
        case .reviewsHoldThreshold: "Review hold score"
        case .notificationsArchiveAfterDays: "Archive read notifications after"
        case .notificationsDeleteAfterDays: "Delete notifications after"
        case .notificationsBurstWindowMinutes: "Gather a burst of messages for"
        }
    }

    /// What the setting does, in the words the admin form shows.
    public var summary: String {
        switch self {
        case .maintenanceBanner: "A notice shown at the top of every page (empty for none), such as planned maintenance."
        case .registrationOpen: "Whether new accounts may sign up. Existing accounts sign in either way."
        case .ordersPerDay: "How many orders one client may post in 24 hours."
        case .proposalsPerDay: "How many proposals one provider may send in 24 hours."
        case .uploadsPerDay: "How many files one account may upload in 24 hours."
        case .routingBatchSize: "How many providers each batch of an order's routing offers it to."
        case .routingResponseWindowHours: "How long a batch has to answer before routing offers the order to the next one."
        case .routingEnoughProposals: "How many proposals stop routing from sending further batches."
        case .routingMaximumBatches: "The most batches routing sends for one order."
        case .moderationHideThreshold:
            "The score at which reported or filtered content is hidden until a moderator decides (a report from a new reporter counts 2, contact details or a blocked word 5)."
        case .moderationBlockedWords: "Words and phrases, in any language, that send what contains them to the moderation queue."
        case .moderationPreApproval: "The kinds of content that wait for a moderator's approval before anyone else sees them."
        case .projectsReviewWindowDays:
            "How long a client has to answer a submitted milestone: reminded three days before the end, it is approved automatically when the window closes."
        case .projectsQuietDays: "After how many days without activity a running project is shown as quiet."
        case .projectsTimesheetReviewDays:
            "How long after a week of hourly work ends (Sunday midnight, UTC) the client has to approve its time before it is approved automatically."
        case .paymentsSecurityHoldDays: "How long money released to a provider is held before it can be paid out (Upwork holds it 5 days)."
        case .paymentsMinimumPayout: "The smallest amount paid out at once, in whole units of the money's currency."
        case .feesClientServiceFee: "What a client pays on top of each milestone they fund, as a rate of its amount."
        case .feesCommissionTiers:
            "The provider's commission on released money, by what the same client and provider have billed each other before: each part of a release at its band's rate."
        case .feesMinimumCommission: "The least commission taken on one release (never more than the release), in whole units of its currency."
        case .feesCategoryCommission: "Categories whose projects pay one flat commission rate instead of the tiers (a project's category is its order's)."
        case .taxRates:
            "The tax on the platform's fees (the client's service fee, the provider's commission) by the member's country, or region where one is listed. Places not listed pay none; with no lines, nobody pays any."
        case .taxPlatformCountry:
            "Where the platform is established: members there pay its tax even as businesses; businesses elsewhere with a tax number are reverse charged; members without billing details pay its rate."
        case .plansProMonthlyPrice: "What the Pro plan costs a provider each month, in euros before the tax on it; a change applies from each subscription's next renewal."
        case .plansProCommissionDiscount: "How much less commission a provider on the Pro plan pays on each release, as a share of the commission the fees would take."
        case .reviewsWindowDays:
            "How long after a project closes its client and provider may review each other. Neither sees the other's review until both have written theirs or this window closes."
        case .reviewsMinimumWorkDays: "How long a project in which no money moved must have run before its parties may review each other."
        case .reviewsHoldThreshold:
            "The fraud score at which a review is held out of ratings until a moderator decides (a shared sign-in address counts 4; a shared browser, a ring of mutual ratings, a burst from new accounts or a near-copied text 3; a new account, a tiny project or an extreme rating without text 1)."
        case .notificationsArchiveAfterDays: "How long a read notification stays in a member's inbox before it moves to their archive."
        case .notificationsDeleteAfterDays:
            "How long a notification is kept at all, read or not, archived or not; never less than the archiving age."
        case .notificationsBurstWindowMinutes:
            "Messages one member sends in a project within this time of the last become one notification (\"Ana sent 10 messages\"), with one email, while it is unread."
        }
    }

    /// A number that names the setting in the audit log, which records targets by number. Never reuse one.
    public var number: Int64 {
        switch self {
        case .maintenanceBanner: 1
        case .registrationOpen: 2
        case .ordersPerDay: 3
        case .proposalsPerDay: 4
        case .uploadsPerDay: 5
        case .routingBatchSize: 6
        case .routingResponseWindowHours: 7
        case .routingEnoughProposals: 8
        case .routingMaximumBatches: 9
        case .moderationHideThreshold: 10
        case .moderationBlockedWords: 11
        case .moderationPreApproval: 12
        case .projectsReviewWindowDays: 13
        case .projectsQuietDays: 14
        case .projectsTimesheetReviewDays: 15
        case .paymentsSecurityHoldDays: 16
        case .paymentsMinimumPayout: 17
        case .feesClientServiceFee: 18
        case .feesCommissionTiers: 19
        case .feesMinimumCommission: 20
        case .feesCategoryCommission: 21
        case .taxRates: 22
        case .taxPlatformCountry: 23
        case .plansProMonthlyPrice: 24
        case .plansProCommissionDiscount: 25
        case .reviewsWindowDays: 26
        case .reviewsMinimumWorkDays: 27
        case .reviewsHoldThreshold: 28
        case .notificationsArchiveAfterDays: 29
        case .notificationsDeleteAfterDays: 30
        case .notificationsBurstWindowMinutes: 31
        }
    }
}
