import AgoraDomain
import Foundation
import SQLKit

/// Testimonials and their moderation. The public sees approved ones only.
public struct TestimonialRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// Pending testimonials one account may have waiting; more would be flooding the moderators.
    public static let maximumPendingPerAccount = 3

    private static let columns: SQLQueryString = "id, user_id, author_name, author_role, content, rating, status, featured, created_at"

    /// Stores a testimonial for moderation, signed with the author's first name and the initial of the last.
    public func submit(_ form: TestimonialForm, author: UserAccount, now: Date) async throws -> Testimonial {
        try await store.transaction { db in
            let pending = try await db.raw("""
                SELECT COUNT(*) AS n FROM testimonials WHERE user_id = \(bind: author.id) AND status = \(state: TestimonialStatus.pending)
                """).first()?.decode(column: "n", as: Int.self) ?? 0
            guard pending < Self.maximumPendingPerAccount else {
                throw StoreError.conflict("\(Self.maximumPendingPerAccount) of your testimonials already wait for moderation")
            }
            let name = author.firstName + (author.lastName.first.map { " \($0)." } ?? "")
            guard let row = try await db.raw("""
                INSERT INTO testimonials (user_id, author_name, author_role, content, rating, status, featured, created_at, updated_at)
                VALUES (\(bind: author.id), \(bind: name), \(bind: author.userType.rawValue), \(bind: form.content), \(bind: form.rating),
                        \(state: TestimonialStatus.pending), FALSE, \(bind: now), \(bind: now))
                RETURNING \(Self.columns)
                """).first() else { throw StoreError.conflict("the testimonial was not stored") }
            return try Self.testimonial(from: row)
        }
    }

    /// Approved testimonials: featured ones first, the others in an order that changes every day (`day` counts
    /// days since 1970), so the homepage rotates through them.
    public func approved(limit: Int, day: Int) async throws -> [Testimonial] {
        try await store.sql.raw("""
            SELECT \(Self.columns) FROM testimonials WHERE status = \(state: TestimonialStatus.approved) AND moderation_hold = FALSE
            ORDER BY featured DESC, (id * 2654435761 + \(bind: day) * 377711) % 1000003, id LIMIT \(bind: limit)
            """).all().map(Self.testimonial(from:))
    }

    /// Whether the testimonial is on the homepage now (published, and not held by moderation).
    public func isPublished(_ id: Int64) async throws -> Bool {
        try await store.sql.raw("""
            SELECT 1 AS found FROM testimonials WHERE id = \(bind: id) AND status = \(state: TestimonialStatus.approved) AND moderation_hold = FALSE
            """).first() != nil
    }

    /// Testimonials in one status, newest first, for moderators.
    public func list(status: TestimonialStatus, limit: Int) async throws -> [Testimonial] {
        try await store.sql.raw("""
            SELECT \(Self.columns) FROM testimonials WHERE status = \(bind: status.rawValue)
            ORDER BY created_at DESC, id DESC LIMIT \(bind: limit)
            """).all().map(Self.testimonial(from:))
    }

    /// Moves a testimonial to `status` by the rule of `TestimonialStatus`; a rejected one loses its feature.
    /// Nil when there is no such testimonial.
    public func moderate(_ id: Int64, to status: TestimonialStatus, by actor: AuditActor, now: Date) async throws -> Testimonial? {
        try await store.inTransaction { transaction in
            let db = transaction.sql
            guard let current = try await db.raw("SELECT \(Self.columns) FROM testimonials WHERE id = \(bind: id)").first()
                .map(Self.testimonial(from:)) else { return nil }
            let next = try current.status.moving(to: status)
            let moved = try await db.raw("""
                UPDATE testimonials SET status = \(bind: next.rawValue), featured = \(bind: next == .approved && current.featured),
                    moderated_at = \(bind: now), updated_at = \(bind: now)
                WHERE id = \(bind: id) RETURNING \(Self.columns)
                """).first().map(Self.testimonial(from:))
            try await AuditLog(store: store, in: transaction).append(actor.entry(
                next == .approved ? .testimonialApproved : .testimonialRejected, on: .testimonial, id: id,
                before: ["status": current.status.rawValue], after: ["status": next.rawValue], at: now
            ))
            return moved
        }
    }

    /// Features or unfeatures an approved testimonial; only approved ones can be featured.
    public func setFeatured(_ id: Int64, _ featured: Bool, by actor: AuditActor, now: Date) async throws -> Testimonial? {
        try await store.inTransaction { transaction in
            let db = transaction.sql
            guard let current = try await db.raw("SELECT \(Self.columns) FROM testimonials WHERE id = \(bind: id)").first()
                .map(Self.testimonial(from:)) else { return nil }
            guard current.status == .approved || !featured else {
                throw ValidationError(field: "featured", message: "only an approved testimonial can be featured")
            }
            let changed = try await db.raw("""
                UPDATE testimonials SET featured = \(bind: featured), updated_at = \(bind: now) WHERE id = \(bind: id) RETURNING \(Self.columns)
                """).first().map(Self.testimonial(from:))
            try await AuditLog(store: store, in: transaction).append(actor.entry(
                featured ? .testimonialFeatured : .testimonialUnfeatured, on: .testimonial, id: id,
                before: ["featured": String(current.featured)], after: ["featured": String(featured)], at: now
            ))
            return changed
        }
    }

    static func testimonial(from row: any SQLRow) throws -> Testimonial {
        Testimonial(
            id: try row.decode(column: "id", as: Int64.self),
            userID: try row.decodeIfPresent(column: "user_id", as: Int64.self),
            authorName: try row.decode(column: "author_name", as: String.self),
            authorRole: UserType(rawValue: try row.decode(column: "author_role", as: String.self)) ?? .client,
            content: try row.decode(column: "content", as: String.self),
            rating: try row.decode(column: "rating", as: Int.self),
            status: TestimonialStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .pending,
            featured: try row.decode(column: "featured", as: Bool.self),
            createdAt: try row.decode(column: "created_at", as: Date.self)
        )
    }
}
