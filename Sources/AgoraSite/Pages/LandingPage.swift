import AgoraDomain
import AgoraStore
import Foundation

/// A page written in Markdown in `Content/`: its body, its questions and answers, and optionally the top
/// providers of a category (front matter `providers: {category: …, limit: …}`).
struct LandingPage {
    struct Question {
        let question: String
        let answer: String
    }

    struct Content {
        let title: String
        let description: String
        /// HTML made by cmark-gfm from the Markdown: raw HTML in it was dropped unless the front matter allowed it.
        let bodyHTML: String
        let published: String?
        let faq: [Question]
        let hasFAQ: Bool
        let providersHeading: String?
        let providers: [ProviderCardView]
        let providersURL: String?
    }

    let context: SiteContext
    let page: ContentPage

    func build(into sink: PageSink, siteKey: InputKey) async throws {
        let matter = page.frontMatter
        guard context.templates.has(matter.template) else {
            throw SiteError(file: page.sourcePath, "front matter: template \"\(matter.template)\" does not exist in Layouts/")
        }
        var providers: [ProviderProfile] = []
        var category: Category?
        if let embed = matter.providers {
            guard let slug = try? Slug(embed.category), let found = context.categories.category(slug: slug), context.categories.isVisible(found) else {
                throw SiteError(file: page.sourcePath, "front matter: `providers` names category \"\(embed.category)\", which does not exist or is inactive")
            }
            category = found
            providers = try await ProviderRepository(store: context.store).listing(
                inCategories: context.categories.subtreeIDs(of: found), after: nil, limit: embed.limit
            )
        }
        var key = siteKey
        key.combine(page.sourceKey)
        key.combine(page.lastModified)
        for provider in providers {
            key.combine(Int(provider.id))
            key.combine(provider.updatedAt)
        }
        try await sink.page(page.urlPath, key: key) { try render(providers: providers, category: category) }
    }

    private func render(providers: [ProviderProfile], category: Category?) throws -> RenderedPage {
        let matter = page.frontMatter
        let image = matter.image.map { StructuredData.absolute($0, context.baseURL) } ?? StructuredData.absolute(context.configuration.image, context.baseURL)
        let meta = context.meta(
            title: matter.title, description: matter.description, path: page.urlPath, noindex: matter.noindex,
            type: matter.date == nil ? "website" : "article", image: image, locale: matter.locale, alternates: alternates(matter)
        )
        var structuredData: [JSONLD] = []
        if !matter.faq.isEmpty { structuredData.append(StructuredData.faqPage(matter.faq)) }
        if let date = matter.date {
            structuredData.append(StructuredData.article(matter, published: date, modified: page.lastModified, path: page.urlPath, image: image, baseURL: context.baseURL))
        }
        let html = try context.render(
            matter.template, meta: meta, breadcrumbs: Breadcrumb.trail([("Home", "/"), (matter.title, page.urlPath)]),
            structuredData: structuredData,
            content: Content(
                title: matter.title,
                description: matter.description,
                bodyHTML: page.bodyHTML,
                published: matter.date.map { $0.formatted(.dateTime.year().month(.wide).day().locale(Locale(identifier: "en_GB"))) },
                faq: matter.faq.map { Question(question: $0.question, answer: $0.answer) },
                hasFAQ: !matter.faq.isEmpty,
                providersHeading: category.map { "Top rated in \($0.name)" },
                providers: providers.map(ProviderCardView.init),
                providersURL: category.map { CategoryPage.path(for: $0.slug, page: 1) }
            )
        )
        return RenderedPage(path: page.urlPath, html: html, lastModified: page.lastModified, inSitemap: !matter.noindex, sitemapHints: matter.sitemap)
    }

    /// The page and its translations, each with its language, plus `x-default` (the English one, else this one).
    private func alternates(_ matter: FrontMatter) -> [PageMeta.Alternate] {
        guard !matter.translations.isEmpty else { return [] }
        var versions = matter.translations
        versions[matter.locale] = page.urlPath
        let fallback = versions["en"] ?? page.urlPath
        return versions.sorted { $0.key < $1.key }.map { PageMeta.Alternate(hreflang: $0.key, url: context.baseURL.absolute($0.value)) }
            + [PageMeta.Alternate(hreflang: "x-default", url: context.baseURL.absolute(fallback))]
    }
}
