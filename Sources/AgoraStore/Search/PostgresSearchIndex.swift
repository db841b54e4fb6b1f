import AgoraDomain
import SQLKit

/// PostgreSQL full-text search: `provider_search.document` is a `tsvector` of the name (weight A), title (B),
/// skills (C) and bio (D) with English stemming, under a GIN index, ranked by `ts_rank_cd`.
struct PostgresSearchIndex: SearchIndex {
    /// The category is not asked of PostgreSQL: the candidates, which the category already narrowed, are.
    func scores(
        _ terms: SearchTerms, weights: RelevanceWeights, among candidates: [Int64]?, inCategory category: Int64?, on db: any SQLDatabase
    ) async throws -> [Int64: Double] {
        // ts_rank_cd takes weights between 0 and 1, in the order D, C, B, A.
        let largest = max(weights.nameField, weights.titleField, weights.skillsField, weights.bioField, 1e-9)
        let array = [weights.bioField, weights.skillsField, weights.titleField, weights.nameField]
            .map { "\($0 / largest)" }.joined(separator: ",")
        // A query of stop words only ("the") has no lexemes: it matches every provider, with no text score.
        var query: SQLQueryString = """
            SELECT string_agg(s.provider_id || ' ' || CAST(ts_rank_cd(CAST(\(bind: "{" + array + "}") AS REAL[]), s.document, q.query) AS DOUBLE PRECISION), ',') AS hits
            FROM provider_search s, to_tsquery('english', \(bind: Self.tsquery(terms))) AS q(query)
            WHERE (numnode(q.query) = 0 OR s.document @@ q.query)
            """
        if let candidates {
            guard !candidates.isEmpty else { return [:] }
            query = query + " AND s.provider_id IN (\(binds: candidates))"
        }
        return try await collect(query, on: db)
    }

    /// Every word ANDed, the last one as a prefix. Words hold only letters and digits (`SearchTerms`), so none is
    /// read as an operator.
    static func tsquery(_ terms: SearchTerms) -> String {
        terms.words.enumerated().map { index, word in
            word + (index == terms.words.count - 1 ? ":*" : "")
        }.joined(separator: " & ")
    }

    func write(_ documents: [SearchDocument], on db: any SQLDatabase) async throws {
        guard !documents.isEmpty else { return }
        var rows: SQLQueryString = ""
        for (index, document) in documents.enumerated() {
            rows = rows + (index == 0 ? "" : ", ") + """
                (CAST(\(bind: document.providerID) AS BIGINT), CAST(\(bind: document.name) AS TEXT), CAST(\(bind: document.title) AS TEXT),
                 CAST(\(bind: document.skills) AS TEXT), CAST(\(bind: document.bio) AS TEXT))
                """
        }
        try await db.raw("""
            UPDATE provider_search AS s SET document =
                setweight(to_tsvector('english', v.name), 'A') || setweight(to_tsvector('english', v.title), 'B') ||
                setweight(to_tsvector('english', v.skills), 'C') || setweight(to_tsvector('english', v.bio), 'D')
            FROM (VALUES
            """ + rows + ") AS v(id, name, title, skills, bio) WHERE s.provider_id = v.id").run()
    }

    func delete(_ providerIDs: [Int64], on db: any SQLDatabase) async throws {
        guard !providerIDs.isEmpty else { return }
        try await db.raw("UPDATE provider_search SET document = ''::tsvector WHERE provider_id IN (\(binds: providerIDs))").run()
    }
}
