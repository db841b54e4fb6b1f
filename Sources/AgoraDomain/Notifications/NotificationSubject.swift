/// What a notification is about, kept beside it when the person can act on it from the bell's list without opening
/// its page: answer a project's messages, accept a proposal. Stored as a type and an id.
public enum NotificationSubject: Sendable, Hashable {
    case project(Int64)
    case proposal(Int64)

    public var type: String {
        switch self {
        case .project: "project"
        case .proposal: "proposal"
        }
    }

    public var id: Int64 {
        switch self {
        case .project(let id), .proposal(let id): id
        }
    }

    public init?(type: String, id: Int64) {
        switch type {
        case "project": self = .project(id)
        case "proposal": self = .proposal(id)
        default: return nil
        }
    }
}

/// What a person can do with a notification from the bell's list: open its page, answer in the project's room, or
/// accept the proposal it announces.
public enum NotificationAction: String, Sendable, Codable, CaseIterable {
    case view
    case reply
    case accept
}

extension NotificationKind {
    /// The actions the bell offers for a notification of this kind about `subject`: always `view`, and the kind's own
    /// when its subject is the one that action needs.
    public func actions(about subject: NotificationSubject?) -> [NotificationAction] {
        switch (self, subject) {
        case (.messageReceived, .project?): [.view, .reply]
        case (.proposalReceived, .proposal?), (.proposalRevised, .proposal?): [.view, .accept]
        default: [.view]
        }
    }
}
