import AgoraDomain
import Foundation
import SQLKit

/// The profile as its rows hold it (what the public sees once published): read back as `ProfileContent`, and
/// written in the caller's transaction with the search index and the pages that show it.
extension ProfileRepository {
    static func live(_ userID: Int64, on db: any SQLDatabase) async throws -> ProfileContent {
        guard let row = try await db.raw("""
            SELECT title, bio, city, country_code, hourly_rate_minor, hourly_rate_currency, remote, availability, available_from,
                   weekly_hours
            FROM user_profiles WHERE user_id = \(bind: userID)
            """).first() else { throw StoreError.notFound("this account has no provider profile") }
        let categories = try await db.raw("""
            SELECT c.slug FROM provider_categories pc JOIN categories c ON c.id = pc.category_id WHERE pc.provider_id = \(bind: userID) ORDER BY c.slug
            """).all().map { try Slug(try $0.decode(column: "slug", as: String.self)) }
        let skills = try await db.raw("SELECT name FROM provider_skills WHERE provider_id = \(bind: userID) ORDER BY position").all()
            .map { try $0.decode(column: "name", as: String.self) }
        let languages = try await db.raw("""
            SELECT language_code, level FROM provider_languages WHERE provider_id = \(bind: userID) ORDER BY position
            """).all().map { row in
            LanguageSkill(
                code: try row.decode(column: "language_code", as: String.self),
                level: LanguageSkill.Level(rawValue: try row.decode(column: "level", as: String.self)) ?? .fluent
            )
        }
        var rate: Money?
        if let minor = try row.decodeIfPresent(column: "hourly_rate_minor", as: Int64.self),
           let currency = try row.decodeIfPresent(column: "hourly_rate_currency", as: String.self) {
            rate = Money(minorUnits: minor, currency: try CurrencyCode(currency))
        }
        let city = try row.decodeIfPresent(column: "city", as: String.self)
        let background = try await ProfileBackground.load(of: [userID], on: db)[userID] ?? [:]
        return ProfileContent(
            title: try row.decode(column: "title", as: String.self), bio: try row.decode(column: "bio", as: String.self),
            categorySlugs: categories, skills: skills, languages: languages, hourlyRate: rate,
            city: city, countryCode: city == nil ? nil : try row.decodeIfPresent(column: "country_code", as: String.self),
            remote: try row.decode(column: "remote", as: Bool.self),
            availability: Availability(rawValue: try row.decode(column: "availability", as: String.self)) ?? .available,
            availableFrom: try row.decodeIfPresent(column: "available_from", as: Date.self),
            weeklyHours: try row.decodeIfPresent(column: "weekly_hours", as: Int.self),
            experience: background[.experience] ?? [], education: background[.education] ?? [], certifications: background[.certification] ?? []
        )
    }

    /// The ids of the categories, each of which must exist and be active (a field error names each one that is not).
    static func categoryIDs(_ slugs: [Slug], on db: any SQLDatabase) async throws -> [Int64] {
        guard !slugs.isEmpty else { return [] }
        var ids: [String: Int64] = [:]
        for row in try await db.raw("SELECT id, slug FROM categories WHERE active = TRUE AND slug IN (\(binds: slugs.map(\.value)))").all() {
            ids[try row.decode(column: "slug", as: String.self)] = try row.decode(column: "id", as: Int64.self)
        }
        let errors = slugs.enumerated().filter { ids[$0.element.value] == nil }.map { FieldError(field: "categories[\($0.offset)]", message: "is not an open category") }
        guard errors.isEmpty else { throw ValidationError(errors) }
        return slugs.compactMap { ids[$0.value] }
    }

    /// Writes the content into the profile's rows. A city kept as it was keeps its coordinates; a new one takes
    /// those of `Cities`, and one the list does not have gets none (no search by distance finds it).
    static func writeLive(_ userID: Int64, _ content: ProfileContent, categoryIDs: [Int64], now: Date, on db: any SQLDatabase) async throws {
        let listed = content.city.flatMap { city in content.countryCode.flatMap { Cities.find(name: city, countryCode: $0) } }
        try await db.raw("""
            UPDATE user_profiles SET title = \(bind: content.title), bio = \(bind: content.bio),
                latitude = CASE WHEN city = \(bind: content.city) AND country_code = \(bind: content.countryCode) THEN latitude
                    ELSE \(bind: listed?.latitude) END,
                longitude = CASE WHEN city = \(bind: content.city) AND country_code = \(bind: content.countryCode) THEN longitude
                    ELSE \(bind: listed?.longitude) END,
                region = CASE WHEN city = \(bind: content.city) AND country_code = \(bind: content.countryCode) THEN region END,
                city = \(bind: content.city), country_code = \(bind: content.countryCode),
                hourly_rate_minor = \(bind: content.hourlyRate?.minorUnits), hourly_rate_currency = \(bind: content.hourlyRate?.currency.code),
                remote = \(bind: content.remote), availability = \(bind: content.availability.rawValue),
                available_from = \(bind: content.availableFrom), weekly_hours = \(bind: content.weeklyHours), updated_at = \(bind: now)
            WHERE user_id = \(bind: userID)
            """).run()
        try await ProfileBackground.replace(userID, with: content.backgroundByKind, on: db)
        try await db.raw("DELETE FROM provider_skills WHERE provider_id = \(bind: userID)").run()
        try await db.raw("DELETE FROM provider_languages WHERE provider_id = \(bind: userID)").run()
        try await db.raw("DELETE FROM provider_categories WHERE provider_id = \(bind: userID)").run()
        try await ProviderRepository.insertRows(
            into: "provider_skills", columns: ["provider_id", "position", "name"],
            content.skills.enumerated().map { [userID, $0.offset, $0.element] }, on: db
        )
        try await ProviderRepository.insertRows(
            into: "provider_languages", columns: ["provider_id", "position", "language_code", "level"],
            content.languages.enumerated().map { [userID, $0.offset, $0.element.code, $0.element.level.rawValue] }, on: db
        )
        try await ProviderRepository.insertRows(
            into: "provider_categories", columns: ["provider_id", "category_id"], categoryIDs.map { [userID, $0] }, on: db
        )
    }

    /// Brings the search index and the public pages in step with a public change to the profile: the provider's
    /// page and the listing pages of its categories, before and after.
    static func publishChange(
        of userID: Int64, categories: [Slug], reason: String, now: Date, in transaction: StoreTransaction, store: Store
    ) async throws {
        try await SearchIndexWriter(engine: store.engine).refresh([userID], on: transaction.sql)
        guard let row = try await transaction.sql.raw("SELECT slug FROM user_profiles WHERE user_id = \(bind: userID)").first() else { return }
        let slug = try Slug(try row.decode(column: "slug", as: String.self))
        var changes: [SiteChange] = [.provider(slug)]
        for category in categories where !changes.contains(.category(category)) { changes.append(.category(category)) }
        try await SiteChangeQueue(store: store, on: transaction.sql).enqueue(changes, reason: "provider \(slug) \(reason)", now: now)
    }

    /// Sets the status, and `published` with it (what the public filters read). The page's address answers 410
    /// once its owner takes the profile offline, and serves the page again when it is published.
    static func setStatus(_ userID: Int64, _ status: ProfileStatus, reasons: String = "", now: Date, on db: any SQLDatabase) async throws {
        guard let row = try await db.raw("""
            UPDATE user_profiles SET status = \(bind: status.rawValue), published = \(bind: status.isPublic), review_reasons = \(bind: reasons),
                updated_at = \(bind: now)
            WHERE user_id = \(bind: userID) RETURNING slug
            """).first() else { throw StoreError.notFound("this account has no provider profile") }
        let page = PagePaths.provider(try Slug(try row.decode(column: "slug", as: String.self)))
        switch status {
        case .published: try await RedirectRepository.clearGone(page, on: db)
        case .unpublished: try await RedirectRepository.markGone(page, now: now, on: db)
        case .draft, .pending, .rejected: break
        }
        try await RatingPriorRecord.follow(now: now, on: db)
    }
}
