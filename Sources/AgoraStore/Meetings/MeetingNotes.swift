import AgoraDomain
import Foundation

/// A meeting's notes as saved: the text, its action items, and the version a next save must name.
public struct MeetingNotes: Sendable, Hashable {
    /// An action item as saved.
    public struct Item: Sendable, Hashable {
        public let id: Int64
        public let title: String
        public let assigneeID: Int64?
        public let dueOn: String?
        public let done: Bool
    }

    public let body: String
    public let items: [Item]
    /// 0 before the first save.
    public let version: Int
    public let updatedBy: Int64?
    public let updatedAt: Date?

    public static let empty = MeetingNotes(body: "", items: [], version: 0, updatedBy: nil, updatedAt: nil)

    public var isEmpty: Bool { body.isEmpty && items.isEmpty }
}
