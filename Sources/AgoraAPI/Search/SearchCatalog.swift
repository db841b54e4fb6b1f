import AgoraDomain
import AgoraStore
import Foundation

/// What every search reads beside the text index: the providers' snapshot (brought up to date when the index's
/// generation moves), and, each kept in a `RefreshingValue`, the category tree and the autocomplete vocabulary.
struct SearchCatalog: Sendable {
    /// How long the tree is kept.
    static let lifetime: TimeInterval = 60
    /// How long the suggestion vocabulary is kept.
    static let vocabularyLifetime: TimeInterval = 300
    /// How often the index's generation is read.
    static let generationLifetime: TimeInterval = 1

    let categoryTree: RefreshingValue<CategoryTree>
    let snapshot: SearchSnapshotHolder
    let suggestions: RefreshingValue<SuggestionMatcher>
    /// The search index's generation, read again every second: cached answers of an older one are not served.
    let generation: RefreshingValue<Int64>

    init(store: Store, clock: any AgoraClock) {
        categoryTree = RefreshingValue(lifetime: Self.lifetime, clock: clock) { try await CategoryRepository(store: store).tree() }
        snapshot = SearchSnapshotHolder(store: store, clock: clock)
        suggestions = RefreshingValue(lifetime: Self.vocabularyLifetime, clock: clock) {
            SuggestionMatcher(try await SuggestionVocabulary.load(from: store, now: clock.now))
        }
        generation = RefreshingValue(lifetime: Self.generationLifetime, clock: clock) { try await store.searchIndexGeneration() }
    }

    /// Reads what the first search would wait for (the snapshot, the vocabulary), so that it does not wait.
    func warmUp() async {
        _ = try? await snapshot.current(generation: try await generation.get())
        _ = try? await suggestions.get()
        _ = try? await categoryTree.get()
    }
}
