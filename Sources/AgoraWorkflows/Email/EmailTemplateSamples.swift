import AgoraDomain
import AgoraTemplates

/// What each message is for and the made-up values its preview and test email are written with, so an
/// administrator sees an edit as a member would, before anyone receives it.
public enum EmailTemplateSamples {
    /// One sentence per message, for the editor's list.
    public static let purposes: [String: String] = [
        "verification": "Asks a new member to confirm their email address.",
        "welcome": "Welcomes a member once their address is confirmed.",
        "signup-attempt": "Tells the owner of an address that someone tried to register with it again.",
        "password-reset": "Sends the link to choose a new password.",
        "password-changed": "Confirms a password change, with a way back if it was not the member.",
        "sign-in-attempts": "Warns of repeated failed sign-ins.",
        "order-confirmation": "Confirms a client's new order or saved draft.",
        "marketplace-update": "Every notification's email: proposals, projects, payments, reviews, messages and news.",
        "staff-invitation": "Invites someone to join the staff.",
        "account-suspended": "Tells a member their account was suspended or banned, and why.",
        "account-restored": "Tells a member their suspension ended.",
        "recovery-code-used": "Warns that a two-factor recovery code was used.",
        "password-reset-required": "Asks a member to choose a new password before signing in again.",
        "moderation-decision": "Tells a member what moderators decided about their content.",
        "appeal-decided": "Tells a member how their appeal was decided.",
        "staff-message": "A message written by staff to one member or many.",
        "profile-reviewed": "Tells a provider whether their profile was approved.",
        "verification-decided": "Tells a provider whether a document was verified.",
        "payout-account-changed": "Warns a provider that the bank account for payouts changed.",
        "notification-digest": "The daily or weekly digest of unread notifications.",
    ]

    /// Made-up values for every name the message's file uses.
    public static func fields(for key: String, in templates: EmailTemplates, baseURL: String) -> [String: TemplateValue] {
        var fields: [String: TemplateValue] = [:]
        for name in templates.variables(of: key) {
            fields[name] = known[name] ?? .text("[\(name)]")
        }
        for (name, value) in links where fields[name] != nil { fields[name] = .text(baseURL + value) }
        if key == "notification-digest" {
            fields["groups"] = .list([.fields([
                "label": .text(NotificationCategory.proposals.label),
                "threads": .list([.fields([
                    "title": .text("Kim Park sent a proposal"), "link": .text(baseURL + PagePaths.orders), "more": .number(2),
                ] as [String: TemplateValue])]),
            ] as [String: TemplateValue])])
        }
        return fields
    }

    private static let known: [String: TemplateValue] = [
        "first_name": .text("Ada"), "headline": .text("Kim Park sent a proposal"), "message": .text("Logo redesign: 450.00 EUR in 3 milestones."),
        "action": .text("See the proposal"), "reason": .text("The listing repeats another member's text."), "title": .text("Logo redesign"),
        "reference": .text("ORD-2026-00042"), "budget": .text("400.00 EUR–600.00 EUR"), "deadline": .text("2026-12-20 17:00"),
        "time_zone": .text("Europe/Paris"), "status_sentence": .text("Your order is open: matching providers are being told about it."),
        "subject": .text("About your listing"), "excerpt": .text("Fast logos, any style…"), "decision": .text("approved"), "outcome": .text("upheld"),
        "status": .text("suspended"), "until": .text("20 December 2026 at 10:00 UTC"), "when": .text("7 December 2026 at 10:00 UTC"),
        "how": .text("from Firefox on Linux"), "left": .text("7"), "attempts": .text("5"), "minutes": .text("15"), "role": .text("moderator"),
        "inviter": .text("Grace Hopper"), "holder_name": .text("Kim Park"), "iban_masked": .text("DE89 •••• •••• 3000"), "kind": .text("identity document"),
        "expires": .text("7 December 2027"), "appeal_days": .text("14"), "retention_days": .text("30"), "approved": .flag(true),
        "search_name": .text("Kotlin people"), "count_text": .text("2 new providers"), "names": .text("Kim Park, Lee Chan"),
        "intro": .text("Here is what you have not read yet since your last digest (3), by what it is about."), "period": .text("daily"),
        "unsubscribe_label": .text("emails about Proposals"), "site_name": .text("Agora"),
    ]

    /// Sample links, made absolute with the site's address.
    private static let links: [String: String] = [
        "link": PagePaths.orders, "reset_link": PagePaths.forgotPassword, "login_link": PagePaths.login, "money_link": PagePaths.money,
        "notifications_link": PagePaths.notifications, "settings_link": PagePaths.notificationPreferences,
        "preferences_link": PagePaths.notificationPreferences, "unsubscribe_link": PagePaths.unsubscribe + "?token=sample", "site_url": "",
    ]
}
