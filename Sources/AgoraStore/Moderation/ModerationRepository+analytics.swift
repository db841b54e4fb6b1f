import AgoraDomain
import Foundation
import SQLKit

/// How the queue is doing.
public struct ModerationAnalytics: Sendable, Hashable {
    /// Items waiting, by status.
    public let waiting: [ModerationStatus: Int]
    /// When the longest-waiting item came in.
    public let oldestWaiting: Date?
    /// Items decided since the start of the period, and the median time from entering the queue to the decision.
    public let decided: Int
    public let medianSecondsToDecision: Double?
    /// Decisions per moderator and kind since the start of the period.
    public let outcomes: [Int64: [ModerationDecision: Int]]
    /// Appeals heard since the start of the period, by outcome.
    public let appeals: [AppealOutcome: Int]
}

extension ModerationRepository {
    public func analytics(since: Date) async throws -> ModerationAnalytics {
        var waiting: [ModerationStatus: Int] = [:]
        var oldest: Date?
        for row in try await store.sql.raw("""
            SELECT status, COUNT(*) AS n, MIN(created_at) AS oldest FROM moderation_items WHERE status IN (\(states: ModerationStatus.waiting))
            GROUP BY status
            """).all() {
            guard let status = ModerationStatus(rawValue: try row.decode(column: "status", as: String.self)) else { continue }
            waiting[status] = try row.decode(column: "n", as: Int.self)
            if let first = try row.decodeIfPresent(column: "oldest", as: Date.self) { oldest = min(oldest ?? first, first) }
        }
        var durations: [Double] = []
        var outcomes: [Int64: [ModerationDecision: Int]] = [:]
        for row in try await store.sql.raw("""
            SELECT decided_by, decision, created_at, decided_at FROM moderation_items WHERE decided_at >= \(bind: since) AND decision IS NOT NULL
            """).all() {
            let created = try row.decode(column: "created_at", as: Date.self)
            let decided = try row.decode(column: "decided_at", as: Date.self)
            durations.append(decided.timeIntervalSince(created))
            if let moderator = try row.decodeIfPresent(column: "decided_by", as: Int64.self),
               let decision = ModerationDecision(rawValue: try row.decode(column: "decision", as: String.self)) {
                outcomes[moderator, default: [:]][decision, default: 0] += 1
            }
        }
        var appeals: [AppealOutcome: Int] = [:]
        for row in try await store.sql.raw("""
            SELECT outcome, COUNT(*) AS n FROM moderation_appeals WHERE decided_at >= \(bind: since) AND outcome IS NOT NULL GROUP BY outcome
            """).all() {
            if let outcome = AppealOutcome(rawValue: try row.decode(column: "outcome", as: String.self)) {
                appeals[outcome] = try row.decode(column: "n", as: Int.self)
            }
        }
        durations.sort()
        let median: Double? = durations.isEmpty ? nil
            : durations.count.isMultiple(of: 2) ? (durations[durations.count / 2 - 1] + durations[durations.count / 2]) / 2 : durations[durations.count / 2]
        return ModerationAnalytics(
            waiting: waiting, oldestWaiting: oldest, decided: durations.count, medianSecondsToDecision: median, outcomes: outcomes, appeals: appeals
        )
    }
}
