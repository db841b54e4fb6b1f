/// A change to what the public site shows. The change that causes it queues it in its own transaction; the
/// regeneration worker publishes it later, so the service never builds pages itself.
public enum SiteChange: Hashable, Sendable, CustomStringConvertible {
    /// A provider's page, and the listings and homepage that show the provider.
    case provider(Slug)
    /// A category's listing pages.
    case category(Slug)
    /// A Markdown page, by its file below `Content/` (`about.md`).
    case content(String)
    /// Something every page depends on (the category tree, the site's settings): the generator finds what changed.
    case site

    /// How a change is stored: its kind and the item it names.
    public enum Kind: String, CaseIterable, Sendable {
        case provider, category, content, site
    }

    public var kind: Kind {
        switch self {
        case .provider: .provider
        case .category: .category
        case .content: .content
        case .site: .site
        }
    }

    /// The slug or path it names; empty for `.site`.
    public var item: String {
        switch self {
        case .provider(let slug), .category(let slug): slug.value
        case .content(let path): path
        case .site: ""
        }
    }

    /// Reads a stored change back; nil for a row this version does not understand.
    public init?(kind: Kind, item: String) {
        switch kind {
        case .provider, .category:
            guard let slug = try? Slug(item) else { return nil }
            self = kind == .provider ? .provider(slug) : .category(slug)
        case .content:
            guard !item.isEmpty else { return nil }
            self = .content(item)
        case .site:
            self = .site
        }
    }

    public var description: String { kind == .site ? "site" : "\(kind.rawValue):\(item)" }
}
