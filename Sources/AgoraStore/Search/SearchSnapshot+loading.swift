import AgoraDomain
import Foundation
import SQLKit

extension SearchSnapshot {
    /// Rows read per round.
    static let batchSize = 5_000

    /// Reads every public provider.
    public static func load(from store: Store, now: Date) async throws -> SearchSnapshot {
        var snapshot = SearchSnapshot()
        snapshot.generation = try await store.searchIndexGeneration()
        var last: Int64 = 0
        while true {
            let rows = try await store.sql.raw(Self.select + " WHERE p.user_id > \(bind: last) ORDER BY p.user_id LIMIT \(bind: batchSize)").all()
            guard !rows.isEmpty else { break }
            last = try snapshot.apply(rows, store: store, lists: try await Self.lists(of: rows, store: store))
        }
        snapshot.clusterByCategory()
        snapshot.loadedAt = now
        snapshot.ratingPrior = try await RatingPriorRecord.current(on: store.sql)
        return snapshot
    }

    /// Orders the entries by their first category, then id, so that the providers of a category lie side by side:
    /// a search in a category then reads neighbouring records, which the processor fetches ahead, instead of
    /// records scattered over the whole snapshot.
    private mutating func clusterByCategory() {
        let lists = categoryLists
        func firstCategory(_ entry: Entry) -> Int64 { entry.categories.count > 0 ? lists[Int(entry.categories.start)] : .max }
        entries.sort { first, second in
            let (a, b) = (firstCategory(first), firstCategory(second))
            return a != b ? a < b : first.id < second.id
        }
        positions = [:]
        positions.reserveCapacity(entries.count)
        categoryMembers = [:]
        for (position, entry) in entries.enumerated() {
            positions[entry.id] = position
            for index in entry.categories.range { categoryMembers[lists[index], default: []].append(Int32(position)) }
        }
    }

    /// The snapshot with the providers changed since it was read: new, edited, re-rated, hidden or suspended ones.
    public func updated(from store: Store) async throws -> SearchSnapshot {
        var snapshot = self
        snapshot.generation = try await store.searchIndexGeneration()
        let since = watermark
        let rows = try await store.sql.raw(Self.select + """
             WHERE p.updated_at >= \(bind: since) OR s.updated_at >= \(bind: since) OR u.updated_at >= \(bind: since)
            """).all()
        for start in stride(from: 0, to: rows.count, by: Self.batchSize) {
            let batch = Array(rows[start..<min(rows.count, start + Self.batchSize)])
            _ = try snapshot.apply(batch, store: store, lists: try await Self.lists(of: batch, store: store))
        }
        snapshot.ratingPrior = try await RatingPriorRecord.current(on: store.sql)
        return snapshot
    }

    private static let select: SQLQueryString = """
        SELECT p.user_id, p.published, u.verification_status, p.country_code, p.city, p.latitude, p.longitude,
               p.hourly_rate_minor, p.hourly_rate_currency, p.availability, p.available_from, p.verified_at, p.remote,
               p.created_at, p.updated_at, s.rating_average, s.rating_count, s.completion_rate, s.response_time_minutes,
               s.updated_at AS statistics_updated_at, u.updated_at AS account_updated_at
        FROM user_profiles p JOIN users u ON u.id = p.user_id JOIN user_statistics s ON s.user_id = p.user_id
        """

    private struct Lists {
        var skills: [Int64: [String]] = [:]
        var languages: [Int64: [String]] = [:]
        var categories: [Int64: [Int64]] = [:]
    }

    private static func lists(of rows: [any SQLRow], store: Store) async throws -> Lists {
        let ids = try rows.map { try $0.decode(column: "user_id", as: Int64.self) }
        var lists = Lists()
        for row in try await store.sql.raw("SELECT provider_id, name FROM provider_skills WHERE provider_id IN (\(binds: ids)) ORDER BY provider_id, position").all() {
            lists.skills[try row.decode(column: "provider_id", as: Int64.self), default: []].append(try row.decode(column: "name", as: String.self))
        }
        for row in try await store.sql.raw("SELECT provider_id, language_code FROM provider_languages WHERE provider_id IN (\(binds: ids)) ORDER BY provider_id, position").all() {
            lists.languages[try row.decode(column: "provider_id", as: Int64.self), default: []].append(try row.decode(column: "language_code", as: String.self))
        }
        for row in try await store.sql.raw("SELECT provider_id, category_id FROM provider_categories WHERE provider_id IN (\(binds: ids))").all() {
            lists.categories[try row.decode(column: "provider_id", as: Int64.self), default: []].append(try row.decode(column: "category_id", as: Int64.self))
        }
        return lists
    }

    /// Puts the rows in the snapshot (or takes out those no longer public) and returns the last id.
    private mutating func apply(_ rows: [any SQLRow], store: Store, lists: Lists) throws -> Int64 {
        var last: Int64 = 0
        for row in rows {
            let id = try row.decode(column: "user_id", as: Int64.self)
            last = id
            let changed = max(
                try row.decode(column: "updated_at", as: Date.self), try row.decode(column: "statistics_updated_at", as: Date.self),
                try row.decode(column: "account_updated_at", as: Date.self)
            )
            watermark = max(watermark, changed)
            guard try row.decode(column: "published", as: Bool.self),
                  try row.decode(column: "verification_status", as: String.self) != VerificationStatus.suspended.rawValue else {
                if let position = positions.removeValue(forKey: id) { entries[position].alive = false }
                continue
            }
            var vector: (x: Double, y: Double, z: Double)?
            let latitude = try row.decodeIfPresent(column: "latitude", as: Double.self)
            if let latitude, let longitude = try row.decodeIfPresent(column: "longitude", as: Double.self),
               let point = try? GeoPoint(latitude: latitude, longitude: longitude) {
                vector = point.unitVector
            }
            let categoryStart = Int32(categoryLists.count)
            categoryLists += lists.categories[id] ?? []
            let skillStart = Int32(skillLists.count)
            for name in lists.skills[id] ?? [] {
                let number = skills.number(for: name.lowercased())
                if skillLabels[number] == nil { skillLabels[number] = name }
                if !skillLists[Int(skillStart)...].contains(number) { skillLists.append(number) }
            }
            let languageStart = Int32(languageLists.count)
            for code in lists.languages[id] ?? [] {
                let number = languages.number(for: code)
                if !languageLists[Int(languageStart)...].contains(number) { languageLists.append(number) }
            }
            let currency = try row.decodeIfPresent(column: "hourly_rate_currency", as: String.self)
            let entry = Entry(
                id: id,
                alive: true,
                country: try row.decodeIfPresent(column: "country_code", as: String.self).map { countries.number(for: $0) } ?? -1,
                city: try row.decodeIfPresent(column: "city", as: String.self).map { cities.number(for: $0.lowercased()) } ?? -1,
                latitude: latitude,
                vector: vector,
                rateMinor: try row.decodeIfPresent(column: "hourly_rate_minor", as: Int64.self),
                rateCurrency: currency.flatMap { Self.currencies.firstIndex(of: $0) }.map { Int8($0) } ?? -1,
                availability: Availability(rawValue: try row.decode(column: "availability", as: String.self)) ?? .unavailable,
                availableFrom: try row.decodeIfPresent(column: "available_from", as: Date.self),
                verified: try row.decodeIfPresent(column: "verified_at", as: Date.self) != nil,
                remote: try row.decode(column: "remote", as: Bool.self),
                ratingAverage: try row.decode(column: "rating_average", as: Double.self),
                ratingCount: try row.decode(column: "rating_count", as: Int.self),
                completionRate: try row.decode(column: "completion_rate", as: Double.self),
                responseMinutes: try row.decodeIfPresent(column: "response_time_minutes", as: Int.self),
                createdAt: try row.decode(column: "created_at", as: Date.self),
                categories: Slice(start: categoryStart, count: Int32(categoryLists.count) - categoryStart),
                skills: Slice(start: skillStart, count: Int32(skillLists.count) - skillStart),
                languages: Slice(start: languageStart, count: Int32(languageLists.count) - languageStart)
            )
            let position: Int
            if let known = positions[id] {
                position = known
                entries[position] = entry
            } else {
                position = entries.count
                positions[id] = position
                entries.append(entry)
            }
            for category in lists.categories[id] ?? [] where categoryMembers[category]?.last != Int32(position) {
                categoryMembers[category, default: []].append(Int32(position))
            }
        }
        return last
    }
}
