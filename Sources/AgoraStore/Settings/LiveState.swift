/// What a process keeps in memory from the database and reads again when it changes: at once after a change made
/// here, and when another instance announces one on `channel` (`LiveStateWatcher`): the platform settings, the
/// published email templates.
public protocol LiveState: Sendable {
    /// The PostgreSQL channel changes are announced on.
    var channel: String { get }
    /// Reads everything again.
    func refresh() async throws
    /// Reads everything again if anything changed since the last read (a cheap query when nothing did).
    func refreshIfChanged() async throws
}
