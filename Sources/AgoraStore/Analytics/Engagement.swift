import AgoraDomain
import Foundation
import SQLKit

/// Who comes back, read from the authentication log: an account is active on a day when it signed in or renewed a
/// session that day (a renewal happens every few minutes while a page is open). Sign-ups are grouped in weekly
/// cohorts (Monday to Sunday, UTC) and each cohort's share of accounts active in each following week is its
/// retention.
public struct Engagement: Sendable {
    /// Accounts active on each UTC day of the window, oldest first.
    public let activeUsers: [(day: Date, count: Int)]
    public let cohorts: [Cohort]

    /// The accounts that signed up in one week, and how many of them were active in that week and each one after.
    public struct Cohort: Sendable, Hashable {
        /// The Monday the week starts on.
        public let week: Date
        public let size: Int
        /// `active[k]`: accounts of the cohort active in week `k` after their sign-up week (0: the same week).
        public let active: [Int]
    }

    /// The kinds of event that show a person using the marketplace.
    static let activity: [AuthEvent.Kind] = [.login, .refresh, .oidcLogin, .signInLink, .secondFactor, .verifyEmail]

    /// Active accounts over the last `days` days and the cohorts of the last `weeks` weeks, as of `now`.
    public static func read(store: Store, now: Date, days: Int = 30, weeks: Int = 8) async throws -> Engagement {
        let sql = store.sql
        let today = (now.timeIntervalSince1970 / 86_400).rounded(.down)
        let firstDay = today - Double(days - 1)
        var perDay: [Int64: Int] = [:]
        for row in try await sql.raw("""
            SELECT \(DayNumbers.day("created_at", on: store.engine)) AS day, COUNT(DISTINCT user_id) AS n FROM auth_events
            WHERE user_id IS NOT NULL AND outcome = \(bind: AuthEvent.Outcome.success.rawValue) AND kind IN (\(binds: activity.map(\.rawValue)))
              AND created_at >= \(bind: Date(timeIntervalSince1970: firstDay * 86_400))
            GROUP BY 1
            """).all() {
            perDay[try row.decode(column: "day", as: Int64.self)] = try row.decode(column: "n", as: Int.self)
        }
        let activeUsers = (0..<days).map { offset -> (day: Date, count: Int) in
            let day = Int64(firstDay) + Int64(offset)
            return (DayNumbers.start(ofDay: day), perDay[day] ?? 0)
        }
        let thisWeek = (Int64(today) + 3) / 7
        let firstWeek = thisWeek - Int64(weeks - 1)
        let since = DayNumbers.start(ofWeek: firstWeek)
        var sizes: [Int64: Int] = [:]
        for row in try await sql.raw("""
            SELECT \(DayNumbers.week("created_at", on: store.engine)) AS week, COUNT(*) AS n FROM users WHERE created_at >= \(bind: since) GROUP BY 1
            """).all() {
            sizes[try row.decode(column: "week", as: Int64.self)] = try row.decode(column: "n", as: Int.self)
        }
        var active: [Int64: [Int64: Int]] = [:]
        for row in try await sql.raw("""
            SELECT \(DayNumbers.week("u.created_at", on: store.engine)) AS cohort, \(DayNumbers.week("e.created_at", on: store.engine)) AS week, COUNT(DISTINCT u.id) AS n
            FROM users u JOIN auth_events e ON e.user_id = u.id
            WHERE u.created_at >= \(bind: since) AND e.outcome = \(bind: AuthEvent.Outcome.success.rawValue)
              AND e.kind IN (\(binds: activity.map(\.rawValue)))
            GROUP BY 1, 2
            """).all() {
            let cohort = try row.decode(column: "cohort", as: Int64.self)
            active[cohort, default: [:]][try row.decode(column: "week", as: Int64.self)] = try row.decode(column: "n", as: Int.self)
        }
        let cohorts = (firstWeek...thisWeek).map { week in
            Cohort(
                week: DayNumbers.start(ofWeek: week), size: sizes[week] ?? 0,
                active: (week...thisWeek).map { active[week]?[$0] ?? 0 }
            )
        }
        return Engagement(activeUsers: activeUsers, cohorts: cohorts)
    }
}
