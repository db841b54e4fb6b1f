import AgoraDomain
import SQLKit

/// The rows of `profile_background`: each provider's experience, education and certifications entries, in order.
enum ProfileBackground {
    /// Rows per INSERT: nine values each, well under either engine's limit on bound values.
    static let rowsPerInsert = 1_000

    /// The entries of each provider, by kind.
    static func load(of ids: [Int64], on db: any SQLDatabase) async throws -> [Int64: [BackgroundKind: [BackgroundEntry]]] {
        guard !ids.isEmpty else { return [:] }
        var background: [Int64: [BackgroundKind: [BackgroundEntry]]] = [:]
        for row in try await db.raw("""
            SELECT provider_id, kind, title, organisation, start_month, end_month, description, link FROM profile_background
            WHERE provider_id IN (\(binds: ids)) ORDER BY provider_id, kind, position
            """).all() {
            guard let kind = BackgroundKind(rawValue: try row.decode(column: "kind", as: String.self)) else { continue }
            let entry = BackgroundEntry(
                title: try row.decode(column: "title", as: String.self),
                organisation: try row.decode(column: "organisation", as: String.self),
                start: try row.decodeIfPresent(column: "start_month", as: String.self).flatMap(YearMonth.init),
                end: try row.decodeIfPresent(column: "end_month", as: String.self).flatMap(YearMonth.init),
                description: try row.decode(column: "description", as: String.self),
                link: try row.decodeIfPresent(column: "link", as: String.self)
            )
            background[try row.decode(column: "provider_id", as: Int64.self), default: [:]][kind, default: []].append(entry)
        }
        return background
    }

    /// Replaces one provider's entries.
    static func replace(_ userID: Int64, with background: [BackgroundKind: [BackgroundEntry]], on db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM profile_background WHERE provider_id = \(bind: userID)").run()
        try await insert([(userID, background)], on: db)
    }

    /// Adds the entries of providers that have none yet.
    static func insert(_ providers: [(id: Int64, background: [BackgroundKind: [BackgroundEntry]])], on db: any SQLDatabase) async throws {
        var rows: [[any Encodable & Sendable]] = []
        for (id, background) in providers {
            for kind in BackgroundKind.allCases {
                for (position, entry) in (background[kind] ?? []).enumerated() {
                    rows.append([
                        id, kind.rawValue, position, entry.title, entry.organisation, entry.start?.description, entry.end?.description,
                        entry.description, entry.link,
                    ] as [any Encodable & Sendable])
                }
            }
        }
        var start = 0
        while start < rows.count {
            let end = min(start + rowsPerInsert, rows.count)
            try await ProviderRepository.insertRows(
                into: "profile_background",
                columns: ["provider_id", "kind", "position", "title", "organisation", "start_month", "end_month", "description", "link"],
                Array(rows[start..<end]), on: db
            )
            start = end
        }
    }
}
