extension Migrations {
    /// A project cancelled by agreement: one member asks, with a reason, and the other confirms or declines
    /// (`ProjectCancellation`); the request waits on the project's row.
    static let projectCancellation = Migration(version: 32, name: "project cancellation") { dialect in
        [
            "ALTER TABLE projects ADD COLUMN cancel_requested_by TEXT",
            "ALTER TABLE projects ADD COLUMN cancel_reason TEXT",
            "ALTER TABLE projects ADD COLUMN cancel_requested_at \(dialect.timestamp)",
        ]
    }
}
