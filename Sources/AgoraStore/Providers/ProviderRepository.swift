import AgoraDomain
import Foundation
import SQLKit

/// Reads and writes providers: the account, the public profile and everything the profile lists.
///
/// Reads return only published providers of accounts that are not suspended: what the public site may show.
public struct ProviderRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// Inserts a batch of providers (accounts, profiles, skills, languages, categories, statistics) in one
    /// transaction: all of them or none. Returns their ids in the order given.
    @discardableResult
    public func insert(_ providers: [NewProvider], now: Date) async throws -> [Int64] {
        guard !providers.isEmpty else { return [] }
        let categoryIDs = try await categoryIDsBySlug()
        for provider in providers {
            for slug in provider.categorySlugs where categoryIDs[slug.value] == nil {
                throw StoreError.notFound("category \(slug) of provider \(provider.slug)")
            }
        }
        return try await store.uniqueOrConflict("a provider with this email or slug already exists") {
            try await store.transaction { [engine = store.engine] db in
                let ids = try await Self.insert(providers, categoryIDs: categoryIDs, now: now, on: db)
                try await SearchIndexWriter(engine: engine).refresh(ids, on: db)
                return ids
            }
        }
    }

    private static func insert(_ providers: [NewProvider], categoryIDs: [String: Int64], now: Date, on db: any SQLDatabase) async throws -> [Int64] {
        var users = db.insert(into: "users").columns(
            "first_name", "last_name", "email", "phone", "country_code", "user_type", "verification_status", "created_at", "updated_at"
        )
        for provider in providers {
            users = users.values([
                provider.firstName, provider.lastName, provider.email.value, provider.phone, provider.location?.countryCode,
                UserType.provider.rawValue, VerificationStatus.verified.rawValue, now, now,
            ] as [any Encodable & Sendable])
        }
        // Rows come back keyed by their unique email: the order of RETURNING is not promised by either engine.
        var idsByEmail: [String: Int64] = [:]
        for row in try await users.returning("id", "email").all() {
            idsByEmail[try row.decode(column: "email", as: String.self)] = try row.decode(column: "id", as: Int64.self)
        }
        let ids = try providers.map { provider in
            guard let id = idsByEmail[provider.email.value] else { throw StoreError.conflict("provider \(provider.slug) was not created") }
            return id
        }

        var profiles = db.insert(into: "user_profiles").columns(
            "user_id", "slug", "title", "bio", "city", "region", "country_code", "latitude", "longitude",
            "hourly_rate_minor", "hourly_rate_currency", "availability",
            "photo_key", "photo_side", "published", "verified_at", "remote", "available_from", "created_at", "updated_at"
        )
        var statistics = db.insert(into: "user_statistics").columns(
            "user_id", "rating_average", "rating_count", "rating_bound", "completed_projects", "completion_rate", "response_time_minutes", "updated_at"
        )
        var skillRows: [[any Encodable & Sendable]] = []
        var languageRows: [[any Encodable & Sendable]] = []
        var categoryRows: [[any Encodable & Sendable]] = []
        for (provider, id) in zip(providers, ids) {
            let location = provider.location
            profiles = profiles.values([
                id, provider.slug.value, provider.title, provider.bio, location?.city, location?.region, location?.countryCode,
                location?.latitude, location?.longitude, provider.hourlyRate?.minorUnits, provider.hourlyRate?.currency.code,
                provider.availability.rawValue,
                provider.photo?.key, provider.photo?.side, true, provider.verified ? now : nil, provider.remote, provider.availableFrom, now, now,
            ] as [any Encodable & Sendable])
            let record = provider.statistics
            statistics = statistics.values([
                id, record.ratingAverage, record.ratingCount, record.ratingBound, record.completedProjects, record.completionRate,
                record.responseTimeMinutes, now,
            ] as [any Encodable & Sendable])
            skillRows += provider.skills.enumerated().map { [id, $0.offset, $0.element] }
            languageRows += provider.languages.enumerated().map { [id, $0.offset, $0.element] }
            categoryRows += provider.categorySlugs.map { [id, categoryIDs[$0.value]!] }
        }
        try await profiles.run()
        try await statistics.run()
        try await insertRows(into: "provider_skills", columns: ["provider_id", "position", "name"], skillRows, on: db)
        try await insertRows(into: "provider_languages", columns: ["provider_id", "position", "language_code"], languageRows, on: db)
        try await insertRows(into: "provider_categories", columns: ["provider_id", "category_id"], categoryRows, on: db)
        try await ProfileBackground.insert(zip(ids, providers).map { ($0, $1.background) }, on: db)
        return ids
    }

    /// One INSERT of the rows (nothing when there are none).
    static func insertRows(into table: String, columns: [String], _ rows: [[any Encodable & Sendable]], on db: any SQLDatabase) async throws {
        guard !rows.isEmpty else { return }
        var insert = db.insert(into: table).columns(columns)
        for row in rows { insert = insert.values(row) }
        try await insert.run()
    }

    /// Hides or shows a provider's public pages (the profile taken offline, or published again).
    public func setPublished(_ slug: Slug, _ published: Bool, now: Date) async throws {
        let status: ProfileStatus = published ? .published : .unpublished
        try await store.sql.raw("""
            UPDATE user_profiles SET published = \(bind: status.isPublic), status = \(bind: status.rawValue), updated_at = \(bind: now)
            WHERE slug = \(bind: slug.value)
            """).run()
    }

    /// The number of providers the public site shows (those `publicFilter` lets through): every profile, less the
    /// unpublished ones and the published ones of suspended accounts, each counted through its own index.
    public func countPublished() async throws -> Int {
        try await store.sql.raw("""
            SELECT (SELECT COUNT(*) FROM user_profiles) - (SELECT COUNT(*) FROM user_profiles WHERE published = FALSE) - (
                SELECT COUNT(*) FROM users u WHERE u.verification_status = \(state: VerificationStatus.suspended)
                AND EXISTS (SELECT 1 FROM user_profiles p WHERE p.user_id = u.id AND p.published = TRUE)
            ) AS n
            """).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    public func find(slug: Slug) async throws -> ProviderProfile? {
        let rows = try await store.sql.raw(Self.select + " WHERE \(Self.publicFilter) AND p.slug = \(bind: slug.value)").all()
        return try await hydrate(rows).first
    }

    /// Published providers linked to any of the categories, best rated first, a page at a time (keyset: pass the
    /// last provider of the previous page).
    public func listing(inCategories categoryIDs: [Int64], after last: ProviderProfile?, limit: Int) async throws -> [ProviderProfile] {
        guard !categoryIDs.isEmpty else { return [] }
        var query: SQLQueryString = Self.select + " WHERE \(Self.publicFilter) AND " + Self.inCategories(categoryIDs)
        if let last {
            query = query + """
                 AND (s.rating_bound, s.rating_count, s.user_id) < (\(bind: last.statistics.ratingBound), \(bind: last.statistics.ratingCount), \(bind: last.id))
                """
        }
        query = query + " ORDER BY \(unsafeRaw: Self.ranking) LIMIT \(bind: limit)"
        return try await hydrate(try await store.sql.raw(query).all())
    }

    /// Every published provider linked to any of the categories, best rated first, as ids with their last change:
    /// one pass over the ranking index, for the generator to cut into pages and tell which pages changed.
    public func ranking(inCategories categoryIDs: [Int64]) async throws -> [RankedProvider] {
        guard !categoryIDs.isEmpty else { return [] }
        let query: SQLQueryString = """
            SELECT s.user_id, p.updated_at, s.updated_at AS statistics_updated_at
            FROM user_statistics s JOIN user_profiles p ON p.user_id = s.user_id JOIN users u ON u.id = s.user_id
            WHERE \(Self.publicFilter) AND
            """ + " " + Self.inCategories(categoryIDs) + " ORDER BY \(unsafeRaw: Self.ranking)"
        return try await store.sql.raw(query).all().map { row in
            RankedProvider(
                id: try row.decode(column: "user_id", as: Int64.self),
                updatedAt: max(try row.decode(column: "updated_at", as: Date.self), try row.decode(column: "statistics_updated_at", as: Date.self))
            )
        }
    }

    /// What a build needs to tell whether a provider's page changed, without loading the whole profile.
    public func stamps(after lastID: Int64?, limit: Int) async throws -> [ProviderStamp] {
        try await stamps(after: lastID, limit: limit, skipping: []).stamps
    }

    /// The stamps of the next `limit` public providers after `lastID`, in id order, leaving out those in `skipping`
    /// (walked over but not read): a build walks every provider after it has published most of their pages with
    /// their listings. `lastWalked` is where the next batch starts, nil when there were no more providers.
    public func stamps(after lastID: Int64?, limit: Int, skipping: Set<Int64>) async throws -> (stamps: [ProviderStamp], lastWalked: Int64?, walked: Int) {
        let rows = try await store.sql.raw("""
            SELECT \(Self.stampColumns)
            FROM user_profiles p JOIN users u ON u.id = p.user_id JOIN user_statistics s ON s.user_id = p.user_id
            WHERE \(Self.publicFilter) AND p.user_id > \(bind: lastID ?? 0) ORDER BY p.user_id LIMIT \(bind: limit)
            """).all()
        let walked = try rows.map { (id: try $0.decode(column: "user_id", as: Int64.self), row: $0) }
        let stamps = try await Self.stamps(of: walked.filter { !skipping.contains($0.id) }, on: store.sql)
        return (stamps, walked.last?.id, walked.count)
    }

    /// The stamps of public providers with these ids (those the site does not show are left out).
    public func stamps(ids: [Int64]) async throws -> [ProviderStamp] {
        guard !ids.isEmpty else { return [] }
        let rows = try await store.sql.raw("""
            SELECT \(Self.stampColumns)
            FROM user_profiles p JOIN users u ON u.id = p.user_id JOIN user_statistics s ON s.user_id = p.user_id
            WHERE \(Self.publicFilter) AND p.user_id IN (\(binds: ids)) ORDER BY p.user_id
            """).all()
        return try await Self.stamps(of: try rows.map { (id: try $0.decode(column: "user_id", as: Int64.self), row: $0) }, on: store.sql)
    }

    static let stampColumns: SQLQueryString = "p.user_id, p.slug, p.updated_at, s.updated_at AS statistics_updated_at, s.rating_bound, s.rating_count"

    /// Stamps from rows of `stampColumns`, with each provider's categories read in one query.
    private static func stamps(of rows: [(id: Int64, row: any SQLRow)], on sql: any SQLDatabase) async throws -> [ProviderStamp] {
        var categories: [Int64: [Slug]] = [:]
        if !rows.isEmpty {
            for row in try await sql.raw("""
                SELECT pc.provider_id, c.slug FROM provider_categories pc JOIN categories c ON c.id = pc.category_id
                WHERE pc.provider_id IN (\(binds: rows.map(\.id))) ORDER BY pc.provider_id, c.sort_order, c.name
                """).all() {
                categories[try row.decode(column: "provider_id", as: Int64.self), default: []].append(try Slug(try row.decode(column: "slug", as: String.self)))
            }
        }
        return try rows.map { id, row in
            let (slug, updatedAt, rank) = try stampFields(of: row)
            return ProviderStamp(id: id, slug: slug, updatedAt: updatedAt, categorySlugs: categories[id] ?? [], rank: rank)
        }
    }

    /// The slug, last change and place in listings of a row of `stampColumns`.
    static func stampFields(of row: any SQLRow) throws -> (slug: Slug, updatedAt: Date, rank: ListingRank) {
        (
            try Slug(try row.decode(column: "slug", as: String.self)),
            max(try row.decode(column: "updated_at", as: Date.self), try row.decode(column: "statistics_updated_at", as: Date.self)),
            ListingRank(
                ratingBound: try row.decode(column: "rating_bound", as: Double.self),
                ratingCount: try row.decode(column: "rating_count", as: Int.self)
            )
        )
    }

    /// The best rated published providers.
    public func topRated(limit: Int) async throws -> [ProviderProfile] {
        let rows = try await store.sql.raw(Self.selectByRanking + " AND \(Self.publicFilter) AND s.rating_count > 0 ORDER BY \(unsafeRaw: Self.ranking) LIMIT \(bind: limit)").all()
        return try await hydrate(rows)
    }

    private func categoryIDsBySlug() async throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        for row in try await store.sql.raw("SELECT id, slug FROM categories").all() {
            ids[try row.decode(column: "slug", as: String.self)] = try row.decode(column: "id", as: Int64.self)
        }
        return ids
    }
}
