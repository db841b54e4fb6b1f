import Foundation

/// The YAML header of a Markdown file in `Content/`: what the page needs besides its body.
public struct FrontMatter: Sendable, Equatable {
    public struct Question: Sendable, Equatable {
        public let question: String
        public let answer: String
    }

    /// Sitemap hints for the page.
    public struct SitemapHints: Sendable, Equatable {
        public var priority: Double?
        public var changefreq: String?
    }

    /// Live data a landing page embeds: the top providers of a category.
    public struct ProvidersEmbed: Sendable, Equatable {
        public let category: String
        public let limit: Int
    }

    public var title: String
    public var description: String
    /// Replaces the last segment of the page's URL.
    public var slug: String?
    /// Publication date; a page with a date is an article.
    public var date: Date?
    /// When the content last changed; the sitemap's `lastmod` (else the file's modification time).
    public var lastmod: Date?
    /// Drafts are never built.
    public var draft = false
    /// The page is built only from this moment on (run `agora build` from cron to publish on time).
    public var publishAt: Date?
    /// The page is removed from builds from this moment on.
    public var expireAt: Date?
    /// The Mustache template that renders the page; `page` unless given.
    public var template = "page"
    /// The search phrase the page is written for; the audit measures its density.
    public var targetKeyword: String?
    public var keywords: [String] = []
    /// The page's share image (site-relative or absolute URL).
    public var image: String?
    /// Questions and answers, shown on the page and described as an FAQPage.
    public var faq: [Question] = []
    /// Old URLs of this page; each becomes a redirect to it.
    public var aliases: [String] = []
    /// The page's language (BCP 47, e.g. `en`, `fr-CA`).
    public var locale = "en"
    /// The same page in other languages: locale → site-relative URL.
    public var translations: [String: String] = [:]
    public var noindex = false
    public var sitemap = SitemapHints()
    /// Lets raw HTML in the Markdown through; off by default so a stray tag cannot break or attack a page.
    public var unsafeHTML = false
    public var providers: ProvidersEmbed?

    /// Every key a marketer may use. An unknown key is an error, with the nearest known key suggested.
    public static let knownKeys = [
        "title", "description", "slug", "date", "lastmod", "draft", "publish_at", "expire_at", "template",
        "target_keyword", "keywords", "image", "faq", "aliases", "locale", "translations", "noindex", "sitemap",
        "unsafe_html", "providers",
    ]

    static let changeFrequencies = ["always", "hourly", "daily", "weekly", "monthly", "yearly", "never"]

    public init(title: String, description: String) {
        self.title = title
        self.description = description
    }

    /// Whether the page belongs on the site at `now`: not a draft, and inside its publication window.
    public func isPublished(at now: Date) -> Bool {
        !draft && (publishAt.map { $0 <= now } ?? true) && (expireAt.map { now < $0 } ?? true)
    }
}
