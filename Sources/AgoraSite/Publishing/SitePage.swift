import AgoraDomain

/// A page of the site, whatever its type (home, category listing, provider, Markdown page, app shell, 404, a
/// redirect's refresh page): where it is published, the key of everything it is made from — computed once, when
/// the page value is made from what the load stage read — the providers it shows, and how it renders from them.
/// Page types hold values only, never the store. Every page is published the same way, through `PagePublisher`.
protocol SitePage: Sendable {
    /// Site-relative URL with slashes at both ends, or a file name for special pages (`/404.html`).
    var path: String { get }
    var key: InputKey { get }
    /// The providers the page renders from, loaded (in windows shared with other pages) only when its key changed.
    var providerIDs: [Int64] { get }
    /// The page from the loaded providers; nil when there is nothing left to publish (its provider is gone).
    func render(with providers: [Int64: ProviderProfile]) throws -> RenderedPage?
}

extension SitePage {
    var providerIDs: [Int64] { [] }
}
