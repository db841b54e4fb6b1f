import Foundation

/// A page written in Markdown in `Content/`.
struct LandingPage {
    struct Content {
        let title: String
        let description: String
        /// HTML made by cmark-gfm from the Markdown: raw HTML in it was dropped unless the front matter allowed it.
        let bodyHTML: String
        let published: String?
    }

    let context: SiteContext
    let page: ContentPage

    func build() throws -> RenderedPage {
        let matter = page.frontMatter
        guard context.templates.has(matter.template) else {
            throw SiteError(file: page.sourcePath, "front matter: template \"\(matter.template)\" does not exist in Layouts/")
        }
        let meta = context.meta(title: "\(matter.title) | \(context.site.name)", description: matter.description, path: page.urlPath, noindex: matter.noindex, type: matter.date == nil ? "website" : "article")
        let html = try context.render(matter.template, meta: meta, breadcrumbs: Breadcrumb.trail([("Home", "/"), (matter.title, page.urlPath)]), content: Content(
            title: matter.title,
            description: matter.description,
            bodyHTML: page.bodyHTML,
            published: matter.date.map { $0.formatted(.dateTime.year().month(.wide).day().locale(Locale(identifier: "en_GB"))) }
        ))
        return RenderedPage(path: page.urlPath, html: html, lastModified: page.lastModified, inSitemap: !matter.noindex)
    }
}
