import Foundation

/// The YAML header of a Markdown file in `Content/`: what the page needs besides its body.
public struct FrontMatter: Sendable, Equatable {
    public var title: String
    public var description: String
    /// Replaces the last segment of the page's URL.
    public var slug: String?
    public var date: Date?
    public var lastmod: Date?
    /// Drafts are not built.
    public var draft = false
    /// The Mustache template that renders the page; `page` unless given.
    public var template = "page"
    public var keywords: [String] = []
    public var image: String?
    public var noindex = false
    /// Lets raw HTML in the Markdown through; off by default so a stray tag cannot break or attack a page.
    public var unsafeHTML = false

    /// Every key a marketer may use. An unknown key is an error, with the nearest known key suggested.
    public static let knownKeys = [
        "title", "description", "slug", "date", "lastmod", "draft", "template", "keywords", "image", "noindex", "unsafe_html",
    ]

    public init(title: String, description: String) {
        self.title = title
        self.description = description
    }
}
