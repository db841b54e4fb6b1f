import AgoraDomain
import AgoraTemplates
import Foundation

/// What every template receives: the site, the page's meta, the navigation and breadcrumbs, and the
/// page-specific `content`. Templates reach text only through `{{…}}`, which escapes it. Values are made once
/// per page (the site's and the navigation once per build), not at every `{{meta.title}}` that reads them.
struct PageView: TemplateFields {
    let site: TemplateValue
    let meta: TemplateValue
    let navigation: TemplateValue
    let breadcrumbs: TemplateValue
    /// Mustache cannot test an array for emptiness without rendering it once per item.
    let hasBreadcrumbs: Bool
    /// The JSON-LD of the page, already made safe to stand inside a script element.
    let structuredData: String?
    let content: TemplateValue

    func templateValue(named name: String) -> TemplateValue? {
        switch name {
        case "content": content
        case "site": site
        case "meta": meta
        case "navigation": navigation
        case "breadcrumbs": breadcrumbs
        case "hasBreadcrumbs": .flag(hasBreadcrumbs)
        case "structuredData": .optional(structuredData)
        default: nil
        }
    }
}

/// Facts about the site every page shows.
struct SiteInfo: Sendable, TemplateFields {
    let name: String
    let baseURL: String
    let year: Int
    /// The URL of the stylesheet, fingerprinted.
    let stylesheet: String
    /// The URL of the islands' shared script (API client, sign-in state, forms), fingerprinted.
    let appScript: String
    /// The URL of the CAPTCHA script the registration and sign-in forms load, fingerprinted.
    let captchaScript: String
    /// What every admin page shares: the navigation by permission, the theme, the guard.
    let adminScript: String
    /// The platform's notice (the maintenance banner), which every page shows.
    let noticeScript: String
    /// The square photo cropper the profile editor (and later the portfolio) loads.
    let photoCropperScript: String
    /// The profile editor's lists of experience, education and certifications.
    let backgroundEditorScript: String
    /// The profile editor's guided first run.
    let profileGuideScript: String
    /// The profile editor's preview of the public page.
    let profilePreviewScript: String
    /// The accessible lightbox of provider pages' portfolio images.
    let lightboxScript: String
    /// The header's account menu, on every page.
    let accountMenuScript: String
    /// The header's notification bell, on every page: it loads `appScript` for a signed-in visitor only.
    let notificationBellScript: String
    /// The island of a provider page's actions (favourite, copy the link).
    let providerActionsScript: String
    /// What the project pages share: the words for statuses and badges, progress bars, the milestones' steps.
    let projectViewsScript: String
    /// The project room's chat: history, the live connection, the composer.
    let chatScript: String
    /// The project room's hourly work: the timer, the week's time, its approval and the hours chart.
    let timeScript: String
    /// The project room's money: the checkout that funds a milestone, releases and refunds.
    let paymentsScript: String
    let cardEntryScript: String
    /// The project room's disputes: opening one, both sides' evidence, the decision.
    let disputesScript: String
    /// A provider page's reviews beyond the first: filters, sorting, search, more pages and the trend.
    let providerReviewsScript: String
    /// The project room's reviews: the form after the project closed, and the two reviews once published.
    let projectReviewsScript: String
    /// Pages built by `agora serve --watch` load the live-reload script.
    let liveReload: Bool
    /// The Atom feed of the Markdown pages, which every page's head announces.
    let feed = FeedPage.path

    /// The app shells' paths for links in templates (`{{site.paths.login}}`), from `PagePaths`.
    static let paths = TemplateValue.fields(PagePaths.forScripts.mapValues { .text($0) })
    /// The same paths as safe JSON for a `<script type="application/json">`, for islands on generated pages.
    static let pathsJSON = TemplateValue.optional(ScriptSafeJSON.encode(PagePaths.forScripts))

    func templateValue(named name: String) -> TemplateValue? {
        switch name {
        case "name": .text(self.name)
        case "baseURL": .text(baseURL)
        case "year": .number(year)
        case "stylesheet": .text(stylesheet)
        case "appScript": .text(appScript)
        case "captchaScript": .text(captchaScript)
        case "adminScript": .text(adminScript)
        case "noticeScript": .text(noticeScript)
        case "photoCropperScript": .text(photoCropperScript)
        case "backgroundEditorScript": .text(backgroundEditorScript)
        case "profileGuideScript": .text(profileGuideScript)
        case "profilePreviewScript": .text(profilePreviewScript)
        case "lightboxScript": .text(lightboxScript)
        case "accountMenuScript": .text(accountMenuScript)
        case "notificationBellScript": .text(notificationBellScript)
        case "providerActionsScript": .text(providerActionsScript)
        case "projectViewsScript": .text(projectViewsScript)
        case "chatScript": .text(chatScript)
        case "timeScript": .text(timeScript)
        case "paymentsScript": .text(paymentsScript)
        case "cardEntryScript": .text(cardEntryScript)
        case "disputesScript": .text(disputesScript)
        case "providerReviewsScript": .text(providerReviewsScript)
        case "projectReviewsScript": .text(projectReviewsScript)
        case "pathsJSON": Self.pathsJSON
        case "liveReload": .flag(liveReload)
        case "feed": .text(feed)
        case "paths": Self.paths
        default: nil
        }
    }
}

struct NavigationLink: Sendable, TemplateFields {
    let name: String
    let url: String

    func templateValue(named name: String) -> TemplateValue? {
        switch name {
        case "name": .text(self.name)
        case "url": .text(url)
        default: nil
        }
    }
}

/// One step of a page's breadcrumb trail; the last one is the page itself and is not a link.
struct Breadcrumb: Sendable, TemplateFields {
    let name: String
    let url: String
    let isCurrent: Bool

    static func trail(_ steps: [(name: String, url: String)]) -> [Breadcrumb] {
        steps.enumerated().map { Breadcrumb(name: $0.element.name, url: $0.element.url, isCurrent: $0.offset == steps.count - 1) }
    }

    func templateValue(named name: String) -> TemplateValue? {
        switch name {
        case "name": .text(self.name)
        case "url": .text(url)
        case "isCurrent": .flag(isCurrent)
        default: nil
        }
    }
}
