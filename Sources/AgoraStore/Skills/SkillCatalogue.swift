import AgoraDomain
import Foundation
import SQLKit

/// The catalogue of skills: what the profile editor suggests, what `SkillChoice` checks a profile's skills
/// against, and what staff with `categories.edit` add to and remove from.
public struct SkillCatalogue: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// The catalogue's spelling of each of `skills` it has, by `SkillChoice.key`.
    static func names(of skills: [String], on db: any SQLDatabase) async throws -> [String: String] {
        let keys = Array(Set(skills.map(SkillChoice.key)))
        guard !keys.isEmpty else { return [:] }
        var names: [String: String] = [:]
        for row in try await db.raw("SELECT skill_key, name FROM skills WHERE skill_key IN (\(binds: keys))").all() {
            names[try row.decode(column: "skill_key", as: String.self)] = try row.decode(column: "name", as: String.self)
        }
        return names
    }

    /// Skills starting with `prefix` (matched like `SkillChoice.key`), those of `categories` first, then by name;
    /// without a prefix, the skills of `categories`.
    public func suggestions(prefix: String, categories: [Slug], limit: Int) async throws -> [String] {
        let key = SkillChoice.key(prefix)
        let order: SQLQueryString = categories.isEmpty ? "s.name" : """
            CASE WHEN s.id IN (SELECT sc.skill_id FROM skill_categories sc JOIN categories c ON c.id = sc.category_id
                               WHERE c.slug IN (\(binds: categories.map(\.value)))) THEN 0 ELSE 1 END, s.name
            """
        let rows: [any SQLRow]
        if key.isEmpty {
            guard !categories.isEmpty else { return [] }
            rows = try await store.sql.raw("""
                SELECT DISTINCT s.name FROM skills s JOIN skill_categories sc ON sc.skill_id = s.id JOIN categories c ON c.id = sc.category_id
                WHERE c.slug IN (\(binds: categories.map(\.value))) ORDER BY s.name LIMIT \(bind: limit)
                """).all()
        } else {
            let pattern = key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_") + "%"
            rows = try await store.sql.raw("""
                SELECT s.name FROM skills s WHERE s.skill_key LIKE \(bind: pattern) ESCAPE '\\'
                ORDER BY \(order) LIMIT \(bind: limit)
                """).all()
        }
        return try rows.map { try $0.decode(column: "name", as: String.self) }
    }

    /// Every skill with its categories, by name.
    public func all() async throws -> [Skill] {
        var categories: [Int64: [Slug]] = [:]
        for row in try await store.sql.raw("""
            SELECT sc.skill_id, c.slug FROM skill_categories sc JOIN categories c ON c.id = sc.category_id ORDER BY c.slug
            """).all() {
            categories[try row.decode(column: "skill_id", as: Int64.self), default: []].append(try Slug(try row.decode(column: "slug", as: String.self)))
        }
        return try await store.sql.raw("SELECT id, name FROM skills ORDER BY name").all().map { row in
            let id = try row.decode(column: "id", as: Int64.self)
            return Skill(id: id, name: try row.decode(column: "name", as: String.self), categorySlugs: categories[id] ?? [])
        }
    }

    /// Adds a skill (a conflict if the catalogue has it under any spelling), offered first in `categories`.
    public func add(name: String, categories: [Slug], by actor: AuditActor, now: Date) async throws -> Skill {
        try await store.transaction { db in
            let key = SkillChoice.key(name)
            if try await db.raw("SELECT id FROM skills WHERE skill_key = \(bind: key)").first() != nil {
                throw StoreError.conflict("the catalogue has this skill already")
            }
            let categoryIDs = try await ProfileRepository.categoryIDs(categories, on: db)
            guard let row = try await db.raw("""
                INSERT INTO skills (name, skill_key, created_at) VALUES (\(bind: name), \(bind: key), \(bind: now)) RETURNING id
                """).first() else { throw StoreError.conflict("the skill was not added") }
            let id = try row.decode(column: "id", as: Int64.self)
            try await ProviderRepository.insertRows(into: "skill_categories", columns: ["skill_id", "category_id"], categoryIDs.map { [id, $0] }, on: db)
            try await AuditLog(store: store, in: StoreTransaction(sql: db)).append(actor.entry(
                .skillAdded, on: .skill, id: id, before: [:], after: ["name": name, "categories": categories.map(\.value).joined(separator: " ")], at: now
            ))
            return Skill(id: id, name: name, categorySlugs: categories)
        }
    }

    /// Takes a skill out of the catalogue; providers who list it keep it, as one of their own.
    public func remove(_ id: Int64, by actor: AuditActor, now: Date) async throws -> String {
        try await store.transaction { db in
            guard let row = try await db.raw("DELETE FROM skills WHERE id = \(bind: id) RETURNING name").first() else {
                throw StoreError.notFound("no skill of the catalogue has this id")
            }
            let name = try row.decode(column: "name", as: String.self)
            try await AuditLog(store: store, in: StoreTransaction(sql: db)).append(actor.entry(
                .skillRemoved, on: .skill, id: id, before: ["name": name], after: [:], at: now
            ))
            return name
        }
    }

    /// The demo's skills, each linked to the demo's categories that list it and that the database has.
    static func insertDemoSkills(now: Date, on db: any SQLDatabase) async throws {
        var categoryIDs: [String: Int64] = [:]
        for row in try await db.raw("SELECT id, slug FROM categories").all() {
            categoryIDs[try row.decode(column: "slug", as: String.self)] = try row.decode(column: "id", as: Int64.self)
        }
        var skills: [(key: String, name: String, categories: [Int64])] = []
        for top in CatalogSeed.topLevel {
            for sub in top.subcategories {
                guard let categoryID = categoryIDs[Slug.from(title: sub.name)!.value] else { continue }
                for name in sub.skills {
                    if let index = skills.firstIndex(where: { $0.key == SkillChoice.key(name) }) {
                        skills[index].categories.append(categoryID)
                    } else {
                        skills.append((SkillChoice.key(name), name, [categoryID]))
                    }
                }
            }
        }
        for skill in skills {
            guard let row = try await db.raw("""
                INSERT INTO skills (name, skill_key, created_at) VALUES (\(bind: skill.name), \(bind: skill.key), \(bind: now)) RETURNING id
                """).first() else { continue }
            let id = try row.decode(column: "id", as: Int64.self)
            try await ProviderRepository.insertRows(into: "skill_categories", columns: ["skill_id", "category_id"], skill.categories.map { [id, $0] }, on: db)
        }
    }
}
