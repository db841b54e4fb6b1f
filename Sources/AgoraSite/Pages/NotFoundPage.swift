import AgoraDomain
import AgoraTemplates

/// The page served for any URL the site does not have.
struct NotFoundPage: SitePage {
    struct Content: TemplateFields {
        let categories: [NavigationLink]

        func templateValue(named name: String) -> TemplateValue? {
            name == "categories" ? .objects(categories) : nil
        }
    }

    static let path = "/404.html"

    let context: SiteContext
    /// It shows the site and its navigation only.
    let key: InputKey
    var path: String { Self.path }

    func render(with providers: [Int64: ProviderProfile]) throws -> RenderedPage? {
        let meta = context.meta(title: "Page not found", description: "This page does not exist. Browse the categories or go back to the homepage.", path: Self.path, noindex: true)
        let html = try context.render("not-found", meta: meta, breadcrumbs: [], content: Content(categories: context.navigation))
        return RenderedPage(path: Self.path, html: html, lastModified: nil, inSitemap: false)
    }
}
