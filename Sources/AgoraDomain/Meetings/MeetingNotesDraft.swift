import Foundation

/// A meeting's notes as participants write them: Markdown text and action items, each with an optional assignee (a
/// member taking part) and due day. `init` is the one check of every field, each bad one named.
public struct MeetingNotesDraft: Sendable, Hashable {
    public static let bodyLength = 0...50_000
    public static let maximumItems = 50
    public static let itemLength = 1...300

    /// One thing to do after the meeting.
    public struct ActionItem: Sendable, Hashable {
        public let title: String
        public let assigneeID: Int64?
        /// The day it is due, `YYYY-MM-DD`.
        public let dueOn: String?
        public let done: Bool

        public init(title: String, assigneeID: Int64?, dueOn: String?, done: Bool) {
            self.title = title
            self.assigneeID = assigneeID
            self.dueOn = dueOn
            self.done = done
        }
    }

    /// The raw fields of one item as the API reads them.
    public struct ItemInput: Sendable {
        public var title: String?
        public var assigneeID: Int64?
        public var dueOn: String?
        public var done: Bool

        public init(title: String?, assigneeID: Int64?, dueOn: String?, done: Bool) {
            self.title = title
            self.assigneeID = assigneeID
            self.dueOn = dueOn
            self.done = done
        }
    }

    public let body: String
    public let items: [ActionItem]

    /// `members`: who may be assigned (the members taking part).
    public init(body: String?, items: [ItemInput], members: Set<Int64>) throws {
        var errors: [FieldError] = []
        var text = ""
        if let raw = body, !raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            text = FieldReading.text(raw, field: "body", length: 1...Self.bodyLength.upperBound, multiline: true, errors: &errors) ?? ""
        }
        if items.count > Self.maximumItems { errors.append(FieldError(field: "action_items", message: "must have at most \(Self.maximumItems) items")) }
        var read: [ActionItem] = []
        for (index, item) in items.prefix(Self.maximumItems).enumerated() {
            let field = "action_items[\(index)]"
            let title = FieldReading.text(item.title, field: field + ".title", length: Self.itemLength, multiline: false, errors: &errors)
            if let assignee = item.assigneeID, !members.contains(assignee) {
                errors.append(FieldError(field: field + ".assignee_id", message: "must be a member taking part in the meeting"))
            }
            if let day = item.dueOn, !Self.isDay(day) {
                errors.append(FieldError(field: field + ".due_on", message: "must be a day such as 2026-12-24"))
            }
            if let title { read.append(ActionItem(title: title, assigneeID: item.assigneeID, dueOn: item.dueOn, done: item.done)) }
        }
        guard errors.isEmpty else { throw ValidationError(errors) }
        self.body = text
        self.items = read
    }

    static func isDay(_ text: String) -> Bool {
        guard text.count == 10 else { return false }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.date(from: text).map { formatter.string(from: $0) == text } ?? false
    }

    public var isEmpty: Bool { body.isEmpty && items.isEmpty }
}
