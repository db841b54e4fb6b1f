extension Migrations {
    /// Meetings of a project (`MeetingRepository`). `meetings`: one meeting or one series — its first start (UTC) and
    /// the organiser's zone, which a series keeps its local time in, its RRULE, a stable calendar `uid` and the
    /// `sequence` calendars order its changes by, and the room's kind and name (never shown to anyone who is not a
    /// participant). `meeting_participants`: the two members and any guests by email, with their answer, their
    /// reminder offsets and, for guests, the nonce their signed link carries. `meeting_occurrence_changes`: a single
    /// occurrence moved or taken out, named by where the series put it. `meeting_reminders_sent`: each reminder once,
    /// its key the guard against two workers sending it. `meeting_joins`: who went through the join link, when.
    /// `calendar_feeds`: the generation of each person's private feed link, which a rotation moves on. And each email
    /// may carry an iCalendar object.
    static let meetings = Migration(version: 61, name: "meetings") { dialect in
        let time = dialect.timestamp
        let id = dialect.identity
        return [
            """
            CREATE TABLE meetings (
                id \(id),
                project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
                organizer_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
                uid TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL,
                agenda TEXT NOT NULL DEFAULT '',
                starts_at \(time) NOT NULL,
                time_zone TEXT NOT NULL,
                duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
                recurrence TEXT,
                ends_at \(time) NOT NULL,
                status TEXT NOT NULL,
                sequence INTEGER NOT NULL DEFAULT 0,
                room_kind TEXT NOT NULL,
                room_name TEXT NOT NULL,
                split_from BIGINT REFERENCES meetings (id) ON DELETE SET NULL,
                created_at \(time) NOT NULL,
                updated_at \(time) NOT NULL
            )
            """,
            "CREATE INDEX meetings_project_idx ON meetings (project_id, starts_at)",
            "CREATE INDEX meetings_span_idx ON meetings (status, ends_at)",
            """
            CREATE TABLE meeting_participants (
                id \(id),
                meeting_id BIGINT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
                user_id BIGINT REFERENCES users (id) ON DELETE CASCADE,
                email TEXT NOT NULL,
                name TEXT NOT NULL,
                role TEXT NOT NULL,
                response TEXT NOT NULL,
                reminders TEXT NOT NULL,
                link_nonce TEXT NOT NULL,
                UNIQUE (meeting_id, email)
            )
            """,
            "CREATE INDEX meeting_participants_user_idx ON meeting_participants (user_id, meeting_id)",
            """
            CREATE TABLE meeting_occurrence_changes (
                meeting_id BIGINT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
                original_start \(time) NOT NULL,
                cancelled BOOLEAN NOT NULL,
                starts_at \(time),
                duration_minutes INTEGER,
                PRIMARY KEY (meeting_id, original_start)
            )
            """,
            """
            CREATE TABLE meeting_reminders_sent (
                participant_id BIGINT NOT NULL REFERENCES meeting_participants (id) ON DELETE CASCADE,
                original_start \(time) NOT NULL,
                offset_minutes INTEGER NOT NULL,
                sent_at \(time) NOT NULL,
                PRIMARY KEY (participant_id, original_start, offset_minutes)
            )
            """,
            """
            CREATE TABLE meeting_joins (
                id \(id),
                meeting_id BIGINT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
                participant_id BIGINT NOT NULL REFERENCES meeting_participants (id) ON DELETE CASCADE,
                original_start \(time) NOT NULL,
                joined_at \(time) NOT NULL
            )
            """,
            "CREATE INDEX meeting_joins_meeting_idx ON meeting_joins (meeting_id, original_start)",
            """
            CREATE TABLE calendar_feeds (
                user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
                generation INTEGER NOT NULL,
                rotated_at \(time) NOT NULL
            )
            """,
            "ALTER TABLE email_outbox ADD COLUMN calendar TEXT",
        ]
    }
}
