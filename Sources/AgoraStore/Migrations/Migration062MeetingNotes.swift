extension Migrations {
    /// A meeting's notes (`MeetingRepository+notes`): Markdown written by its members, with a version that a save
    /// must name (two editors never overwrite each other unseen), and its action items in order. `follow_up_sent_at`:
    /// when the notes were emailed to the participants after the meeting, once.
    static let meetingNotes = Migration(version: 62, name: "meeting notes") { dialect in
        let time = dialect.timestamp
        return [
            """
            CREATE TABLE meeting_notes (
                meeting_id BIGINT PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
                body TEXT NOT NULL,
                version INTEGER NOT NULL,
                updated_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
                updated_at \(time) NOT NULL,
                follow_up_sent_at \(time)
            )
            """,
            """
            CREATE TABLE meeting_action_items (
                id \(dialect.identity),
                meeting_id BIGINT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                title TEXT NOT NULL,
                assignee_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
                due_on TEXT,
                done BOOLEAN NOT NULL
            )
            """,
            "CREATE INDEX meeting_action_items_meeting_idx ON meeting_action_items (meeting_id, position)",
        ]
    }
}
