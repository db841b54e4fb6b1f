import AgoraDomain
import AgoraTemplates
import Foundation

/// The pages of the dynamic parts (sign-in, registration, settings): static shells, kept out of search engines,
/// that an island script fills in by calling the API. Each has its template in `Layouts/app/` and its script in
/// `Layouts/assets/js/pages/`; the rules the forms check in the browser are written into the page from the domain
/// module, so the page and the API never disagree.
struct AppShellPage: SitePage {
    struct Shell: Sendable {
        let path: String
        /// The template in `Layouts/app/` and the script in `Layouts/assets/js/pages/`.
        let name: String
        let title: String
        let description: String
    }

    static let shells: [Shell] = [
        Shell(path: PagePaths.register, name: "register", title: "Create your account",
              description: "Join as a client to hire, or as a provider to find work."),
        Shell(path: PagePaths.checkInbox, name: "check-inbox", title: "Check your inbox",
              description: "Confirm your email address to finish creating your account."),
        Shell(path: PagePaths.verifyEmail, name: "verify-email", title: "Confirm your email address",
              description: "Confirming your email address."),
        Shell(path: PagePaths.login, name: "login", title: "Sign in", description: "Sign in to your account."),
        Shell(path: PagePaths.forgotPassword, name: "forgot-password", title: "Forgot your password?",
              description: "Get a link to choose a new password."),
        Shell(path: PagePaths.resetPassword, name: "reset-password", title: "Choose a new password",
              description: "Choose a new password for your account."),
        Shell(path: PagePaths.signInLink, name: "sign-in-link", title: "Sign in with your link",
              description: "Sign in with the one-time link we emailed you."),
        Shell(path: PagePaths.securitySettings, name: "settings-security", title: "Security settings",
              description: "Change your password, turn on two-factor sign-in and see where you are signed in."),
        Shell(path: PagePaths.profileEditor, name: "profile-editor", title: "Your provider profile",
              description: "Write your provider profile, see how complete it is, publish it and go back to any version."),
        Shell(path: PagePaths.clientDetails, name: "client-details", title: "What providers see",
              description: "The company you hire for, your country and a photo: what providers see on your orders."),
        Shell(path: PagePaths.providerDashboard, name: "provider-dashboard", title: "Your dashboard",
              description: "How often clients viewed your page and your portfolio, day by day, and what your profile shows."),
        Shell(path: PagePaths.profileExport, name: "profile-export", title: "Your profile, to keep",
              description: "Download everything you wrote about yourself as a file, or print it."),
        Shell(path: PagePaths.portfolioManager, name: "portfolio", title: "Your portfolio",
              description: "Show your work: items with images and captions, in the order you choose, published when you are ready."),
        Shell(path: PagePaths.verificationCentre, name: "verification", title: "Verification",
              description: "Send a document to be verified, see what staff decided and why, and appeal a refusal."),
        Shell(path: PagePaths.search, name: "search", title: "Find a provider",
              description: "Search providers by skill, place, price, rating and availability."),
        Shell(path: PagePaths.saved, name: "saved", title: "Saved searches and favourites",
              description: "The searches and providers you kept."),
        Shell(path: PagePaths.notifications, name: "notifications", title: "Notifications",
              description: "What the marketplace told you: filter, search, mark read and archive."),
        Shell(path: PagePaths.notificationPreferences, name: "notification-preferences", title: "Notification preferences",
              description: "Choose what reaches you in the app and by email, and quiet hours for email."),
        Shell(path: PagePaths.unsubscribe, name: "unsubscribe", title: "Unsubscribe",
              description: "Stop one kind of email from the marketplace, or all optional email."),
        Shell(path: PagePaths.newOrder, name: "order-new", title: "Post an order",
              description: "Describe the work, attach files, set a budget and a deadline: matching providers will propose."),
        Shell(path: PagePaths.orders, name: "orders", title: "Your orders",
              description: "Your orders, where each stands and the proposals they drew."),
        Shell(path: PagePaths.order, name: "order", title: "Order",
              description: "An order, its history, files and proposals."),
        Shell(path: PagePaths.ordersInbox, name: "orders-inbox", title: "Orders for you",
              description: "The orders offered to you and the open orders you can propose on."),
        Shell(path: PagePaths.money, name: "money", title: "Your money",
              description: "Money held in escrow, on hold, available and paid out, the bank account payouts go to, and your payouts."),
        Shell(path: PagePaths.transactions, name: "transactions", title: "Your transactions",
              description: "Your payments, refunds, earnings and payouts, filtered and exported, and your year month by month."),
        Shell(path: PagePaths.receipt, name: "receipt", title: "Receipt",
              description: "The receipt of one of your transactions, ready to print."),
        Shell(path: PagePaths.statement, name: "statement", title: "Statement",
              description: "Your year's payments, refunds, earnings and payouts, ready to print."),
        Shell(path: PagePaths.projects, name: "projects", title: "Your projects",
              description: "Every project you work on: where each stands, what waits for you, what is due soon."),
        Shell(path: PagePaths.project, name: "project", title: "Project",
              description: "A project's milestones, deliverables, reviews and activity."),
        Shell(path: PagePaths.meetings, name: "meetings", title: "Your meetings",
              description: "Your coming meetings as a list, a week or a month, in your own time zone."),
        Shell(path: PagePaths.scheduleMeeting, name: "meeting-new", title: "Schedule a meeting",
              description: "Schedule a meeting or a series for a project, see it in each time zone, invite guests and set reminders."),
        Shell(path: PagePaths.meeting, name: "meeting", title: "Meeting",
              description: "A meeting's time in each zone, its agenda, who comes, your answer and the way in."),
        Shell(path: PagePaths.meetingJoin, name: "meeting-join", title: "Joining the meeting",
              description: "Checking who you are, then on to the meeting's room."),
        Shell(path: PagePaths.meetingInvitation, name: "meeting-invitation", title: "Your invitation",
              description: "A meeting you were invited to by email: answer it and join it."),
        Shell(path: PagePaths.calendarSettings, name: "calendar-settings", title: "Your calendar",
              description: "A private address your calendar application subscribes to, with your meetings and due dates."),
        Shell(path: PagePaths.paymentAuthentication, name: "payment-authenticate", title: "Confirm your payment",
              description: "The local payment processor's card authentication step."),
        Shell(path: PagePaths.unauthorized, name: "unauthorized", title: "You can't open this page",
              description: "This page needs another kind of account."),
        Shell(path: PagePaths.admin, name: "admin", title: "Administration",
              description: "The administration: figures, alerts and the way to each part you may open."),
        Shell(path: PagePaths.adminUsers, name: "admin-users", title: "Users",
              description: "Search accounts, open one, suspend or ban it and lift it."),
        Shell(path: PagePaths.adminProfiles, name: "admin-profiles", title: "Profiles to review",
              description: "First publications of providers' profiles and changes held for review, approved or refused."),
        Shell(path: PagePaths.adminDisputes, name: "admin-disputes", title: "Disputes",
              description: "Disputes over milestones' money: both sides' case and evidence, and the decision that splits what was held."),
        Shell(path: PagePaths.adminReviews, name: "admin-reviews", title: "Reviews to moderate",
              description: "Reviews held for their fraud signals, reported by members or appealed by the member reviewed, and the decisions on them."),
        Shell(path: PagePaths.adminNotifications, name: "admin-notifications", title: "Notification figures and news",
              description: "What became of each kind of notification — read in the app, emailed, failed, gathered in digests — and marketplace news to send."),
        Shell(path: PagePaths.adminEmailTemplates, name: "admin-email-templates", title: "Email templates",
              description: "Every message the marketplace sends: edit, preview, test and publish it, or go back to an earlier version."),
        Shell(path: PagePaths.adminFinance, name: "admin-finance", title: "Finance",
              description: "What the ledger's accounts hold, what moved in a period, what waits, and the ledger's check."),
        Shell(path: PagePaths.adminSkills, name: "admin-skills", title: "Skills",
              description: "The catalogue of skills providers choose from and clients search by: add, see where each is offered, remove."),
        Shell(path: PagePaths.adminVerifications, name: "admin-verifications", title: "Verifications",
              description: "Documents providers sent to be verified, opened, approved or refused with a reason, and appeals."),
        Shell(path: PagePaths.adminBulk, name: "admin-bulk", title: "Bulk operations",
              description: "Suspend, let back in or confirm every account a search finds, with a preview, progress and undo."),
        Shell(path: PagePaths.adminStaff, name: "admin-staff", title: "Staff",
              description: "Invite staff, change their roles, take them out of the staff."),
        Shell(path: PagePaths.adminAuditLog, name: "admin-audit-log", title: "Audit log",
              description: "Every change staff made, searchable and exportable."),
        Shell(path: PagePaths.adminTestimonials, name: "admin-testimonials", title: "Testimonials",
              description: "Approve, reject and feature what members write about the marketplace."),
        Shell(path: PagePaths.adminSearch, name: "admin-search", title: "Search analytics",
              description: "What visitors search for, what finds nothing, and how each category is used."),
        Shell(path: PagePaths.adminModeration, name: "admin-moderation", title: "Moderation",
              description: "Reported and filtered content, claimed and decided, escalations and appeals."),
        Shell(path: PagePaths.appeals, name: "appeals", title: "Moderation decisions",
              description: "What moderators decided about what you wrote, and your appeals."),
        Shell(path: PagePaths.adminCategories, name: "admin-categories", title: "Categories",
              description: "The category tree: create, rename, move, reorder and hide categories, and list providers in them."),
        Shell(path: PagePaths.adminOrders, name: "admin-orders", title: "Orders and routing",
              description: "Every order, and who each was offered to, batch by batch, with offers added or withdrawn by hand."),
        Shell(path: PagePaths.adminSettings, name: "admin-settings", title: "Settings",
              description: "The platform's settings, their history, and a way back to any earlier value."),
    ]

    /// Paths robots.txt closes to crawlers: the shells have nothing to index. A shell below another (`/admin/users/`
    /// below `/admin/`) is closed by its parent's line.
    static var robotsPaths: [String] {
        let paths = shells.map(\.path)
        return paths.filter { path in !paths.contains { $0 != path && path.hasPrefix($0) } }
    }

    /// What the shell templates receive beside the common page view.
    struct Content: TemplateFields {
        let script: String
        /// The dial-code table, as safe JSON for a `<script type="application/json">`.
        let countriesJSON: String?
        /// The search page's limits and choices, from the same rules the API applies.
        let search: SearchRules?
        /// The order pages' limits and choices, from the same rules the API applies.
        let orders: OrderRules?
        /// The profile editor's limits and choices, from the same rules the API applies.
        let profile: ProfileRules?
        /// The project pages' limits and words, from the same rules the API applies.
        let projects: ProjectPageRules?
        /// The meeting pages' limits and words, from the same rules the API applies.
        let meetings: MeetingPageRules?

        func templateValue(named name: String) -> TemplateValue? {
            switch name {
            case "script": .text(script)
            case "passwordMinimumCharacters": .number(PasswordPolicy.minimumCharacters)
            case "passwordMaximumBytes": .number(PasswordPolicy.maximumBytes)
            case "nameMaximumLength": .number(PersonName.maximumLength)
            case "emailMaximumLength": .number(Email.maximumLength)
            case "countriesJSON": .optional(countriesJSON)
            case "suspensionDaysMaximum": .number(SuspensionDecision.longestSuspensionDays)
            case "suspensionReasonMaximum": .number(SuspensionDecision.reasonMaximumLength)
            case "staffRoles": AppShellPage.staffRoleOptions
            case "auditedActions": .texts(AuditedAction.allCases.map(\.rawValue))
            case "search": .optional(search)
            case "orders": .optional(orders)
            case "profile": .optional(profile)
            case "projects": .optional(projects)
            case "meetings": .optional(meetings)
            default: nil
            }
        }
    }

    struct ProfileRules: TemplateFields {
        func templateValue(named name: String) -> TemplateValue? {
            switch name {
            case "titleMaximum": .number(ProfileContent.titleLength.upperBound)
            case "bioMaximum": .number(ProfileContent.bioMaximumLength)
            case "categoriesMaximum": .number(ProfileContent.maximumCategories)
            case "skillsMaximum": .number(ProfileContent.maximumSkills)
            case "freeSkillsMaximum": .number(SkillChoice.maximumFreeSkills)
            case "backgroundKinds": .list(BackgroundKind.allCases.map { .fields(BackgroundKindRules(kind: $0)) })
            case "currencies": .texts(CurrencyCode.supported.sorted())
            case "photoMegabytes": .number(Int(ImageUploadLimits.maximumBytes / 1_048_576))
            case "photoMinimumSide": .number(ProfilePhoto.minimumSide)
            case "portfolioItemsMaximum": .number(PortfolioContent.maximumItems)
            case "portfolioImagesMaximum": .number(PortfolioContent.maximumImages)
            case "portfolioTitleMaximum": .number(PortfolioContent.titleLength.upperBound)
            case "portfolioDescriptionMaximum": .number(PortfolioContent.descriptionMaximumLength)
            case "portfolioSkillsMaximum": .number(PortfolioContent.maximumSkills)
            case "portfolioLinkMaximum": .number(PortfolioContent.linkMaximumLength)
            case "captionMaximum": .number(PortfolioContent.captionMaximumLength)
            case "documentMegabytes": .number(Int(VerificationRules.maximumDocumentBytes / 1_048_576))
            case "documentTypes": .text(VerificationRules.documentTypesDescribed)
            case "documentKinds": .list(VerificationKind.withDocuments.map { .fields(KindOption(kind: $0)) })
            case "noteMaximum": .number(VerificationRules.noteLength.upperBound)
            case "statementMinimum": .number(VerificationRules.statementLength.lowerBound)
            case "statementMaximum": .number(VerificationRules.statementLength.upperBound)
            case "appealDays": .number(Int(VerificationRules.appealWindow / 86_400))
            case "retentionDays": .number(Int(VerificationRules.documentRetention / 86_400))
            default: nil
            }
        }
    }

    struct OrderRules: TemplateFields {
        func templateValue(named name: String) -> TemplateValue? {
            switch name {
            case "titleMinimum": .number(OrderDetails.titleLength.lowerBound)
            case "titleMaximum": .number(OrderDetails.titleLength.upperBound)
            case "descriptionMinimum": .number(OrderDetails.descriptionLength.lowerBound)
            case "descriptionMaximum": .number(OrderDetails.descriptionLength.upperBound)
            case "maximumSkills": .number(OrderDetails.maximumSkills)
            case "maximumRequirements": .number(OrderDetails.maximumRequirements)
            case "messageMinimum": .number(ProposalTerms.messageLength.lowerBound)
            case "messageMaximum": .number(ProposalTerms.messageLength.upperBound)
            case "timelineMaximum": .number(ProposalTerms.timelineDays.upperBound)
            case "weeklyLimitMinimum": .number(HourlyRules.weeklyLimitHours.lowerBound)
            case "weeklyLimitMaximum": .number(HourlyRules.weeklyLimitHours.upperBound)
            case "maximumFiles": .number(OrderFileLimits.maximumFiles)
            case "maximumFileMegabytes": .number(OrderFileLimits.maximumMegabytes)
            case "acceptedFiles": .text(AttachmentType.described)
            case "currencies": .texts(CurrencyCode.supported.sorted())
            case "priorities": .texts(OrderPriority.allCases.map(\.rawValue))
            case "countries": AppShellPage.countryOptions
            default: nil
            }
        }
    }

    struct SearchRules: TemplateFields {
        func templateValue(named name: String) -> TemplateValue? {
            switch name {
            case "textMaximumLength": .number(ProviderSearchQuery.maximumTextLength)
            case "pageSize": .number(ProviderSearchQuery.defaultLimit)
            case "listMaximum": .number(ProviderSearchQuery.maximumListItems)
            case "suggestionTextMaximumLength": .number(SuggestionMatcher.maximumTextLength)
            case "savedSearchNameMaximumLength": .number(SavedSearchForm.maximumNameLength)
            case "currencies": .texts(CurrencyCode.supported.sorted())
            case "countries": AppShellPage.countryOptions
            default: nil
            }
        }
    }

    /// The staff roles for a `<select>`: value and label.
    static let staffRoleOptions = TemplateValue.list(StaffRole.allCases.map { role in
        .fields(["value": TemplateValue.text(role.rawValue), "label": .text(role.title.prefix(1).uppercased() + role.title.dropFirst())])
    })

    /// The countries for a `<select>`: code and name.
    static let countryOptions = TemplateValue.list(Countries.all.map { country in
        .fields(["code": TemplateValue.text(country.code), "name": .text(country.name)])
    })

    /// A country of the register form's dial-code table.
    struct CountryEntry: Encodable {
        let code: String
        let name: String
        let dial: String
        let lengths: [Int]
    }

    let context: SiteContext
    let shell: Shell
    /// A shell shows the site and its rules only.
    let key: InputKey
    var path: String { shell.path }

    func render(with providers: [Int64: ProviderProfile]) throws -> RenderedPage? {
        try render()
    }

    private func render() throws -> RenderedPage {
        let meta = context.meta(title: shell.title, description: shell.description, path: shell.path, noindex: true)
        let countries = Countries.all.map {
            CountryEntry(code: $0.code, name: $0.name, dial: $0.dialCode,
                         lengths: [$0.nationalNumberLengths.lowerBound, $0.nationalNumberLengths.upperBound])
        }
        let content = Content(
            script: context.assets.url(of: "/assets/js/pages/\(shell.name).js"),
            countriesJSON: ["register", "client-details"].contains(shell.name) ? ScriptSafeJSON.encode(countries) : nil,
            search: shell.name == "search" ? SearchRules() : nil,
            orders: shell.name.hasPrefix("order") ? OrderRules() : nil,
            profile: ["profile-editor", "portfolio", "verification", "admin-verifications", "client-details", "admin-skills"].contains(shell.name) ? ProfileRules() : nil,
            projects: shell.name.hasPrefix("project") ? ProjectPageRules() : nil,
            meetings: shell.name.hasPrefix("meeting") ? MeetingPageRules() : nil
        )
        let html = try context.render("app/\(shell.name)", meta: meta, breadcrumbs: [], content: content)
        return RenderedPage(path: shell.path, html: html, lastModified: nil, inSitemap: false)
    }
}

/// A kind of verification as a `<select>` option.
private struct KindOption: TemplateFields {
    let kind: VerificationKind

    func templateValue(named name: String) -> TemplateValue? {
        switch name {
        case "value": .text(kind.rawValue)
        case "title": .text(kind.title)
        default: nil
        }
    }
}

/// What the profile editor's list of one background kind says and allows (`BackgroundKind`, `BackgroundEntry`).
private struct BackgroundKindRules: TemplateFields {
    let kind: BackgroundKind

    func templateValue(named name: String) -> TemplateValue? {
        switch name {
        case "field": .text(kind.field)
        case "heading": .text(kind.heading)
        case "titleName": .text(kind.titleName)
        case "organisationName": .text(kind.organisationName)
        case "openEnd": .text(kind.openEnd)
        case "needsOrganisation": .flag(kind.needsOrganisation)
        case "needsStart": .flag(kind.needsStart)
        case "hasLink": .flag(kind.hasLink)
        case "entriesMaximum": .number(BackgroundEntry.maximumEntries)
        case "titleMaximum": .number(BackgroundEntry.titleLength.upperBound)
        case "organisationMaximum": .number(BackgroundEntry.organisationLength.upperBound)
        case "descriptionMaximum": .number(BackgroundEntry.descriptionMaximumLength)
        case "linkMaximum": .number(BackgroundEntry.linkMaximumLength)
        default: nil
        }
    }
}
