import AgoraDomain
import Foundation
import SQLKit

/// Where each kind of moderated content lives: its table, its author, its text, and what a decision does to it.
/// The one place the moderation queue touches other aggregates' tables.
enum ModeratedContent {
    /// The longest excerpt an item keeps.
    static let excerptLength = 2_000

    private static func table(_ subject: ModerationSubject) -> SQLQueryString {
        switch subject {
        case .order: "orders"
        case .proposal: "proposals"
        case .testimonial: "testimonials"
        case .portfolio: "portfolios"
        case .message: "project_messages"
        }
    }

    /// The author and the text as it reads now; nil when the content is gone. A chat message's text is sealed: it
    /// reads empty here, and its report brings the excerpt (`ModerationRepository.report`).
    static func read(_ subject: ModerationSubject, id: Int64, on db: any SQLDatabase) async throws -> (authorID: Int64?, text: String)? {
        let query: SQLQueryString = switch subject {
        case .order: "SELECT client_id AS author_id, title, description AS body FROM orders WHERE id = \(bind: id)"
        case .proposal: "SELECT provider_id AS author_id, '' AS title, message AS body FROM proposals WHERE id = \(bind: id)"
        case .testimonial: "SELECT user_id AS author_id, '' AS title, content AS body FROM testimonials WHERE id = \(bind: id)"
        case .portfolio: "SELECT provider_id AS author_id, title, description AS body FROM portfolios WHERE id = \(bind: id)"
        case .message:
            "SELECT sender_id AS author_id, '' AS title, '' AS body FROM project_messages WHERE id = \(bind: id) AND deleted_at IS NULL"
        }
        guard let row = try await db.raw(query).first() else { return nil }
        let title = try row.decode(column: "title", as: String.self)
        let body = try row.decode(column: "body", as: String.self)
        return (try row.decodeIfPresent(column: "author_id", as: Int64.self), title.isEmpty ? body : title + "\n\n" + body)
    }

    /// Hides the content from everyone but its author and staff, or shows it again. A portfolio item held is
    /// `pending` (shown again, `published`), and its provider's page is rebuilt; a chat message's room is told, so
    /// that open rooms show it hidden (or again) at once.
    static func hold(_ subject: ModerationSubject, id: Int64, _ held: Bool, now: Date, on db: any SQLDatabase) async throws {
        try await db.raw("UPDATE \(table(subject)) SET moderation_hold = \(bind: held) WHERE id = \(bind: id)").run()
        if subject == .message, let row = try await db.raw("SELECT project_id FROM project_messages WHERE id = \(bind: id)").first() {
            _ = try await RoomEventLog.append(
                .messageEdited, projectID: try row.decode(column: "project_id", as: Int64.self), actorID: nil, subjectID: id, now: now, on: db
            )
        }
        guard subject == .portfolio else { return }
        let (from, to) = held ? (PortfolioStatus.published, PortfolioStatus.pending) : (.pending, .published)
        guard let row = try await db.raw("""
            UPDATE portfolios SET status = \(state: to) WHERE id = \(bind: id) AND status = \(state: from) RETURNING provider_id
            """).first() else { return }
        try await PortfolioRepository.touch(try row.decode(column: "provider_id", as: Int64.self), reason: "portfolio item moderated", now: now, on: db)
    }

    /// A moderator's corrected text in place of the author's (an order's description, a proposal's message, a
    /// testimonial's content). A chat message is sealed under keys the moderation queue does not hold: it is
    /// approved, warned about, removed or its author suspended, never edited.
    static func replaceText(_ subject: ModerationSubject, id: Int64, with text: String, now: Date, on db: any SQLDatabase) async throws {
        let query: SQLQueryString = switch subject {
        case .order: "UPDATE orders SET description = \(bind: text), updated_at = \(bind: now) WHERE id = \(bind: id)"
        case .proposal: "UPDATE proposals SET message = \(bind: text), updated_at = \(bind: now) WHERE id = \(bind: id)"
        case .testimonial: "UPDATE testimonials SET content = \(bind: text), updated_at = \(bind: now) WHERE id = \(bind: id)"
        case .portfolio: "UPDATE portfolios SET description = \(bind: text), updated_at = \(bind: now) WHERE id = \(bind: id)"
        case .message: throw StatusTransitionError("a chat message is not edited by moderation: approve, warn about, remove it or suspend its author")
        }
        try await db.raw(query).run()
    }

    /// What removal does beyond the hold: a published testimonial stops being published; a portfolio item is
    /// refused (its owner may change it and publish it again).
    static func remove(_ subject: ModerationSubject, id: Int64, now: Date, on db: any SQLDatabase) async throws {
        switch subject {
        case .testimonial:
            try await db.raw("""
                UPDATE testimonials SET status = \(state: TestimonialStatus.rejected), featured = FALSE, moderated_at = \(bind: now), updated_at = \(bind: now)
                WHERE id = \(bind: id) AND status = \(state: TestimonialStatus.approved)
                """).run()
        case .portfolio:
            guard let row = try await db.raw("""
                UPDATE portfolios SET status = \(state: PortfolioStatus.rejected), updated_at = \(bind: now) WHERE id = \(bind: id) RETURNING provider_id
                """).first() else { return }
            try await PortfolioRepository.touch(try row.decode(column: "provider_id", as: Int64.self), reason: "portfolio item refused", now: now, on: db)
        case .order, .proposal, .message:
            break
        }
    }

    /// How many of this kind the author posted since `since`: what the rate filter counts.
    static func postedCount(_ subject: ModerationSubject, authorID: Int64, since: Date, on db: any SQLDatabase) async throws -> Int {
        let query: SQLQueryString = switch subject {
        case .order: "SELECT COUNT(*) AS n FROM orders WHERE client_id = \(bind: authorID) AND created_at >= \(bind: since)"
        case .proposal: "SELECT COUNT(*) AS n FROM proposals WHERE provider_id = \(bind: authorID) AND created_at >= \(bind: since)"
        case .testimonial: "SELECT COUNT(*) AS n FROM testimonials WHERE user_id = \(bind: authorID) AND created_at >= \(bind: since)"
        case .portfolio: "SELECT COUNT(*) AS n FROM portfolios WHERE provider_id = \(bind: authorID) AND updated_at >= \(bind: since)"
        case .message: "SELECT COUNT(*) AS n FROM project_messages WHERE sender_id = \(bind: authorID) AND created_at >= \(bind: since)"
        }
        return try await db.raw(query).first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
