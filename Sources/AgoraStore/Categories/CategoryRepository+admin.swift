import AgoraDomain
import Foundation
import SQLKit

extension CategoryRepository {
    /// Creates a category from an administrator's draft; a slug in use is a conflict, an unknown parent not found.
    public func create(_ draft: CategoryDraft, by actor: AuditActor, now: Date) async throws -> Category {
        try draft.validate()
        return try await store.uniqueOrConflict("another category already has the slug \(draft.slug)") {
            try await store.transaction { db in
                if let parentID = draft.parentID {
                    guard try await db.raw("SELECT id FROM categories WHERE id = \(bind: parentID)").first() != nil else {
                        throw StoreError.notFound("parent category \(parentID)")
                    }
                }
                guard let row = try await db.raw("""
                    INSERT INTO categories (parent_id, name, slug, description, icon, active, sort_order, created_at, updated_at)
                    VALUES (\(bind: draft.parentID), \(bind: draft.name), \(bind: draft.slug.value), \(bind: draft.description),
                            \(bind: draft.icon), \(bind: draft.active), \(bind: draft.sortOrder), \(bind: now), \(bind: now))
                    RETURNING id, parent_id, name, slug, description, icon, active, sort_order
                    """).first() else { throw StoreError.conflict("the category was not created") }
                try await SearchIndexWriter.advanceGeneration(on: db)
                let created = try Self.category(from: row)
                try await SiteChangeQueue(store: store, on: db).enqueue([.site], reason: "category \(created.slug) created", now: now)
                try await AuditLog(store: store, in: StoreTransaction(sql: db)).append(actor.entry(
                    .categoryCreated, on: .category, id: created.id, before: [:], after: created.auditFields, at: now
                ))
                return created
            }
        }
    }

    /// Applies an administrator's draft to a category in one transaction. Moving a category under itself or one of
    /// its descendants is refused (a field error on `parent`), by the tree as it stands inside the transaction. A new
    /// slug leaves a permanent redirect from the old page to the new one. Nil when there is no such category.
    public func update(_ id: Int64, to draft: CategoryDraft, by actor: AuditActor, now: Date) async throws -> Category? {
        try draft.validate()
        return try await store.uniqueOrConflict("another category already has the slug \(draft.slug)") {
            try await store.transaction { [engine = store.engine] db in
                let tree = CategoryTree(try await db.raw("""
                    SELECT id, parent_id, name, slug, description, icon, active, sort_order FROM categories
                    """).all().map(Self.category(from:)))
                guard let current = tree.category(id: id) else { return nil }
                if draft.parentID != current.parentID {
                    let parent = try draft.parentID.map { parentID in
                        guard let parent = tree.category(id: parentID) else { throw StoreError.notFound("parent category \(parentID)") }
                        return parent
                    }
                    guard tree.canMove(current, under: parent) else {
                        throw ValidationError(field: "parent", message: "a category cannot move under itself or one of its subcategories")
                    }
                }
                guard let row = try await db.raw("""
                    UPDATE categories SET parent_id = \(bind: draft.parentID), name = \(bind: draft.name), slug = \(bind: draft.slug.value),
                        description = \(bind: draft.description), icon = \(bind: draft.icon), active = \(bind: draft.active),
                        sort_order = \(bind: draft.sortOrder), updated_at = \(bind: now)
                    WHERE id = \(bind: id) RETURNING id, parent_id, name, slug, description, icon, active, sort_order
                    """).first() else { return nil }
                if draft.slug != current.slug {
                    let from = PagePaths.category(current.slug)
                    let to = PagePaths.category(draft.slug)
                    try await db.raw("DELETE FROM redirects WHERE from_path = \(bind: to) OR from_path = \(bind: from)").run()
                    try await db.raw("""
                        INSERT INTO redirects (from_path, to_url, status, created_at) VALUES (\(bind: from), \(bind: to), 301, \(bind: now))
                        """).run()
                }
                if draft.parentID != current.parentID || draft.active != current.active {
                    // The providers below it count for other categories now: their text index entries say which.
                    let moved = CategoryTree(try await db.raw(
                        "SELECT id, parent_id, name, slug, description, icon, active, sort_order FROM categories"
                    ).all().map(Self.category(from:)))
                    let below = moved.category(id: id).map(moved.subtreeIDs(of:)) ?? [id]
                    let providers = try await db.raw(
                        "SELECT DISTINCT provider_id FROM provider_categories WHERE category_id IN (\(binds: below))"
                    ).all().map { try $0.decode(column: "provider_id", as: Int64.self) }
                    try await SearchIndexWriter(engine: engine).refresh(providers, on: db)
                } else {
                    try await SearchIndexWriter.advanceGeneration(on: db)
                }
                let changed = try Self.category(from: row)
                try await SiteChangeQueue(store: store, on: db).enqueue([.site], reason: "category \(changed.slug) changed", now: now)
                let difference = AuditEntry.changes(from: current.auditFields, to: changed.auditFields)
                try await AuditLog(store: store, in: StoreTransaction(sql: db)).append(actor.entry(
                    .categoryChanged, on: .category, id: id, before: difference.before, after: difference.after, at: now
                ))
                return changed
            }
        }
    }

    /// Lists a public provider in a category (again: no change), or takes it out. The provider's page changes with
    /// it, so its time of change moves; the provider's pages and the category's listing are queued for publishing.
    /// False when there is no such provider or category.
    public func setListed(providerID: Int64, in categoryID: Int64, _ listed: Bool, by actor: AuditActor, now: Date) async throws -> Bool {
        try await store.transaction { [engine = store.engine] db in
            guard let provider = try await db.raw("SELECT slug FROM user_profiles WHERE user_id = \(bind: providerID)").first(),
                  let category = try await db.raw("SELECT slug FROM categories WHERE id = \(bind: categoryID)").first() else { return false }
            let providerSlug = try Slug(try provider.decode(column: "slug", as: String.self))
            let categorySlug = try Slug(try category.decode(column: "slug", as: String.self))
            if listed {
                try await db.raw("""
                    INSERT INTO provider_categories (provider_id, category_id) VALUES (\(bind: providerID), \(bind: categoryID))
                    ON CONFLICT (provider_id, category_id) DO NOTHING
                    """).run()
            } else {
                try await db.raw("DELETE FROM provider_categories WHERE provider_id = \(bind: providerID) AND category_id = \(bind: categoryID)").run()
            }
            try await db.raw("UPDATE user_profiles SET updated_at = \(bind: now) WHERE user_id = \(bind: providerID)").run()
            try await SearchIndexWriter(engine: engine).refresh([providerID], on: db)
            try await SiteChangeQueue(store: store, on: db).enqueue(
                [.provider(providerSlug), .category(categorySlug)],
                reason: "provider \(providerSlug) \(listed ? "listed in" : "taken out of") category \(categorySlug)", now: now
            )
            try await AuditLog(store: store, in: StoreTransaction(sql: db)).append(actor.entry(
                listed ? .providerListed : .providerUnlisted, on: .category, id: categoryID,
                before: [:], after: ["provider_id": String(providerID)], at: now
            ))
            return true
        }
    }
}
