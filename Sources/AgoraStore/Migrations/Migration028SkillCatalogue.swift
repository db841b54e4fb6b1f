import Foundation
import SQLKit

extension Migrations {
    /// The catalogue of skills (`SkillCatalogue`): each once by its folded key (`SkillChoice.key`), linked to the
    /// categories whose providers are offered it first. A database that already has the demo's categories gets the
    /// demo's skills for them.
    static let skillCatalogue = Migration(version: 28, name: "skill catalogue", statements: { dialect in
        [
            """
            CREATE TABLE skills (
                id \(dialect.identity),
                name TEXT NOT NULL,
                skill_key TEXT NOT NULL UNIQUE,
                created_at \(dialect.timestamp) NOT NULL
            )
            """,
            """
            CREATE TABLE skill_categories (
                skill_id BIGINT NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
                category_id BIGINT NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
                PRIMARY KEY (skill_id, category_id)
            )
            """,
            "CREATE INDEX skill_categories_category_idx ON skill_categories (category_id)",
        ]
    }, data: { db, _ in
        try await SkillCatalogue.insertDemoSkills(now: Date(), on: db)
    })
}
