/// What became of a notification on one channel.
public enum NotificationDeliveryStatus: String, Sendable, Codable, CaseIterable {
    /// Waiting to leave: an email in the outbox (until quiet hours end, or the worker's next round).
    case queued
    /// Delivered: shown in the app, or handed to the mail server.
    case sent
    /// The mail server refused it for good; the error is kept.
    case failed
    /// Not sent: the person turned this channel off for the category, or their address unsubscribed from optional mail.
    case suppressed
}
