import Foundation

/// What every template receives: the site, the page's meta, the navigation and breadcrumbs, and the
/// page-specific `content`. Templates reach text only through `{{…}}`, which escapes it.
struct PageView<Content> {
    let site: SiteInfo
    let meta: PageMeta
    let navigation: [NavigationLink]
    let breadcrumbs: [Breadcrumb]
    /// Mustache cannot test an array for emptiness without rendering it once per item.
    let hasBreadcrumbs: Bool
    /// The JSON-LD of the page, already made safe to stand inside a script element.
    let structuredData: String?
    let content: Content

    init(site: SiteInfo, meta: PageMeta, navigation: [NavigationLink], breadcrumbs: [Breadcrumb], structuredData: String?, content: Content) {
        self.site = site
        self.meta = meta
        self.navigation = navigation
        self.breadcrumbs = breadcrumbs
        self.hasBreadcrumbs = !breadcrumbs.isEmpty
        self.structuredData = structuredData
        self.content = content
    }
}

/// Facts about the site every page shows.
struct SiteInfo: Sendable {
    let name: String
    let baseURL: String
    let year: Int
    /// The URL of the stylesheet, fingerprinted.
    let stylesheet: String
    /// The URL of the islands' shared script (API client, sign-in state, forms), fingerprinted.
    let appScript: String
    /// Pages built by `agora serve --watch` load the live-reload script.
    let liveReload: Bool
}

struct NavigationLink: Sendable {
    let name: String
    let url: String
}

/// One step of a page's breadcrumb trail; the last one is the page itself and is not a link.
struct Breadcrumb: Sendable {
    let name: String
    let url: String
    let isCurrent: Bool

    static func trail(_ steps: [(name: String, url: String)]) -> [Breadcrumb] {
        steps.enumerated().map { Breadcrumb(name: $0.element.name, url: $0.element.url, isCurrent: $0.offset == steps.count - 1) }
    }
}
