import AgoraDomain
import AgoraStore
import AgoraTemplates
import Foundation

/// A page written in Markdown in `Content/`: its body, its questions and answers, and optionally the top
/// providers of a category (front matter `providers: {category: …, limit: …}`, read by the load stage).
struct LandingPage: SitePage {
    struct Question: Sendable, TemplateFields {
        let question: String
        let answer: String

        func templateValue(named name: String) -> TemplateValue? {
            switch name {
            case "question": .text(question)
            case "answer": .text(answer)
            default: nil
            }
        }
    }

    struct Content: TemplateFields {
        let title: String
        let description: String
        /// HTML made by cmark-gfm from the Markdown: raw HTML in it was dropped unless the front matter allowed it.
        let bodyHTML: String
        let published: String?
        let faq: [Question]
        let providersHeading: String?
        let providers: [ProviderCardView]
        let providersURL: String?

        func templateValue(named name: String) -> TemplateValue? {
            switch name {
            case "title": .text(title)
            case "description": .text(description)
            case "bodyHTML": .text(bodyHTML)
            case "published": .optional(published)
            case "faq": .objects(faq)
            case "hasFAQ": .flag(!faq.isEmpty)
            case "providersHeading": .optional(providersHeading)
            case "providers": .objects(providers)
            case "providersURL": .optional(providersURL)
            default: nil
            }
        }
    }

    /// The providers a page shows below its text: the category its front matter names, and its top providers.
    struct Embedded: Sendable {
        let category: Category
        let providers: [ProviderProfile]
    }

    let context: SiteContext
    let page: ContentPage
    let embedded: Embedded?
    /// The body with the figures it quotes filled in (`ContentFigures`).
    let bodyHTML: String
    let key: InputKey
    var path: String { page.urlPath }

    init(_ page: ContentPage, embedded: Embedded?, context: SiteContext, siteKey: InputKey) throws {
        guard context.templates.has(page.frontMatter.template) else {
            throw SiteError(file: page.sourcePath, "front matter: template \"\(page.frontMatter.template)\" does not exist in Layouts/")
        }
        self.context = context
        self.page = page
        self.embedded = embedded
        let filled = try context.figures.fill(page.bodyHTML, file: page.sourcePath)
        bodyHTML = filled.html
        var key = siteKey
        if filled.quotes { key.combine(context.figures.key) }
        key.combine(page.sourceKey)
        key.combine(page.lastModified)
        for provider in embedded?.providers ?? [] {
            key.combine(Int(provider.id))
            key.combine(provider.updatedAt)
        }
        self.key = key
    }

    func render(with providers: [Int64: ProviderProfile]) throws -> RenderedPage? {
        try render(providers: embedded?.providers ?? [], category: embedded?.category)
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
                bodyHTML: bodyHTML,
                published: matter.date.map { $0.formatted(.dateTime.year().month(.wide).day().locale(Locale(identifier: "en_GB"))) },
                faq: matter.faq.map { Question(question: $0.question, answer: $0.answer) },
                providersHeading: category.map { "Top rated in \($0.name)" },
                providers: providers.map { ProviderCardView($0, prior: context.ratingPrior) },
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
