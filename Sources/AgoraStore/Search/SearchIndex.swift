import AgoraDomain
import SQLKit

/// The full-text half of provider search, one implementation per engine: SQLite FTS5 with BM25, PostgreSQL
/// `tsvector` with `ts_rank_cd`. Filters, facets and ranking are plain SQL shared by both (`ProviderSearch`).
protocol SearchIndex: Sendable {
    /// A query of `(id, raw_score)` rows: the providers whose text matches every word (the last one as a
    /// prefix), with the engine's text score, at least 0 and larger for better matches.
    func textHits(_ terms: SearchTerms, weights: RelevanceWeights) -> SQLQueryString

    /// Replaces the text entries of these providers.
    func write(_ documents: [SearchDocument], on db: any SQLDatabase) async throws

    /// Removes the text entries of these providers.
    func delete(_ providerIDs: [Int64], on db: any SQLDatabase) async throws
}

extension Store.Engine {
    var searchIndex: any SearchIndex {
        switch self {
        case .sqlite: FTS5SearchIndex()
        case .postgresql: PostgresSearchIndex()
        }
    }
}

/// Writes a number into SQL as a literal. Only for numbers the service itself computed, never for input.
func sqlNumber(_ value: Double) -> SQLQueryString {
    SQLQueryString(value.isFinite ? "\(value)" : "0")
}
