extension Migrations {
    /// A chat message reported to moderation may be hidden from the other member until a moderator decides, as
    /// other reported content is.
    static let messageModeration = Migration(version: 36, name: "message moderation") { _ in
        ["ALTER TABLE project_messages ADD COLUMN moderation_hold BOOLEAN NOT NULL DEFAULT FALSE"]
    }
}
