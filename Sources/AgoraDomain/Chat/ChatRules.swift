import Foundation

/// The rules of a project's chat, in one place: what a message may hold, how long it may be edited, how fast a
/// member may write, how a search is asked.
public enum ChatRules {
    /// A message's length, in characters, counted without the spaces around it.
    public static let bodyLength = 1...5_000
    /// How long after sending its author may edit a message.
    public static let editWindow: TimeInterval = 600
    /// The flood limit: at most this many messages…
    public static let floodMessages = 20
    /// …by one member in one room within this many seconds.
    public static let floodWindow: TimeInterval = 10
    /// Messages a page of history holds at most, and by default.
    public static let pageSize = 1...100
    public static let defaultPageSize = 50
    /// The longest search text, in characters.
    public static let searchMaximumLength = 200

    /// A message's text as sent, checked.
    public static func body(_ raw: String?) throws -> String {
        var errors: [FieldError] = []
        guard let body = FieldReading.text(raw, field: "body", length: bodyLength, multiline: true, errors: &errors) else {
            throw ValidationError(errors)
        }
        return body
    }

    /// Whether a message sent at `sentAt` may still be edited at `now`.
    public static func editable(sentAt: Date, now: Date) -> Bool {
        now.timeIntervalSince(sentAt) <= editWindow
    }
}
