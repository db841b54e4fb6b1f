/// What a build covers.
public enum BuildMode: Sendable, Equatable {
    /// Every page is considered; only those whose inputs changed are rendered and written, pages whose source is
    /// gone are removed. Falls back to a full build when there is no previous build or its templates, assets,
    /// settings or categories differ.
    case incremental
    /// Every page is rendered into a new directory that replaces the site whole.
    case full
    /// Only the given items and the pages that depend on them, in the live site.
    case only([BuildTarget])
}

/// An item `agora build --only` rebuilds.
public enum BuildTarget: Sendable, Equatable, CustomStringConvertible {
    /// A provider's page, the listing pages of its categories and their parents, and the homepage.
    case provider(String)
    /// A category's listing pages and the homepage.
    case category(String)
    /// A Markdown page, by its file below `Content/` (`about.md`).
    case content(String)

    /// Reads `provider:SLUG`, `category:SLUG` or `content:PATH`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[1].isEmpty else {
            throw SiteError(file: nil, "invalid --only \"\(text)\": expected provider:SLUG, category:SLUG or content:PATH")
        }
        switch parts[0] {
        case "provider": self = .provider(parts[1])
        case "category": self = .category(parts[1])
        case "content": self = .content(parts[1])
        default: throw SiteError(file: nil, "invalid --only \"\(text)\": expected provider:SLUG, category:SLUG or content:PATH")
        }
    }

    public var description: String {
        switch self {
        case .provider(let slug): "provider:\(slug)"
        case .category(let slug): "category:\(slug)"
        case .content(let path): "content:\(path)"
        }
    }
}
