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

    /// How much the account has done in the marketplace: orders posted, proposals sent.
    public func activity(of userID: Int64) async throws -> (orders: Int, proposals: Int) {
        let row = try await store.sql.raw("""
            SELECT (SELECT COUNT(*) FROM orders WHERE client_id = \(bind: userID)) AS orders,
                   (SELECT COUNT(*) FROM proposals WHERE provider_id = \(bind: userID)) AS proposals
            """).first()
        return (try row?.decode(column: "orders", as: Int.self) ?? 0, try row?.decode(column: "proposals", as: Int.self) ?? 0)
    }
}
