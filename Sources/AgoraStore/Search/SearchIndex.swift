import AgoraDomain
import SQLKit

/// The full-text half of provider search, one implementation per engine: SQLite FTS5 with BM25, PostgreSQL
/// `tsvector` with `ts_rank_cd`. Filters, facets and ranking are shared by both (`ProviderSearch` over a
/// `SearchSnapshot`).
protocol SearchIndex: Sendable {
    /// The providers whose text matches every word (the last one as a prefix) with the engine's text score, at
    /// least 0 and larger for better matches; only among `candidates` when given (the providers the other filters
    /// kept), and within `category` (and its subcategories) when given, so that a narrow search reads few rows.
    func scores(
        _ terms: SearchTerms, weights: RelevanceWeights, among candidates: [Int64]?, inCategory category: Int64?, on db: any SQLDatabase
    ) async throws -> [Int64: Double]

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

extension SearchIndex {
    /// Reads the `hits` column of a one-row query: `id score` pairs joined by commas, the score a real, or an integer
    /// number of `1 / scoreScale` when `scoreScale` is given. A common word matches tens of thousands of providers;
    /// one text of pairs crosses from the database far faster than as many rows.
    func collect(_ query: SQLQueryString, scoreScale: Int? = nil, on db: any SQLDatabase) async throws -> [Int64: Double] {
        guard let text = try await db.raw(query).first()?.decodeIfPresent(column: "hits", as: String.self) else { return [:] }
        var scores: [Int64: Double] = [:]
        scores.reserveCapacity(text.utf8.count / 16)
        for pair in text.utf8.split(separator: UInt8(ascii: ",")) {
            guard let space = pair.firstIndex(of: UInt8(ascii: " ")), let id = Int64(Substring(pair[pair.startIndex..<space])) else { continue }
            let written = Substring(pair[pair.index(after: space)...])
            let score: Double?
            if let scoreScale { score = Int64(written).map { Double($0) / Double(scoreScale) } } else { score = Double(written) }
            guard let score else { continue }
            scores[id] = max(0, score)
        }
        return scores
    }
}
