import AgoraDomain
import Foundation

/// The schema.org nodes the pages describe themselves with, each with the properties Google Search Central
/// requires for its rich result (and the recommended ones where the data exists).
enum StructuredData {
    static func organization(_ site: SiteConfiguration, baseURL: SiteURL) -> JSONLD {
        let node: JSONLD = [
            "@type": "Organization", "@id": .string(baseURL.absolute("/#organization")), "name": .string(site.name),
            "url": .string(baseURL.absolute("/")), "logo": .string(absolute(site.logo, baseURL)),
        ]
        return node.adding("sameAs", site.sameAs.isEmpty ? nil : .array(site.sameAs.map(JSONLD.string)))
    }

    static func website(_ site: SiteConfiguration, baseURL: SiteURL) -> JSONLD {
        [
            "@type": "WebSite", "@id": .string(baseURL.absolute("/#website")), "name": .string(site.name),
            "url": .string(baseURL.absolute("/")), "publisher": ["@id": .string(baseURL.absolute("/#organization"))],
            "potentialAction": [
                "@type": "SearchAction",
                "target": ["@type": "EntryPoint", "urlTemplate": .string(absolute(site.searchURL.replacingOccurrences(of: "{query}", with: "{search_term_string}"), baseURL))],
                "query-input": "required name=search_term_string",
            ],
        ]
    }

    static func breadcrumbList(_ trail: [Breadcrumb], baseURL: SiteURL) -> JSONLD {
        [
            "@type": "BreadcrumbList",
            "itemListElement": .array(trail.enumerated().map { index, step in
                ["@type": "ListItem", "position": .int(index + 1), "name": .string(step.name), "item": .string(baseURL.absolute(step.url))]
            }),
        ]
    }

    /// The providers of one listing page; positions continue across pages.
    static func itemList(_ paths: [String], firstPosition: Int, baseURL: SiteURL) -> JSONLD {
        [
            "@type": "ItemList",
            "itemListElement": .array(paths.enumerated().map { index, path in
                ["@type": "ListItem", "position": .int(firstPosition + index), "url": .string(baseURL.absolute(path))]
            }),
        ]
    }

    /// A provider with a place of business is a `ProfessionalService` (Google's LocalBusiness rich result needs
    /// the address); one without is described as a `Person`, which carries no rating.
    static func provider(_ provider: ProviderProfile, prior: RatingPrior, path: String, site: SiteConfiguration, baseURL: SiteURL) -> JSONLD {
        let common: JSONLD = [
            "@id": .string(baseURL.absolute(path + "#provider")), "name": .string(provider.displayName),
            "description": .string(PageMeta.collapsingWhitespace(provider.title + ". " + provider.bio)),
            "url": .string(baseURL.absolute(path)), "image": .string(absolute(provider.photo?.shareURL ?? site.image, baseURL)),
        ]
        guard let location = provider.location else {
            return common.adding("@type", "Person").adding("jobTitle", .string(provider.title))
        }
        let address: JSONLD = ["@type": "PostalAddress", "addressLocality": .string(location.city), "addressCountry": .string(location.countryCode)]
        var node = common.adding("@type", "ProfessionalService")
            .adding("address", address.adding("addressRegion", location.region.map(JSONLD.string)))
            .adding("areaServed", ["@type": "Country", "name": .string(Countries.name(of: location.countryCode))])
            .adding("priceRange", provider.hourlyRate.map { .string("\($0.formatted) per hour") })
        if let rating = provider.statistics.displayedRating(prior) {
            node = node.adding("aggregateRating", [
                "@type": "AggregateRating", "ratingValue": .string(RatingText.format(rating)),
                "ratingCount": .int(provider.statistics.ratingCount), "reviewCount": .int(provider.statistics.ratingCount),
                "bestRating": "5", "worstRating": "1",
            ])
            let reviews = provider.reputation.highlights.prefix(ProviderReputation.highlightCount)
            if !reviews.isEmpty { node = node.adding("review", .array(reviews.map(review))) }
        }
        return node
    }

    /// One of the reviews the page shows, as Google's Review snippet reads it: its author, rating and text.
    static func review(_ review: ReviewHighlight) -> JSONLD {
        let node: JSONLD = [
            "@type": "Review", "author": ["@type": "Person", "name": .string(review.reviewerName)],
            "reviewRating": ["@type": "Rating", "ratingValue": .int(review.rating), "bestRating": "5", "worstRating": "1"],
            "datePublished": .string(review.publishedAt.formatted(.iso8601)),
        ]
        return node.adding("reviewBody", review.comment.isEmpty ? nil : .string(PageMeta.collapsingWhitespace(review.comment)))
    }

    static func faqPage(_ questions: [FrontMatter.Question]) -> JSONLD {
        [
            "@type": "FAQPage",
            "mainEntity": .array(questions.map {
                ["@type": "Question", "name": .string($0.question), "acceptedAnswer": ["@type": "Answer", "text": .string($0.answer)]]
            }),
        ]
    }

    static func article(_ matter: FrontMatter, published: Date, modified: Date, path: String, image: String, baseURL: SiteURL) -> JSONLD {
        [
            "@type": "Article", "headline": .string(matter.title), "description": .string(matter.description),
            "datePublished": .string(published.formatted(.iso8601)), "dateModified": .string(modified.formatted(.iso8601)),
            "image": .string(image), "mainEntityOfPage": .string(baseURL.absolute(path)),
            "author": ["@id": .string(baseURL.absolute("/#organization"))],
            "publisher": ["@id": .string(baseURL.absolute("/#organization"))],
        ]
    }

    /// Site-relative paths become absolute URLs; absolute URLs stay as they are.
    static func absolute(_ url: String, _ baseURL: SiteURL) -> String {
        url.hasPrefix("http://") || url.hasPrefix("https://") ? url : baseURL.absolute(url)
    }
}
