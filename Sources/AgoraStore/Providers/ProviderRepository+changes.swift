import AgoraDomain
import Foundation
import SQLKit

/// Where changes to providers stand: the newest `updated_at` of their profiles and of their records (every change
/// to what a provider's page or ranking shows moves one of them; see `ProviderStamp`).
public struct ProviderChangeMarks: Sendable, Hashable {
    public let profiles: Date?
    public let statistics: Date?

    public init(profiles: Date?, statistics: Date?) {
        self.profiles = profiles
        self.statistics = statistics
    }
}

/// A provider changed since some marks: its stamp when the public site shows it, nil when it no longer does.
public struct ProviderChange: Sendable, Hashable {
    public let id: Int64
    public let slug: Slug
    public let stamp: ProviderStamp?
}

extension ProviderRepository {
    /// The marks as they stand now, over every provider, public or not.
    public func changeMarks() async throws -> ProviderChangeMarks {
        guard let row = try await store.sql.raw("""
            SELECT (SELECT MAX(updated_at) FROM user_profiles) AS profiles, (SELECT MAX(updated_at) FROM user_statistics) AS statistics
            """).first() else { return ProviderChangeMarks(profiles: nil, statistics: nil) }
        return ProviderChangeMarks(
            profiles: try row.decodeIfPresent(column: "profiles", as: Date.self),
            statistics: try row.decodeIfPresent(column: "statistics", as: Date.self)
        )
    }

    /// The providers whose profile or record changed after the marks, public or not, read through the indexes on
    /// `updated_at`; nil when more than `limit` did (walking every provider is then as cheap).
    public func changes(after marks: ProviderChangeMarks, limit: Int) async throws -> [ProviderChange]? {
        let never = Date(timeIntervalSince1970: 0)
        // Two queries rather than one UNION, which SQLite answers by reading far more of the index than it returns.
        var ids = Set<Int64>()
        for (table, mark) in [("user_profiles", marks.profiles), ("user_statistics", marks.statistics)] {
            ids.formUnion(try await store.sql.raw("""
                SELECT user_id FROM \(ident: table) WHERE updated_at > \(bind: mark ?? never) LIMIT \(bind: limit + 1)
                """).all().map { try $0.decode(column: "user_id", as: Int64.self) })
        }
        guard ids.count <= limit else { return nil }
        guard !ids.isEmpty else { return [] }
        return try await changes(of: "user_id IN (\(binds: Array(ids)))")
    }

    /// The provider with this slug as it stands now; nil when no profile has it.
    public func change(of slug: Slug) async throws -> ProviderChange? {
        try await changes(of: "slug = \(bind: slug.value)").first
    }

    /// The profiles the condition picks, public or not, each with its stamp when the site shows it.
    private func changes(of condition: SQLQueryString) async throws -> [ProviderChange] {
        let rows = try await store.sql.raw("SELECT user_id, slug FROM user_profiles WHERE " + condition + " ORDER BY user_id").all()
        let ids = try rows.map { try $0.decode(column: "user_id", as: Int64.self) }
        let stamps = Dictionary(uniqueKeysWithValues: try await stamps(ids: ids).map { ($0.id, $0) })
        return try zip(rows, ids).map { row, id in
            ProviderChange(id: id, slug: try Slug(try row.decode(column: "slug", as: String.self)), stamp: stamps[id])
        }
    }
}
