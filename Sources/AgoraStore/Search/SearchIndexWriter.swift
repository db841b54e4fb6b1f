import AgoraDomain
import SQLKit

/// Keeps the search index in step with the profiles: `refresh` rewrites the entries of some providers (call it
/// in the transaction that changed them), `rebuild` rewrites all of them (`agora reindex`, and the migration
/// that created the index).
struct SearchIndexWriter: Sendable {
    let engine: Store.Engine

    /// Providers read and written per round: well inside both engines' limits on bound parameters.
    static let batchSize = 500

    func refresh(_ providerIDs: [Int64], on db: any SQLDatabase) async throws {
        try await Self.advanceGeneration(on: db)
        for start in stride(from: 0, to: providerIDs.count, by: Self.batchSize) {
            let batch = Array(providerIDs[start..<min(providerIDs.count, start + Self.batchSize)])
            let documents = try await Self.documents(batch, on: db)
            try await db.raw("DELETE FROM provider_search WHERE provider_id IN (\(binds: batch))").run()
            try await engine.searchIndex.delete(batch, on: db)
            try await writePositions(documents, on: db)
            try await engine.searchIndex.write(documents, on: db)
        }
    }

    /// Rewrites the index of every profile and returns how many there are.
    @discardableResult
    func rebuild(on db: any SQLDatabase) async throws -> Int {
        try await Self.advanceGeneration(on: db)
        try await db.raw("DELETE FROM provider_search").run()
        if engine == .sqlite { try await db.raw("DELETE FROM provider_text").run() }
        var last: Int64 = 0
        var total = 0
        while true {
            let ids = try await db.raw("""
                SELECT user_id FROM user_profiles WHERE user_id > \(bind: last) ORDER BY user_id LIMIT \(bind: Self.batchSize)
                """).all().map { try $0.decode(column: "user_id", as: Int64.self) }
            guard let lastID = ids.last else { return total }
            let documents = try await Self.documents(ids, on: db)
            try await writePositions(documents, on: db)
            try await engine.searchIndex.write(documents, on: db)
            total += ids.count
            last = lastID
        }
    }

    /// Marks every cached search answer stale: the index, or what searches read beside it (categories), changed.
    static func advanceGeneration(on db: any SQLDatabase) async throws {
        try await db.raw("UPDATE search_index_state SET generation = generation + 1 WHERE id = 1").run()
    }

    private func writePositions(_ documents: [SearchDocument], on db: any SQLDatabase) async throws {
        guard !documents.isEmpty else { return }
        var insert = db.insert(into: "provider_search").columns("provider_id", "geo_x", "geo_y", "geo_z")
        for document in documents {
            let vector = document.position?.unitVector
            insert = insert.values([document.providerID, vector?.x, vector?.y, vector?.z] as [any Encodable & Sendable])
        }
        try await insert.run()
    }

    /// The token of a category in the text index's `categories` column.
    static func categoryToken(_ id: Int64) -> String { "c\(id)" }

    /// The documents of these providers (profiles that do not exist are left out).
    static func documents(_ ids: [Int64], on db: any SQLDatabase) async throws -> [SearchDocument] {
        guard !ids.isEmpty else { return [] }
        let tree = CategoryTree(try await db.raw(
            "SELECT id, parent_id, name, slug, description, icon, active, sort_order FROM categories"
        ).all().map(CategoryRepository.category(from:)))
        var counted: [Int64: [Int64]] = [:]
        for row in try await db.raw("SELECT provider_id, category_id FROM provider_categories WHERE provider_id IN (\(binds: ids))").all() {
            let provider = try row.decode(column: "provider_id", as: Int64.self)
            for category in tree.countingCategories(of: try row.decode(column: "category_id", as: Int64.self))
                where !(counted[provider] ?? []).contains(category) {
                counted[provider, default: []].append(category)
            }
        }
        var skills: [Int64: [String]] = [:]
        for row in try await db.raw("""
            SELECT provider_id, name FROM provider_skills WHERE provider_id IN (\(binds: ids)) ORDER BY provider_id, position
            """).all() {
            skills[try row.decode(column: "provider_id", as: Int64.self), default: []].append(try row.decode(column: "name", as: String.self))
        }
        return try await db.raw("""
            SELECT p.user_id, u.first_name, u.last_name, p.title, p.bio, p.latitude, p.longitude
            FROM user_profiles p JOIN users u ON u.id = p.user_id WHERE p.user_id IN (\(binds: ids))
            """).all().map { row in
            let id = try row.decode(column: "user_id", as: Int64.self)
            var position: GeoPoint?
            if let latitude = try row.decodeIfPresent(column: "latitude", as: Double.self), let longitude = try row.decodeIfPresent(column: "longitude", as: Double.self) {
                position = try? GeoPoint(latitude: latitude, longitude: longitude)
            }
            return SearchDocument(
                providerID: id,
                name: try row.decode(column: "first_name", as: String.self) + " " + (try row.decode(column: "last_name", as: String.self)),
                title: try row.decode(column: "title", as: String.self),
                skills: (skills[id] ?? []).joined(separator: ", "),
                bio: try row.decode(column: "bio", as: String.self),
                categories: (counted[id] ?? []).map(Self.categoryToken).joined(separator: " "),
                position: position
            )
        }
    }
}

extension Store {
    /// A number that changes whenever the search index does: answers cached under an older one are stale.
    public func searchIndexGeneration() async throws -> Int64 {
        try await sql.raw("SELECT generation FROM search_index_state WHERE id = 1").first()?.decode(column: "generation", as: Int64.self) ?? 0
    }

    /// Rewrites the whole search index in one transaction and returns how many providers it holds.
    public func rebuildSearchIndex() async throws -> Int {
        let engine = self.engine
        return try await transaction { db in try await SearchIndexWriter(engine: engine).rebuild(on: db) }
    }
}
