import AgoraDomain
import Foundation
import SQLKit

/// Providers' portfolios. Every write is its owner's (another provider's item is not found); a change to what the
/// public sees — an item published, changed while public, refused, reordered, an image added or removed — moves the
/// profile's `updated_at` and queues the provider's page in the same transaction. Publishing, and changing a public
/// item, passes the text through the moderation intake: a finding over the threshold, or the pre-approval setting,
/// makes the item `pending` until a moderator decides.
public struct PortfolioRepository: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    static let notFound = StoreError.notFound("your portfolio has no item with this id")

    /// The owner's items in order, every status, with their images.
    public func list(_ providerID: Int64) async throws -> [PortfolioItem] {
        try await Self.items(where: "p.provider_id = \(bind: providerID)", on: store.sql)
    }

    public func find(_ id: Int64, providerID: Int64) async throws -> PortfolioItem {
        guard let item = try await Self.items(where: "p.id = \(bind: id) AND p.provider_id = \(bind: providerID)", on: store.sql).first else {
            throw Self.notFound
        }
        return item
    }

    /// Whether the public sees the item (what a report needs).
    public func isPublished(_ id: Int64) async throws -> Bool {
        try await store.sql.raw("""
            SELECT p.id FROM portfolios p JOIN user_profiles u ON u.user_id = p.provider_id
            WHERE p.id = \(bind: id) AND p.status = \(state: PortfolioStatus.published) AND u.published = TRUE
            """).first() != nil
    }

    /// A new draft at the end of the portfolio; 409 when the portfolio is full.
    public func create(_ providerID: Int64, _ content: PortfolioContent, now: Date) async throws -> PortfolioItem {
        try await store.inTransaction { [store] transaction in
            let db = transaction.sql
            try await Self.lockProvider(providerID, on: db, engine: store.engine)
            let count = try await db.raw("SELECT COUNT(*) AS n FROM portfolios WHERE provider_id = \(bind: providerID)").first()?
                .decode(column: "n", as: Int.self) ?? 0
            guard count < PortfolioContent.maximumItems else {
                throw StoreError.conflict("a portfolio holds at most \(PortfolioContent.maximumItems) items: remove one first")
            }
            let categoryID = try await Self.categoryID(content.categorySlug, on: db)
            guard let row = try await db.raw("""
                INSERT INTO portfolios (provider_id, title, description, category_id, skills, link, client_name, shows_client, completed_on,
                                        position, status, created_at, updated_at)
                VALUES (\(bind: providerID), \(bind: content.title), \(bind: content.description), \(bind: categoryID), \(bind: try Self.json(content.skills)),
                        \(bind: content.link), \(bind: content.clientName), \(bind: content.showsClient), \(bind: content.completedOn),
                        (SELECT COALESCE(MAX(position) + 1, 0) FROM portfolios WHERE provider_id = \(bind: providerID)),
                        \(state: PortfolioStatus.draft), \(bind: now), \(bind: now))
                RETURNING id
                """).first() else { throw StoreError.conflict("the item was not stored") }
            let id = try row.decode(column: "id", as: Int64.self)
            guard let item = try await Self.items(where: "p.id = \(bind: id)", on: db).first else { throw Self.notFound }
            return item
        }
    }

    /// Writes the content and moves the status as asked (`PortfolioStatus.moving`). An item that is or becomes
    /// public goes through `intake`; the provider's page follows when the public could see a difference.
    public func update(
        _ id: Int64, providerID: Int64, _ content: PortfolioContent, status requested: PortfolioStatus?, intake: ContentIntake, now: Date
    ) async throws -> PortfolioItem {
        try await store.inTransaction { [store] transaction in
            let db = transaction.sql
            try await Self.lockProvider(providerID, on: db, engine: store.engine)
            guard let current = try await Self.items(where: "p.id = \(bind: id) AND p.provider_id = \(bind: providerID)", on: db).first else {
                throw Self.notFound
            }
            let next = try requested.map { try current.status.moving(to: $0) } ?? current.status
            let categoryID = try await Self.categoryID(content.categorySlug, on: db)
            // A published item asked to publish again keeps its status; a pending one keeps its hold.
            let written = next == .published && current.status == .pending ? PortfolioStatus.pending : next
            try await db.raw("""
                UPDATE portfolios SET title = \(bind: content.title), description = \(bind: content.description), category_id = \(bind: categoryID),
                    skills = \(bind: try Self.json(content.skills)), link = \(bind: content.link), client_name = \(bind: content.clientName),
                    shows_client = \(bind: content.showsClient), completed_on = \(bind: content.completedOn), status = \(state: written),
                    moderation_hold = \(bind: written == .pending), updated_at = \(bind: now)
                WHERE id = \(bind: id)
                """).run()
            let screened = written == .published || written == .pending
            if screened, current.content != content || current.status != written {
                try await ModerationRepository.intake(intake, subjectID: id, authorID: providerID, now: now, on: db)
            }
            if current.status.isPublic || written.isPublic {
                try await Self.touch(providerID, reason: "portfolio item \(id) changed", now: now, on: db)
            }
            guard let item = try await Self.items(where: "p.id = \(bind: id)", on: db).first else { throw Self.notFound }
            return item
        }
    }

    /// Deletes the item and its image rows; returns the images' keys, whose files the caller removes once this has
    /// committed.
    public func delete(_ id: Int64, providerID: Int64, now: Date) async throws -> [String] {
        try await store.inTransaction { transaction in
            let db = transaction.sql
            guard let current = try await Self.items(where: "p.id = \(bind: id) AND p.provider_id = \(bind: providerID)", on: db).first else {
                throw Self.notFound
            }
            try await db.raw("DELETE FROM portfolio_files WHERE portfolio_id = \(bind: id)").run()
            try await db.raw("DELETE FROM portfolios WHERE id = \(bind: id)").run()
            // Nothing is left for a moderator to decide.
            try await db.raw("""
                UPDATE moderation_items SET status = \(state: ModerationStatus.closed), updated_at = \(bind: now)
                WHERE subject = \(bind: ModerationSubject.portfolio.rawValue) AND subject_id = \(bind: id)
                  AND status IN (\(binds: ModerationStatus.waiting.map(\.rawValue)))
                """).run()
            if current.status.isPublic { try await Self.touch(providerID, reason: "portfolio item \(id) deleted", now: now, on: db) }
            return current.images.map(\.image.key)
        }
    }

    /// Puts the items in the order given, which must name each of the provider's items once (a field error on `ids`
    /// otherwise).
    public func reorder(_ providerID: Int64, ids: [Int64], now: Date) async throws -> [PortfolioItem] {
        try await store.inTransaction { [store] transaction in
            let db = transaction.sql
            try await Self.lockProvider(providerID, on: db, engine: store.engine)
            let rows = try await db.raw("SELECT id, status FROM portfolios WHERE provider_id = \(bind: providerID)").all()
            let owned = Set(try rows.map { try $0.decode(column: "id", as: Int64.self) })
            guard Set(ids) == owned, ids.count == owned.count else {
                throw ValidationError(field: "ids", message: "must list each of your \(owned.count) portfolio items once")
            }
            for (position, id) in ids.enumerated() {
                try await db.raw("UPDATE portfolios SET position = \(bind: position) WHERE id = \(bind: id)").run()
            }
            let anyPublic = try rows.contains { try $0.decode(column: "status", as: String.self) == PortfolioStatus.published.rawValue }
            if anyPublic { try await Self.touch(providerID, reason: "portfolio reordered", now: now, on: db) }
            return try await Self.items(where: "p.provider_id = \(bind: providerID)", on: db)
        }
    }

    // MARK: Shared

    /// Moves the profile's `updated_at` (its page's key) and queues its page when the profile is public.
    static func touch(_ providerID: Int64, reason: String, now: Date, on db: any SQLDatabase) async throws {
        guard let row = try await db.raw("""
            UPDATE user_profiles SET updated_at = \(bind: now) WHERE user_id = \(bind: providerID) RETURNING slug, published
            """).first(), try row.decode(column: "published", as: Bool.self) else { return }
        let slug = try Slug(try row.decode(column: "slug", as: String.self))
        try await SiteChangeQueue.enqueue([.provider(slug)], reason: "provider \(slug) \(reason)", now: now, on: db)
    }

    /// Two writes of one provider's portfolio take turns on PostgreSQL (SQLite's writers do already).
    static func lockProvider(_ providerID: Int64, on db: any SQLDatabase, engine: Store.Engine) async throws {
        guard engine == .postgresql else { return }
        try await db.raw("SELECT user_id FROM user_profiles WHERE user_id = \(bind: providerID) FOR UPDATE").run()
    }

    static func categoryID(_ slug: Slug?, on db: any SQLDatabase) async throws -> Int64? {
        guard let slug else { return nil }
        guard let row = try await db.raw("SELECT id FROM categories WHERE active = TRUE AND slug = \(bind: slug.value)").first() else {
            throw ValidationError(field: "category", message: "is not an open category")
        }
        return try row.decode(column: "id", as: Int64.self)
    }

    static func json(_ skills: [String]) throws -> String {
        String(decoding: try JSONEncoder.sorted.encode(skills), as: UTF8.self)
    }

    /// Items with their images, in portfolio order.
    static func items(where condition: SQLQueryString, on db: any SQLDatabase) async throws -> [PortfolioItem] {
        let rows = try await db.raw("""
            SELECT p.id, p.provider_id, p.title, p.description, c.slug AS category, p.skills, p.link, p.client_name, p.shows_client,
                   p.completed_on, p.position, p.status, p.updated_at
            FROM portfolios p LEFT JOIN categories c ON c.id = p.category_id
            WHERE \(condition) ORDER BY p.provider_id, p.position, p.id
            """).all()
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.decode(column: "id", as: Int64.self) }
        var pictures: [Int64: [PortfolioPicture]] = [:]
        for row in try await db.raw("""
            SELECT id, portfolio_id, media_key, width, height, caption, byte_size FROM portfolio_files
            WHERE portfolio_id IN (\(binds: ids)) ORDER BY portfolio_id, position, id
            """).all() {
            let picture = PortfolioPicture(
                id: try row.decode(column: "id", as: Int64.self),
                image: try PortfolioImage(
                    key: try row.decode(column: "media_key", as: String.self),
                    width: try row.decode(column: "width", as: Int.self), height: try row.decode(column: "height", as: Int.self)
                ),
                caption: try row.decode(column: "caption", as: String.self), byteSize: try row.decode(column: "byte_size", as: Int64.self)
            )
            pictures[try row.decode(column: "portfolio_id", as: Int64.self), default: []].append(picture)
        }
        return try rows.map { row in
            let id = try row.decode(column: "id", as: Int64.self)
            let skills = try JSONDecoder().decode([String].self, from: Data(try row.decode(column: "skills", as: String.self).utf8))
            return PortfolioItem(
                id: id, providerID: try row.decode(column: "provider_id", as: Int64.self),
                status: PortfolioStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
                position: try row.decode(column: "position", as: Int.self),
                content: PortfolioContent(
                    title: try row.decode(column: "title", as: String.self), description: try row.decode(column: "description", as: String.self),
                    categorySlug: try row.decodeIfPresent(column: "category", as: String.self).flatMap { try? Slug($0) }, skills: skills,
                    link: try row.decodeIfPresent(column: "link", as: String.self), clientName: try row.decodeIfPresent(column: "client_name", as: String.self),
                    showsClient: try row.decode(column: "shows_client", as: Bool.self),
                    completedOn: try row.decodeIfPresent(column: "completed_on", as: Date.self)
                ),
                images: pictures[id] ?? [], updatedAt: try row.decode(column: "updated_at", as: Date.self)
            )
        }
    }
}
