/// The page served for any URL the site does not have.
struct NotFoundPage {
    struct Content {
        let categories: [NavigationLink]
    }

    static let path = "/404.html"

    let context: SiteContext

    func build(into sink: PageSink, siteKey: InputKey) async throws {
        try await sink.page(Self.path, key: siteKey) { try render() }
    }

    private func render() throws -> RenderedPage {
        let meta = context.meta(title: "Page not found", description: "This page does not exist. Browse the categories or go back to the homepage.", path: Self.path, noindex: true)
        let html = try context.render("not-found", meta: meta, breadcrumbs: [], content: Content(categories: context.navigation))
        return RenderedPage(path: Self.path, html: html, lastModified: nil, inSitemap: false)
    }
}
