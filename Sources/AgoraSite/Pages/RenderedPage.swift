import AgoraStore
import Foundation

/// One generated page, ready to write.
struct RenderedPage: Sendable {
    /// Site-relative URL with slashes at both ends, or a file name for special pages (`/404.html`).
    let path: String
    let html: [UInt8]
    /// When the page's data last changed; nil when it has no meaningful date.
    let lastModified: Date?
    /// Pages marked `noindex` and error pages stay out of the sitemap.
    let inSitemap: Bool
    var sitemapHints = FrontMatter.SitemapHints()
    /// A refresh page standing at a redirected URL.
    var isRedirect = false
    /// A provider's page: the categories whose listings show the provider, so that the listings it leaves are found.
    var listedIn: [String]?
    /// A provider's page: what it adds to the homepage's figures.
    var providerTally: ProviderTally?
    /// A provider's page: its place in listings.
    var rank: ListingRank?
    /// A listing page: how many providers the whole listing has, and those this page shows, in order.
    var listing: (total: Int, providerIDs: [Int64])?
    /// A provider's page: the providers it shows as similar, in order.
    var similarProviders: [Int64]?
    /// The site path of the image the sitemap names for the page.
    var sitemapImage: String?
}
