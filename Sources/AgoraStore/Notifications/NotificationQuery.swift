import AgoraDomain

/// Which of a person's notifications a page of the centre shows: unread ones only or all, one category, a text in
/// the title or message, the archive instead of the inbox; newest first, a page at a time (`before`: the id of the
/// previous page's last one).
public struct NotificationQuery: Sendable, Hashable {
    public var unreadOnly = false
    public var category: NotificationCategory?
    public var text: String?
    public var archived = false
    public var before: Int64?
    public var limit = 20

    public init() {}
}
