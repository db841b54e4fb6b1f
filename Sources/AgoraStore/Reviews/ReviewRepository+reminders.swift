import AgoraDomain
import Foundation
import SQLKit

extension ReviewRepository {
    /// Ratings age: a review counts half as much a year on (`RatingWeights`), so a summary nobody touched drifts from
    /// what the weights say today. Recomputes the summaries written more than `age` ago, oldest first, at most
    /// `limit`, each in its own transaction (the member's page queued like any rating change); returns how many.
    public func refreshAged(now: Date, age: TimeInterval, limit: Int) async throws -> Int {
        let members = try await store.sql.raw("""
            SELECT user_id FROM rating_summaries WHERE review_count > 0 AND updated_at < \(bind: now.addingTimeInterval(-age))
            ORDER BY updated_at LIMIT \(bind: limit)
            """).all().map { try $0.decode(column: "user_id", as: Int64.self) }
        for member in members {
            try await store.transaction { [store] db in
                try await ReviewRating.refresh(member, reason: "rating aged", now: now, on: db, engine: store.engine)
            }
        }
        return members.count
    }

    /// Reminds each party of a reviewable project who has not reviewed it yet: the day after it closed, and
    /// `ReviewRules.lastReminderDays` before its window closes (`ReviewWindow.reminders`); each reminder once, and
    /// only the latest due when a pass comes late. At most `limit` projects a pass; returns how many were reminded.
    public func remindDue(rules: ReviewRules, now: Date, limit: Int, announce: @escaping Announce) async throws -> Int {
        let window = Double(rules.windowDays) * 86_400
        let projects = try await store.sql.raw("""
            SELECT p.id FROM projects p
            WHERE p.status IN (\(states: [ProjectStatus.completed, ProjectStatus.cancelled]))
                AND COALESCE(p.completed_at, p.cancelled_at) > \(bind: now.addingTimeInterval(-window))
                AND COALESCE(p.completed_at, p.cancelled_at) <= \(bind: now.addingTimeInterval(-86_400))
                AND (SELECT COUNT(*) FROM reviews r WHERE r.project_id = p.id) < 2
            ORDER BY p.id LIMIT \(bind: limit)
            """).all().map { try $0.decode(column: "id", as: Int64.self) }
        var reminded = 0
        for projectID in projects {
            reminded += try await store.transaction { [store] db in
                let project = try await ProjectRepository.locked(projectID, on: db)
                let value = try await Self.releasedValue(of: project, on: db)
                let work = ReviewableWork(status: project.status, startedAt: project.startedAt, closedAt: project.closedAt, moneyReleased: value > 0)
                guard let open = try? ReviewWindow.open(for: work, rules: rules), open.accepts(at: now),
                      let due = open.reminders.lastIndex(where: { $0 <= now }) else { return 0 }
                let written = Set(try await Self.reviews(of: projectID, on: db).map(\.direction.reviewer))
                var count = 0
                for role in ProjectRole.allCases where !written.contains(role) {
                    let member = project.member(role)
                    let sent = try await db.raw("""
                        SELECT reminder FROM review_reminders WHERE project_id = \(bind: projectID) AND user_id = \(bind: member) AND reminder >= \(bind: due + 1)
                        """).first()
                    guard sent == nil else { continue }
                    try await db.raw("""
                        INSERT INTO review_reminders (project_id, user_id, reminder, sent_at) VALUES (\(bind: projectID), \(bind: member), \(bind: due + 1), \(bind: now))
                        """).run()
                    try await Self.announce(.reminder, to: member, about: project, window: open.closesAt, store: store, now: now, on: db, announce)
                    count += 1
                }
                return count
            }
        }
        return reminded
    }
}
