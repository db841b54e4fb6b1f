import AgoraDomain
import SQLKit

/// SQLite's FTS5 table `provider_text` (Porter stemming, accents folded), ranked by BM25 with a weight per field.
struct FTS5SearchIndex: SearchIndex {
    func scores(
        _ terms: SearchTerms, weights: RelevanceWeights, among candidates: [Int64]?, inCategory category: Int64?, on db: any SQLDatabase
    ) async throws -> [Int64: Double] {
        var match = Self.matchExpression(terms)
        if let category { match += " AND categories : \"" + SearchIndexWriter.categoryToken(category) + "\"" }
        var amongCandidates: SQLQueryString = ""
        if let candidates {
            guard !candidates.isEmpty else { return [:] }
            // The unary plus keeps FTS5 from looking each candidate up by rowid (one probe of the words per id, far
            // slower than reading the matches once): the matches are read in one pass, and bm25 runs for the
            // candidates only.
            amongCandidates = " AND +rowid IN (SELECT value FROM json_each(\(bind: "[" + candidates.map(String.init).joined(separator: ",") + "]")))"
        }
        // Scores cross as whole millionths: integers are quicker to write out and to read back than reals. The
        // subquery's LIMIT keeps SQLite from folding the scoring into the aggregate, where bm25 may not run.
        let query: SQLQueryString = "SELECT group_concat(hit, ',') AS hits FROM (SELECT rowid || ' ' || CAST(-bm25(provider_text, "
            + sqlNumber(weights.nameField) + ", " + sqlNumber(weights.titleField) + ", "
            + sqlNumber(weights.skillsField) + ", " + sqlNumber(weights.bioField)
            + ", 0.0) * \(unsafeRaw: String(Self.scoreScale)) AS INTEGER) AS hit FROM provider_text WHERE provider_text MATCH \(bind: match)"
            + amongCandidates + " LIMIT -1)"
        return try await collect(query, scoreScale: Self.scoreScale, on: db)
    }

    static let scoreScale = 1_000_000

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
