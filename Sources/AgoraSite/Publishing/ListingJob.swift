import AgoraDomain
import Foundation

/// A page made from providers (a provider's profile, a category's listing): its path and input key, the providers
/// it shows, and how to render it from them. `ListingPublisher` loads the providers of many such pages at once.
struct ListingJob: Sendable {
    let path: String
    let key: InputKey
    let providerIDs: [Int64]
    /// Renders from the loaded providers; nil when the page has nothing left to show (its provider is gone).
    let render: @Sendable ([Int64: ProviderProfile]) throws -> RenderedPage?
}
