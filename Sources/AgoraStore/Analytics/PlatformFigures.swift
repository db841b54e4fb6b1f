import AgoraDomain
import Foundation
import SQLKit

/// The quick figures of the administration's dashboard, each one query: accounts by kind and standing, sign-ups
/// per day, orders open for proposals, what waits in the site-changes queue and the email outbox and what failed
/// there, and staff who do not sign in with two factors yet.
public struct PlatformFigures: Sendable {
    public let accountsByType: [UserType: Int]
    public let suspendedAccounts: Int
    /// Sign-ups per UTC day over the window, oldest first, days without any included.
    public let signUps: [(day: Date, count: Int)]
    public let openOrders: Int
    public let queues: QueueBacklogs
    public let staffWithoutTwoFactors: Int

    /// Reads the figures as they are at `now`, sign-ups over the last `days` days.
    public static func read(store: Store, now: Date, days: Int = 30) async throws -> PlatformFigures {
        let sql = store.sql
        var byType: [UserType: Int] = [:]
        for row in try await sql.raw("SELECT user_type, COUNT(*) AS n FROM users GROUP BY user_type").all() {
            if let type = UserType(rawValue: try row.decode(column: "user_type", as: String.self)) { byType[type] = try row.decode(column: "n", as: Int.self) }
        }
        let today = (now.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400
        let start = Date(timeIntervalSince1970: today - Double(days - 1) * 86_400)
        var perDay: [Date: Int] = [:]
        for row in try await sql.raw("""
            SELECT \(DayNumbers.day("created_at", on: store.engine)) AS day, COUNT(*) AS n FROM users WHERE created_at >= \(bind: start) GROUP BY 1
            """).all() {
            perDay[DayNumbers.start(ofDay: try row.decode(column: "day", as: Int64.self))] = try row.decode(column: "n", as: Int.self)
        }
        let signUps = (0..<days).map { offset -> (day: Date, count: Int) in
            let day = start.addingTimeInterval(Double(offset) * 86_400)
            return (day, perDay[day] ?? 0)
        }
        func count(_ query: SQLQueryString) async throws -> Int {
            try await sql.raw(query).first()?.decode(column: "n", as: Int.self) ?? 0
        }
        return PlatformFigures(
            accountsByType: byType,
            suspendedAccounts: try await count("SELECT COUNT(*) AS n FROM users WHERE verification_status = \(state: VerificationStatus.suspended)"),
            signUps: signUps,
            openOrders: try await count("SELECT COUNT(*) AS n FROM orders WHERE status = \(state: OrderStatus.open)"),
            queues: try await QueueBacklogs.read(store: store, now: now),
            staffWithoutTwoFactors: try await count("""
                SELECT COUNT(*) AS n FROM staff_members s
                WHERE NOT EXISTS (SELECT 1 FROM two_factor_credentials t WHERE t.user_id = s.user_id AND t.confirmed_at IS NOT NULL)
                """)
        )
    }
}
