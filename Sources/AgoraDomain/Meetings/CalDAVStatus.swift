/// How a person's CalDAV calendar took the last push: every change written, or the server down or refusing (the
/// pushes wait and are retried; the person is told once when it starts failing).
public enum CalDAVStatus: String, Sendable, Codable, CaseIterable {
    case connected
    case failing
}

/// What a push does to the person's calendar.
public enum CalDAVAction: String, Sendable, Codable, CaseIterable {
    /// Writes the meeting's event as it now is.
    case write
    /// Removes it (cancelled, or the person no longer takes part).
    case delete
}
