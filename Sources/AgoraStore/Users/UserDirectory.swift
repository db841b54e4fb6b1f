import AgoraDomain
import Foundation
import SQLKit

/// What an administrator's search of the accounts asks for; nil matches anything.
public struct UserDirectoryQuery: Sendable, Hashable {
    /// Part of the address or of the name, any case.
    public var text: String?
    public var type: UserType?
    public var status: VerificationStatus?
    public var country: String?
    /// Registered from (inclusive) and until (exclusive).
    public var from: Date?
    public var until: Date?
    /// One account.
    public var userID: Int64?

    public init() {}
}

/// The accounts as support sees them: searched and filtered, newest first, a page at a time; and what one
/// account's page shows besides its profile.
public struct UserDirectory: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Accounts matching the query with ids below `before`, newest first.
    public func search(_ query: UserDirectoryQuery, before: Int64?, limit: Int) async throws -> [UserAccount] {
        var conditions = Self.conditions(query)
        if let before { conditions.append("id < \(bind: before)") }
        return try await store.sql.raw("""
            SELECT \(UserRepository.accountColumns)
            FROM users \(Self.whereClause(conditions)) ORDER BY id DESC LIMIT \(bind: limit)
            """).all().map(UserRepository.account(from:))
    }

    /// The accounts a message to the query's segment reaches: those matching it whose address is confirmed (pending
    /// accounts are left out), oldest first.
    public func recipients(_ query: UserDirectoryQuery) async throws -> [UserAccount] {
        let conditions = Self.conditions(query) + ["verification_status <> \(state: VerificationStatus.pending)"]
        return try await store.sql.raw("""
            SELECT \(UserRepository.accountColumns)
            FROM users WHERE \(conditions.joined(separator: " AND ")) ORDER BY id
            """).all().map(UserRepository.account(from:))
    }

    /// `WHERE` and the conditions joined by `AND`; nothing when there are none.
    static func whereClause(_ conditions: [SQLQueryString]) -> SQLQueryString {
        conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    }

    static func conditions(_ query: UserDirectoryQuery) -> [SQLQueryString] {
        var conditions: [SQLQueryString] = []
        if let text = query.text?.trimmingCharacters(in: .whitespaces).lowercased(), !text.isEmpty {
            let pattern = LikePattern.containing(text)
            conditions.append("""
                (lower(email) LIKE \(bind: pattern) ESCAPE '\\' OR lower(first_name || ' ' || last_name) LIKE \(bind: pattern) ESCAPE '\\')
                """)
        }
        if let type = query.type { conditions.append("user_type = \(bind: type.rawValue)") }
        if let status = query.status { conditions.append("verification_status = \(bind: status.rawValue)") }
        if let country = query.country { conditions.append("country_code = \(bind: country.uppercased())") }
        if let from = query.from { conditions.append("created_at >= \(bind: from)") }
        if let until = query.until { conditions.append("created_at < \(bind: until)") }
        if let userID = query.userID { conditions.append("id = \(bind: userID)") }
        return conditions
    }

    /// How much the account has done in the marketplace, and been reported for.
    public struct Activity: Sendable, Hashable {
        public let orders: Int
        public let proposals: Int
        /// Projects it is the client or the provider of.
        public let projects: Int
        /// Members' reports about what it wrote, and reports it made.
        public let reportsAbout: Int
        public let reportsMade: Int
        public let openDisputes: Int
    }

    public func activity(of userID: Int64) async throws -> Activity {
        let row = try await store.sql.raw("""
            SELECT (SELECT COUNT(*) FROM orders WHERE client_id = \(bind: userID)) AS orders,
                   (SELECT COUNT(*) FROM proposals WHERE provider_id = \(bind: userID)) AS proposals,
                   (SELECT COUNT(*) FROM projects WHERE client_id = \(bind: userID) OR provider_id = \(bind: userID)) AS projects,
                   (SELECT COUNT(*) FROM moderation_flags f JOIN moderation_items i ON i.id = f.item_id
                    WHERE i.author_id = \(bind: userID) AND f.kind = \(state: FlagKind.report)) AS reports_about,
                   (SELECT COUNT(*) FROM moderation_flags WHERE reporter_id = \(bind: userID) AND kind = \(state: FlagKind.report)) AS reports_made,
                   (SELECT COUNT(*) FROM disputes d JOIN projects p ON p.id = d.project_id
                    WHERE d.status = \(state: DisputeStatus.open) AND (p.client_id = \(bind: userID) OR p.provider_id = \(bind: userID))) AS open_disputes
            """).first()
        func count(_ column: String) throws -> Int { try row?.decode(column: column, as: Int.self) ?? 0 }
        return Activity(
            orders: try count("orders"), proposals: try count("proposals"), projects: try count("projects"),
            reportsAbout: try count("reports_about"), reportsMade: try count("reports_made"), openDisputes: try count("open_disputes")
        )
    }
}
