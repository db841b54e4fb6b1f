import AgoraDomain
import AgoraTemplates
import Foundation

/// What every page shares during one build: the templates, the category tree, the site settings and where the
/// site is published. Values only: what pages show of the store is read by the load stage (`PageSources`).
struct SiteContext: Sendable {
    let templates: TemplateLibrary
    let categories: CategoryTree
    let baseURL: SiteURL
    let configuration: SiteConfiguration
    let environment: BuildEnvironment
    let assets: AssetFingerprints
    let site: SiteInfo
    let navigation: [NavigationLink]
    /// The platform's figures Markdown pages may quote.
    let figures: ContentFigures
    /// The prior every rating on the pages is displayed with (`RatingPrior`); part of the site's key, so that a
    /// change of it rebuilds every page.
    let ratingPrior: RatingPrior
    /// The two as templates read them, made once.
    private let siteValue: TemplateValue
    private let navigationValue: TemplateValue

    init(
        templates: TemplateLibrary, categories: CategoryTree, baseURL: SiteURL,
        configuration: SiteConfiguration, environment: BuildEnvironment, assets: AssetFingerprints, figures: ContentFigures,
        ratingPrior: RatingPrior, liveReload: Bool, now: Date
    ) {
        self.assets = assets
        self.figures = figures
        self.ratingPrior = ratingPrior
        self.templates = templates
        self.categories = categories
        self.baseURL = baseURL
        self.configuration = configuration
        self.environment = environment
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        site = SiteInfo(
            name: configuration.name, baseURL: baseURL.base, year: calendar.component(.year, from: now),
            stylesheet: assets.url(of: "/assets/site.css"), appScript: assets.url(of: "/assets/js/agora.js"),
            captchaScript: assets.url(of: "/assets/js/captcha.js"), adminScript: assets.url(of: "/assets/js/admin.js"),
            noticeScript: assets.url(of: "/assets/js/notice.js"), photoCropperScript: assets.url(of: "/assets/js/photo-cropper.js"),
            backgroundEditorScript: assets.url(of: "/assets/js/background-editor.js"),
            profileGuideScript: assets.url(of: "/assets/js/profile-guide.js"), profilePreviewScript: assets.url(of: "/assets/js/profile-preview.js"),
            lightboxScript: assets.url(of: "/assets/js/lightbox.js"), accountMenuScript: assets.url(of: "/assets/js/account-menu.js"),
            notificationBellScript: assets.url(of: "/assets/js/notification-bell.js"),
            providerActionsScript: assets.url(of: "/assets/js/provider-actions.js"),
            projectViewsScript: assets.url(of: "/assets/js/project-views.js"),
            chatScript: assets.url(of: "/assets/js/chat.js"),
            timeScript: assets.url(of: "/assets/js/project-time.js"),
            paymentsScript: assets.url(of: "/assets/js/project-payments.js"),
            cardEntryScript: assets.url(of: "/assets/js/card-entry.js"),
            disputesScript: assets.url(of: "/assets/js/project-disputes.js"),
            providerReviewsScript: assets.url(of: "/assets/js/provider-reviews.js"),
            projectReviewsScript: assets.url(of: "/assets/js/project-reviews.js"),
            liveReload: liveReload
        )
        navigation = categories.roots.filter(\.active).map { NavigationLink(name: $0.name, url: CategoryPage.path(for: $0.slug, page: 1)) }
        siteValue = .fields(site)
        navigationValue = .objects(navigation)
    }

    /// Renders a template with the common layout around the page's own content. Pages with breadcrumbs describe
    /// them as a `BreadcrumbList` next to their own structured data.
    func render(
        _ template: String, meta: PageMeta, breadcrumbs: [Breadcrumb], structuredData: [JSONLD] = [], content: some TemplateFields
    ) throws -> [UInt8] {
        let nodes = structuredData + (breadcrumbs.isEmpty ? [] : [StructuredData.breadcrumbList(breadcrumbs, baseURL: baseURL)])
        let view = PageView(
            site: siteValue, meta: .fields(meta), navigation: navigationValue, breadcrumbs: .objects(breadcrumbs),
            hasBreadcrumbs: !breadcrumbs.isEmpty, structuredData: JSONLD.script(nodes), content: .fields(content)
        )
        return try templates.render(.fields(view), template: template)
    }

    /// The meta of a page. `title` is the page's own; the site's name is appended after a bar unless
    /// `isFullTitle`, and the page's part is shortened first so that the whole stays within the limit.
    func meta(
        title: String, isFullTitle: Bool = false, description: String, path: String, noindex: Bool = false,
        type: String = "website", image: String? = nil, locale: String = "en", alternates: [PageMeta.Alternate] = []
    ) -> PageMeta {
        let suffix = " | \(configuration.name)"
        let fullTitle = isFullTitle ? title : PageMeta.shorten(title, to: PageMeta.titleLimit - suffix.count) + suffix
        return PageMeta(
            title: fullTitle, description: description, canonicalURL: baseURL.absolute(path),
            noindex: noindex || environment == .staging, openGraphType: type,
            image: StructuredData.absolute(image ?? configuration.image, baseURL), locale: locale, alternates: alternates
        )
    }
}
