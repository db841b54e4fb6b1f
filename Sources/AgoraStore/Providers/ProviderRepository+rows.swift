import AgoraDomain
import Foundation
import SQLKit

extension ProviderRepository {
    /// The columns of a provider card or page; skills, languages and categories are fetched per page by `hydrate`.
    static let select: SQLQueryString = columns + """
         FROM user_profiles p
        JOIN users u ON u.id = p.user_id
        JOIN user_statistics s ON s.user_id = p.user_id
        """

    /// `select` walking the ranking index first: for the best rated few, where SQLite would otherwise read every
    /// profile and sort them. (`CROSS JOIN` fixes SQLite's join order; PostgreSQL plans it as an inner join.)
    static let selectByRanking: SQLQueryString = columns + """
         FROM user_statistics s CROSS JOIN user_profiles p CROSS JOIN users u
        WHERE p.user_id = s.user_id AND u.id = s.user_id
        """

    private static let columns: SQLQueryString = """
        SELECT u.id, u.first_name, u.last_name, p.slug, p.title, p.bio, p.city, p.region, p.country_code,
               p.latitude, p.longitude, p.hourly_rate_minor, p.hourly_rate_currency, p.availability, p.photo_key, p.photo_side, p.updated_at, p.verified_at, p.remote,
               s.rating_average, s.rating_count, s.completed_projects, s.completion_rate, s.response_time_minutes,
               s.updated_at AS statistics_updated_at
        """

    /// What the public may see: published profiles of accounts that are not suspended.
    static let publicFilter: SQLQueryString = "p.published = TRUE AND u.verification_status <> \(state: VerificationStatus.suspended)"

    /// Best rated first (`ProviderStatistics.ratingBound`); ties by number of ratings, then newest account. Matches
    /// `user_statistics_ranking_idx`.
    static let ranking = "s.rating_bound DESC, s.rating_count DESC, s.user_id DESC"

    /// Linked to any of the categories. Written as a semi-join that starts from the categories' own index, so a
    /// small category does not make the query visit every provider.
    static func inCategories(_ ids: [Int64]) -> SQLQueryString {
        "p.user_id IN (SELECT pc.provider_id FROM provider_categories pc WHERE pc.category_id IN (\(binds: ids)))"
    }

    /// The providers with these ids, in the order given (ids not published are left out).
    public func profiles(ids: [Int64]) async throws -> [ProviderProfile] {
        guard !ids.isEmpty else { return [] }
        let found = try await hydrate(try await store.sql.raw(Self.select + " WHERE \(Self.publicFilter) AND p.user_id IN (\(binds: ids))").all())
        let byID = Dictionary(uniqueKeysWithValues: found.map { ($0.id, $0) })
        return ids.compactMap { byID[$0] }
    }

    /// Turns profile rows into providers, fetching the lists of all of them in a few queries.
    func hydrate(_ rows: [any SQLRow]) async throws -> [ProviderProfile] {
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.decode(column: "id", as: Int64.self) }
        let skills = try await lists("SELECT provider_id, name AS item FROM provider_skills WHERE provider_id IN (\(binds: ids)) ORDER BY provider_id, position")
        let languages = try await lists("SELECT provider_id, language_code AS item FROM provider_languages WHERE provider_id IN (\(binds: ids)) ORDER BY provider_id, position")
        let categories = try await lists("""
            SELECT pc.provider_id, c.slug AS item FROM provider_categories pc JOIN categories c ON c.id = pc.category_id
            WHERE pc.provider_id IN (\(binds: ids)) ORDER BY pc.provider_id, c.sort_order, c.name
            """)
        let verified = try await VerificationRepository.verifiedKinds(of: ids, on: store.sql)
        let background = try await ProfileBackground.load(of: ids, on: store.sql)
        let portfolios = Dictionary(grouping: try await PortfolioRepository.items(
            where: "p.provider_id IN (\(binds: ids)) AND p.status = \(state: PortfolioStatus.published)", on: store.sql
        ), by: \.providerID)
        let reputations = try await ReviewRating.reputations(of: ids, on: store.sql)
        return try zip(rows, ids).map { row, id in
            try Self.profile(
                from: row, skills: skills[id] ?? [], languages: languages[id] ?? [], categories: categories[id] ?? [],
                background: background[id] ?? [:], verifications: verified[id] ?? [], portfolio: portfolios[id] ?? [],
                reputation: reputations[id] ?? .none
            )
        }
    }

    private func lists(_ query: SQLQueryString) async throws -> [Int64: [String]] {
        var lists: [Int64: [String]] = [:]
        for row in try await store.sql.raw(query).all() {
            lists[try row.decode(column: "provider_id", as: Int64.self), default: []].append(try row.decode(column: "item", as: String.self))
        }
        return lists
    }

    private static func profile(
        from row: any SQLRow, skills: [String], languages: [String], categories: [String],
        background: [BackgroundKind: [BackgroundEntry]], verifications: Set<VerificationKind>,
        portfolio: [PortfolioItem], reputation: ProviderReputation
    ) throws -> ProviderProfile {
        var location: ProviderLocation?
        if let city = try row.decodeIfPresent(column: "city", as: String.self), let country = try row.decodeIfPresent(column: "country_code", as: String.self) {
            location = ProviderLocation(
                city: city,
                region: try row.decodeIfPresent(column: "region", as: String.self),
                countryCode: country,
                latitude: try row.decodeIfPresent(column: "latitude", as: Double.self),
                longitude: try row.decodeIfPresent(column: "longitude", as: Double.self)
            )
        }
        var rate: Money?
        if let minor = try row.decodeIfPresent(column: "hourly_rate_minor", as: Int64.self), let currency = try row.decodeIfPresent(column: "hourly_rate_currency", as: String.self) {
            rate = Money(minorUnits: minor, currency: try CurrencyCode(currency))
        }
        let availability = Availability(rawValue: try row.decode(column: "availability", as: String.self)) ?? .unavailable
        let profileUpdated = try row.decode(column: "updated_at", as: Date.self)
        let statisticsUpdated = try row.decode(column: "statistics_updated_at", as: Date.self)
        return ProviderProfile(
            id: try row.decode(column: "id", as: Int64.self),
            slug: try Slug(try row.decode(column: "slug", as: String.self)),
            firstName: try row.decode(column: "first_name", as: String.self),
            lastName: try row.decode(column: "last_name", as: String.self),
            title: try row.decode(column: "title", as: String.self),
            bio: try row.decode(column: "bio", as: String.self),
            location: location,
            hourlyRate: rate,
            skills: skills,
            languages: languages,
            background: background,
            availability: availability,
            photo: try ProfileRepository.photo(from: row),
            categorySlugs: try categories.map { try Slug($0) },
            statistics: ProviderStatistics(
                ratingAverage: try row.decode(column: "rating_average", as: Double.self),
                ratingCount: try row.decode(column: "rating_count", as: Int.self),
                completedProjects: try row.decode(column: "completed_projects", as: Int.self),
                completionRate: try row.decode(column: "completion_rate", as: Double.self),
                responseTimeMinutes: try row.decodeIfPresent(column: "response_time_minutes", as: Int.self)
            ),
            updatedAt: max(profileUpdated, statisticsUpdated),
            verified: try row.decodeIfPresent(column: "verified_at", as: Date.self) != nil,
            verifications: verifications,
            remote: try row.decode(column: "remote", as: Bool.self),
            portfolio: portfolio,
            reputation: reputation
        )
    }
}
