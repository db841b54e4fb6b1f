import AgoraDomain
import Foundation

/// The pages of the dynamic parts (sign-in, registration, settings): static shells, kept out of search engines,
/// that an island script fills in by calling the API. Each has its template in `Layouts/app/` and its script in
/// `Layouts/assets/js/pages/`; the rules the forms check in the browser are written into the page from the domain
/// module, so the page and the API never disagree.
struct AppShellPage {
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
        Shell(path: PagePaths.securitySettings, name: "settings-security", title: "Security settings",
              description: "Change your password and see where you are signed in."),
        Shell(path: PagePaths.search, name: "search", title: "Find a provider",
              description: "Search providers by skill, place, price, rating and availability."),
        Shell(path: PagePaths.saved, name: "saved", title: "Saved searches and favourites",
              description: "The searches and providers you kept."),
        Shell(path: PagePaths.newOrder, name: "order-new", title: "Post an order",
              description: "Describe the work, attach files, set a budget and a deadline: matching providers will propose."),
        Shell(path: PagePaths.orders, name: "orders", title: "Your orders",
              description: "Your orders, where each stands and the proposals they drew."),
        Shell(path: PagePaths.order, name: "order", title: "Order",
              description: "An order, its history, files and proposals."),
        Shell(path: PagePaths.ordersInbox, name: "orders-inbox", title: "Orders for you",
              description: "The orders offered to you and the open orders you can propose on."),
        Shell(path: PagePaths.unauthorized, name: "unauthorized", title: "You can't open this page",
              description: "This page needs another kind of account."),
    ]

    /// Paths robots.txt closes to crawlers: the shells have nothing to index.
    static var robotsPaths: [String] { shells.map(\.path) }

    /// What the shell templates receive beside the common page view.
    struct Content: Encodable {
        let script: String
        /// The site's paths for the scripts (`PagePaths.forScripts`), as safe JSON for a `<script type="application/json">`.
        let pathsJSON = ScriptSafeJSON.encode(PagePaths.forScripts)
        let passwordMinimumCharacters = PasswordPolicy.minimumCharacters
        let passwordMaximumBytes = PasswordPolicy.maximumBytes
        let nameMaximumLength = PersonName.maximumLength
        let emailMaximumLength = Email.maximumLength
        /// The dial-code table, as safe JSON for a `<script type="application/json">`.
        let countriesJSON: String?
        /// The search page's limits and choices, from the same rules the API applies.
        let search: SearchRules?
        /// The order pages' limits and choices, from the same rules the API applies.
        let orders: OrderRules?
    }

    struct OrderRules: Encodable {
        let titleMinimum = OrderDetails.titleLength.lowerBound
        let titleMaximum = OrderDetails.titleLength.upperBound
        let descriptionMinimum = OrderDetails.descriptionLength.lowerBound
        let descriptionMaximum = OrderDetails.descriptionLength.upperBound
        let maximumSkills = OrderDetails.maximumSkills
        let maximumRequirements = OrderDetails.maximumRequirements
        let messageMinimum = ProposalTerms.messageLength.lowerBound
        let messageMaximum = ProposalTerms.messageLength.upperBound
        let timelineMaximum = ProposalTerms.timelineDays.upperBound
        let maximumFiles = OrderFileLimits.maximumFiles
        let maximumFileMegabytes = OrderFileLimits.maximumMegabytes
        let acceptedFiles = AttachmentType.described
        let currencies = CurrencyCode.supported.sorted()
        let priorities = OrderPriority.allCases.map(\.rawValue)
        let countries = Countries.all.map { CountryOption(code: $0.code, name: $0.name) }
    }

    struct SearchRules: Encodable {
        let textMaximumLength = ProviderSearchQuery.maximumTextLength
        let pageSize = ProviderSearchQuery.defaultLimit
        let listMaximum = ProviderSearchQuery.maximumListItems
        let suggestionTextMaximumLength = SuggestionMatcher.maximumTextLength
        let savedSearchNameMaximumLength = SavedSearchForm.maximumNameLength
        let currencies = CurrencyCode.supported.sorted()
        let countries = Countries.all.map { CountryOption(code: $0.code, name: $0.name) }
    }

    struct CountryOption: Encodable {
        let code: String
        let name: String
    }

    struct CountryEntry: Encodable {
        let code: String
        let name: String
        let dial: String
        let lengths: [Int]
    }

    let context: SiteContext
    let shell: Shell

    func build(into sink: PageSink, siteKey: InputKey) async throws {
        try await sink.page(shell.path, key: siteKey) { try render() }
    }

    private func render() throws -> RenderedPage {
        let meta = context.meta(title: shell.title, description: shell.description, path: shell.path, noindex: true)
        let countries = Countries.all.map {
            CountryEntry(code: $0.code, name: $0.name, dial: $0.dialCode,
                         lengths: [$0.nationalNumberLengths.lowerBound, $0.nationalNumberLengths.upperBound])
        }
        let content = Content(
            script: context.assets.url(of: "/assets/js/pages/\(shell.name).js"),
            countriesJSON: shell.name == "register" ? ScriptSafeJSON.encode(countries) : nil,
            search: shell.name == "search" ? SearchRules() : nil,
            orders: shell.name.hasPrefix("order") ? OrderRules() : nil
        )
        let html = try context.render("app/\(shell.name)", meta: meta, breadcrumbs: [], content: content)
        return RenderedPage(path: shell.path, html: html, lastModified: nil, inSitemap: false)
    }
}
