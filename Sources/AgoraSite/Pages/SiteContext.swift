import AgoraDomain
import AgoraStore
import Foundation

/// What every page builder shares during one build: the templates, the store, the category tree and the site.
struct SiteContext: Sendable {
    let templates: TemplateLibrary
    let store: Store
    let categories: CategoryTree
    let baseURL: SiteURL
    let site: SiteInfo
    let navigation: [NavigationLink]

    init(templates: TemplateLibrary, store: Store, categories: CategoryTree, baseURL: SiteURL, siteName: String, now: Date) {
        self.templates = templates
        self.store = store
        self.categories = categories
        self.baseURL = baseURL
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        site = SiteInfo(name: siteName, baseURL: baseURL.base, year: calendar.component(.year, from: now))
        navigation = categories.roots.filter(\.active).map { NavigationLink(name: $0.name, url: CategoryPage.path(for: $0.slug, page: 1)) }
    }

    /// Renders a template with the common layout around the page's own content.
    func render<Content>(_ template: String, meta: PageMeta, breadcrumbs: [Breadcrumb], content: Content) throws -> String {
        try templates.render(
            PageView(site: site, meta: meta, navigation: navigation, breadcrumbs: breadcrumbs, content: content),
            template: template
        )
    }

    func meta(title: String, description: String, path: String, noindex: Bool = false, type: String = "website") -> PageMeta {
        PageMeta(title: title, description: description, canonicalURL: baseURL.absolute(path), noindex: noindex, openGraphType: type)
    }
}
