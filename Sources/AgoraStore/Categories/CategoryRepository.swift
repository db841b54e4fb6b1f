import AgoraDomain
import Foundation
import SQLKit

/// Reads and writes service categories.
public struct CategoryRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// Creates a category under the parent named by slug (or at the top level) and returns it.
    @discardableResult
    public func insert(_ category: NewCategory, now: Date) async throws -> Category {
        try await insert(category, now: now, on: store.sql)
    }

    func insert(_ category: NewCategory, now: Date, on db: any SQLDatabase) async throws -> Category {
        var parentID: Int64?
        if let parentSlug = category.parentSlug {
            guard let parent = try await db.raw("SELECT id FROM categories WHERE slug = \(bind: parentSlug.value)").first() else {
                throw StoreError.notFound("parent category \(parentSlug)")
            }
            parentID = try parent.decode(column: "id", as: Int64.self)
        }
        let row = try await db.raw("""
            INSERT INTO categories (parent_id, name, slug, description, icon, sort_order, created_at, updated_at)
            VALUES (\(bind: parentID), \(bind: category.name), \(bind: category.slug.value), \(bind: category.description),
                    \(bind: category.icon), \(bind: category.sortOrder), \(bind: now), \(bind: now))
            RETURNING id
            """).first()
        guard let row else { throw StoreError.conflict("category \(category.slug) was not created") }
        return Category(
            id: try row.decode(column: "id", as: Int64.self), parentID: parentID, name: category.name, slug: category.slug,
            description: category.description, icon: category.icon, active: true, sortOrder: category.sortOrder
        )
    }

    /// Every category, active or not, in display order.
    public func all() async throws -> [Category] {
        try await store.sql.raw("""
            SELECT id, parent_id, name, slug, description, icon, active, sort_order
            FROM categories ORDER BY sort_order, name
            """).all().map(Self.category(from:))
    }

    public func tree() async throws -> CategoryTree { CategoryTree(try await all()) }

    public func setActive(_ slug: Slug, _ active: Bool, now: Date) async throws {
        try await store.sql.raw("UPDATE categories SET active = \(bind: active), updated_at = \(bind: now) WHERE slug = \(bind: slug.value)").run()
    }

    public func count() async throws -> Int {
        try await store.sql.raw("SELECT COUNT(*) AS n FROM categories").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    static func category(from row: any SQLRow) throws -> Category {
        Category(
            id: try row.decode(column: "id", as: Int64.self),
            parentID: try row.decodeIfPresent(column: "parent_id", as: Int64.self),
            name: try row.decode(column: "name", as: String.self),
            slug: try Slug(try row.decode(column: "slug", as: String.self)),
            description: try row.decode(column: "description", as: String.self),
            icon: try row.decodeIfPresent(column: "icon", as: String.self),
            active: try row.decode(column: "active", as: Bool.self),
            sortOrder: try row.decode(column: "sort_order", as: Int.self)
        )
    }
}
