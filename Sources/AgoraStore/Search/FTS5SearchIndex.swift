import AgoraDomain
import SQLKit

/// SQLite's FTS5 table `provider_text` (Porter stemming, accents folded), ranked by BM25 with a weight per field.
struct FTS5SearchIndex: SearchIndex {
    func scores(
        _ terms: SearchTerms, weights: RelevanceWeights, among candidates: [Int64]?, inCategory category: Int64?, on db: any SQLDatabase
    ) async throws -> [Int64: Double] {
        var match = Self.matchExpression(terms)
        if let category { match += " AND categories : \"" + SearchIndexWriter.categoryToken(category) + "\"" }
        // The subquery's LIMIT keeps SQLite from folding the scoring into the aggregate, where bm25 may not run.
        let query: SQLQueryString = "SELECT group_concat(hit, ',') AS hits FROM (SELECT rowid || ' ' || -bm25(provider_text, "
            + sqlNumber(weights.nameField) + ", " + sqlNumber(weights.titleField) + ", "
            + sqlNumber(weights.skillsField) + ", " + sqlNumber(weights.bioField)
            + ", 0.0) AS hit FROM provider_text WHERE provider_text MATCH \(bind: match) LIMIT -1)"
        // FTS5 answers `rowid IN (…)` beside MATCH with one lookup of the words per rowid, far slower than reading
        // every match once: the candidates only spare the query when there are none.
        if candidates?.isEmpty == true { return [:] }
        return try await collect(query, on: db)
    }

    /// Every word as a quoted string (so nothing is read as an operator), the last one as a prefix, looked for in
    /// the text columns only (never among the category tokens).
    static func matchExpression(_ terms: SearchTerms) -> String {
        "{name title skills bio} : (" + terms.words.enumerated().map { index, word in
            "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\"" + (index == terms.words.count - 1 ? "*" : "")
        }.joined(separator: " ") + ")"
    }

    func write(_ documents: [SearchDocument], on db: any SQLDatabase) async throws {
        guard !documents.isEmpty else { return }
        try await delete(documents.map(\.providerID), on: db)
        var insert = db.insert(into: "provider_text").columns("rowid", "name", "title", "skills", "bio", "categories")
        for document in documents {
            insert = insert.values([document.providerID, document.name, document.title, document.skills, document.bio, document.categories] as [any Encodable & Sendable])
        }
        try await insert.run()
    }

    func delete(_ providerIDs: [Int64], on db: any SQLDatabase) async throws {
        guard !providerIDs.isEmpty else { return }
        try await db.raw("DELETE FROM provider_text WHERE rowid IN (\(binds: providerIDs))").run()
    }
}
