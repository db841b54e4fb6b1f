import AgoraDomain
import SQLKit

extension Migrations {
    /// Providers' experience, education and certifications as entries (`BackgroundEntry`), one row each, in place
    /// of three free-text columns. Text already written is kept, each non-empty column as one entry
    /// (`BackgroundEntry.fromText`, the rule old saved versions are read by too).
    static let profileBackground = Migration(version: 27, name: "profile background", statements: { _ in
        [
            """
            CREATE TABLE profile_background (
                provider_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                position INTEGER NOT NULL,
                title TEXT NOT NULL,
                organisation TEXT NOT NULL DEFAULT '',
                start_month TEXT,
                end_month TEXT,
                description TEXT NOT NULL DEFAULT '',
                link TEXT,
                PRIMARY KEY (provider_id, kind, position)
            )
            """,
        ]
    }, data: { db, _ in
        var background: [Int64: [BackgroundKind: [BackgroundEntry]]] = [:]
        for row in try await db.raw("""
            SELECT user_id, experience, education, certifications FROM user_profiles
            WHERE experience <> '' OR education <> '' OR certifications <> ''
            """).all() {
            let id = try row.decode(column: "user_id", as: Int64.self)
            for (kind, column) in [(BackgroundKind.experience, "experience"), (.education, "education"), (.certification, "certifications")] {
                background[id, default: [:]][kind] = BackgroundEntry.fromText(try row.decode(column: column, as: String.self))
            }
        }
        try await ProfileBackground.insert(background.map { ($0.key, $0.value) }, on: db)
        for column in ["experience", "education", "certifications"] {
            try await db.raw("ALTER TABLE user_profiles DROP COLUMN \(unsafeRaw: column)").run()
        }
    })
}
