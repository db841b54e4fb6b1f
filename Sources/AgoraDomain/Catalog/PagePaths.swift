import Foundation

/// Every URL path of the site, in one place: the generated pages (providers, categories), the app shells that an
/// island fills in from the API, and the links to them that the API, the emails, the notifications and (through
/// the paths each app shell carries) the islands' scripts make.
public enum PagePaths {
    /// Where every provider page lives.
    public static let providersPrefix = "/providers/"
    /// Where uploaded media are served (`Storage/media/`, beside the generated site rather than in it).
    public static let media = "/media/"
    /// Where every category page lives.
    public static let categoriesPrefix = "/categories/"

    public static func provider(_ slug: Slug) -> String { providersPrefix + slug.value + "/" }

    public static func category(_ slug: Slug, page: Int = 1) -> String {
        page <= 1 ? categoriesPrefix + slug.value + "/" : categoriesPrefix + slug.value + "/page/\(page)/"
    }

    /// The category and page number of a listing page's path; nil for any other path.
    public static func categoryPage(at path: String) -> (slug: Slug, page: Int)? {
        guard path.hasPrefix(categoriesPrefix), path.hasSuffix("/") else { return nil }
        let parts = path.dropFirst(categoriesPrefix.count).dropLast().split(separator: "/", omittingEmptySubsequences: false)
        guard let slug = parts.first.flatMap({ try? Slug(String($0)) }) else { return nil }
        switch parts.count {
        case 1: return (slug, 1)
        case 3 where parts[1] == "page":
            guard let page = Int(parts[2]), page > 1, category(slug, page: page) == path else { return nil }
            return (slug, page)
        default: return nil
        }
    }

    // MARK: App shells

    public static let register = "/register/"
    public static let checkInbox = "/check-inbox/"
    public static let verifyEmail = "/verify-email/"
    public static let login = "/login/"
    public static let forgotPassword = "/forgot-password/"
    public static let resetPassword = "/reset-password/"
    public static let signInLink = "/sign-in-link/"
    public static let securitySettings = "/settings/security/"
    /// Where a provider writes their profile.
    public static let profileEditor = "/settings/profile/"
    /// Where a client sets what providers see of them on their orders.
    public static let clientDetails = "/settings/details/"
    /// Where a provider sees how often their page and portfolio were viewed.
    public static let providerDashboard = "/settings/dashboard/"
    /// Where a provider downloads or prints everything they wrote about themselves.
    public static let profileExport = "/settings/profile/export/"
    /// Where a provider keeps their portfolio.
    public static let portfolioManager = "/settings/portfolio/"
    /// Where a provider sends documents to be verified.
    public static let verificationCentre = "/settings/verification/"
    public static let search = "/search/"
    public static let saved = "/saved/"
    /// Where a member reads, filters and archives their notifications.
    public static let notifications = "/notifications/"
    /// Where a member chooses what they are told where: channels per category, quiet hours.
    public static let notificationPreferences = "/settings/notifications/"
    /// Where the footer of an optional email leads: it says what the link stops and asks before it does.
    public static let unsubscribe = "/unsubscribe/"
    public static let newOrder = "/orders/new/"
    public static let orders = "/orders/"
    public static let order = "/orders/view/"
    public static let ordersInbox = "/orders/inbox/"
    /// Where a member sees their projects: counts, what waits for them, every project's card.
    public static let projects = "/projects/"
    /// One project's room: its milestones, deliverables and activity.
    public static let project = "/projects/view/"
    public static let unauthorized = "/unauthorized/"
    public static let admin = "/admin/"
    public static let adminUsers = "/admin/users/"
    public static let adminStaff = "/admin/staff/"
    public static let adminAuditLog = "/admin/audit-log/"
    public static let adminTestimonials = "/admin/testimonials/"
    public static let adminSearch = "/admin/search/"
    public static let adminSettings = "/admin/settings/"
    public static let adminModeration = "/admin/moderation/"
    public static let adminCategories = "/admin/categories/"
    public static let adminOrders = "/admin/orders/"
    public static let adminBulk = "/admin/bulk/"
    public static let adminProfiles = "/admin/profiles/"
    public static let adminVerifications = "/admin/verifications/"
    public static let adminSkills = "/admin/skills/"
    public static let adminDisputes = "/admin/disputes/"
    public static let adminReviews = "/admin/reviews/"
    /// What became of notifications, and marketplace news to send.
    public static let adminNotifications = "/admin/notifications/"
    /// Where staff edit the messages the marketplace sends.
    public static let adminEmailTemplates = "/admin/email-templates/"
    /// A member's money: the wallet, the payout account and payouts.
    public static let money = "/settings/money/"
    /// A member's transactions, with filters and the CSV export, and their yearly statements.
    public static let transactions = "/settings/money/transactions/"
    /// The printable receipt of one transaction.
    public static let receipt = "/settings/money/receipt/"
    /// The printable statement of one year.
    public static let statement = "/settings/money/statement/"
    /// The books: the finance summary and the ledger's verification.
    public static let adminFinance = "/admin/finance/"
    /// Where members see the moderators' decisions on what they wrote, and appeal them.
    public static let appeals = "/appeals/"

    /// The sign-in page asking for the second factor of a sign-in that waits for it, then going on to `next`. The
    /// challenge is in the fragment, which browsers send to no server and in no `Referer`.
    public static func secondFactorPrompt(challenge: String, next: String) -> String {
        let escapedNext = next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return login + "?next=" + escapedNext + "#challenge=" + challenge
    }

    /// One order's page.
    public static func order(_ id: Int64) -> String { order + "?id=\(id)" }

    /// One project's room.
    public static func project(_ id: Int64) -> String { project + "?id=\(id)" }

    /// Upcoming meetings, as a list, a week and a month.
    public static let meetings = "/meetings/"
    /// The scheduling form.
    public static let scheduleMeeting = "/meetings/new/"
    /// One meeting's page: agenda, participants, answers, the join button.
    public static let meeting = "/meetings/view/"
    /// The page that signs a participant in and sends them on to the room.
    public static let meetingJoin = "/meetings/join/"
    /// Where a guest invited by email answers and joins, through their signed link.
    public static let meetingInvitation = "/meetings/invitation/"
    /// The calendar feed and the CalDAV connection.
    public static let calendarSettings = "/settings/calendar/"

    public static func meeting(_ id: Int64) -> String { meeting + "?id=\(id)" }

    /// The join link calendars carry: the service sends it on to the joining page, which checks who asks.
    public static func joinMeeting(_ id: Int64) -> String { "/meetings/\(id)/join" }

    /// A guest's own link to their invitation; the token in the fragment, which no server log or `Referer` receives.
    public static func meetingInvitation(token: String) -> String { meetingInvitation + "#token=" + token }

    /// The local processor's page where a card's authentication step (3-D Secure) is answered.
    public static let paymentAuthentication = "/payments/authenticate/"

    /// That page for one payment.
    public static func paymentAuthentication(_ id: Int64) -> String { paymentAuthentication + "?payment=\(id)" }

    /// The receipt of one transaction (`payment-12`).
    public static func receipt(_ transactionID: String) -> String { receipt + "?id=\(transactionID)" }

    /// The statement of one year.
    public static func statement(_ year: Int) -> String { statement + "?year=\(year)" }

    /// The search page with a category chosen.
    public static func search(category: Slug) -> String { search + "?category=\(category.value)" }

    /// The search page with a query string (without its `?`), or without one.
    public static func search(query: String) -> String { query.isEmpty ? search : search + "?" + query }

    /// The paths the islands' scripts use, by the names they use (`Agora.paths.login`).
    public static let forScripts: [String: String] = [
        "register": register, "checkInbox": checkInbox, "login": login, "forgotPassword": forgotPassword,
        "securitySettings": securitySettings, "search": search, "saved": saved, "notifications": notifications, "notificationPreferences": notificationPreferences, "unsubscribe": unsubscribe, "newOrder": newOrder, "orders": orders,
        "order": order, "ordersInbox": ordersInbox, "projects": projects, "project": project, "unauthorized": unauthorized, "providers": providersPrefix,
        "admin": admin, "adminUsers": adminUsers, "adminStaff": adminStaff, "adminAuditLog": adminAuditLog,
        "adminTestimonials": adminTestimonials, "adminSearch": adminSearch, "adminSettings": adminSettings,
        "adminModeration": adminModeration, "appeals": appeals, "adminCategories": adminCategories, "adminOrders": adminOrders,
        "adminBulk": adminBulk, "profileEditor": profileEditor, "profileExport": profileExport, "providerDashboard": providerDashboard, "clientDetails": clientDetails, "adminProfiles": adminProfiles,
        "portfolioManager": portfolioManager, "verificationCentre": verificationCentre, "adminVerifications": adminVerifications, "adminSkills": adminSkills, "adminDisputes": adminDisputes, "adminReviews": adminReviews, "adminNotifications": adminNotifications, "adminEmailTemplates": adminEmailTemplates, "money": money,
        "transactions": transactions, "receipt": receipt, "statement": statement, "adminFinance": adminFinance,
        "meetings": meetings, "scheduleMeeting": scheduleMeeting, "meeting": meeting, "meetingJoin": meetingJoin,
        "meetingInvitation": meetingInvitation, "calendarSettings": calendarSettings,
    ]
}
