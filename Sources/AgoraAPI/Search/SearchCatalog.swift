import AgoraDomain
import AgoraStore
import Foundation

/// Slow-moving data every search reads, each kept in a `RefreshingValue`: the category tree, the marketplace's
/// mean rating (the Bayesian prior) and the autocomplete vocabulary.
struct SearchCatalog: Sendable {
    /// How long the tree and the mean are kept.
    static let lifetime: TimeInterval = 60
    /// How long the suggestion vocabulary is kept.
    static let vocabularyLifetime: TimeInterval = 300
    /// How often the index's generation is read.
    static let generationLifetime: TimeInterval = 1

    let categoryTree: RefreshingValue<CategoryTree>
    let marketplaceMean: RefreshingValue<Double>
    let suggestions: RefreshingValue<SuggestionMatcher>
    /// The search index's generation, read again every second: cached answers of an older one are not served.
    let generation: RefreshingValue<Int64>

    init(store: Store, clock: any AgoraClock) {
        categoryTree = RefreshingValue(lifetime: Self.lifetime, clock: clock) { try await CategoryRepository(store: store).tree() }
        marketplaceMean = RefreshingValue(lifetime: Self.lifetime, clock: clock) { try await ProviderSearch(store: store).marketplaceMeanRating() }
        suggestions = RefreshingValue(lifetime: Self.vocabularyLifetime, clock: clock) {
            SuggestionMatcher(try await SuggestionVocabulary.load(from: store, now: clock.now))
        }
        generation = RefreshingValue(lifetime: Self.generationLifetime, clock: clock) { try await store.searchIndexGeneration() }
    }
}
