import Foundation

/// Cancelling a project by agreement: one member asks, saying why, and the other confirms (the project and its order
/// are cancelled) or declines; the member who asked may withdraw. `after(_:by:)` is the one place that says which
/// answer is whose.
public struct ProjectCancellation: Sendable, Hashable {
    public static let reasonLength = 10...1_000

    public let requestedBy: ProjectRole
    public let reason: String
    public let requestedAt: Date

    public init(requestedBy: ProjectRole, reason: String, requestedAt: Date) {
        self.requestedBy = requestedBy
        self.reason = reason
        self.requestedAt = requestedAt
    }

    /// The reason a member gives, checked.
    public static func reason(_ raw: String?) throws -> String {
        var errors: [FieldError] = []
        guard let reason = FieldReading.text(raw, field: "reason", length: reasonLength, multiline: true, errors: &errors) else {
            throw ValidationError(errors)
        }
        return reason
    }

    /// What a member's `POST /cancel` does to a project that is `status` with `pending` waiting (nil: none).
    public enum Outcome: Sendable, Hashable {
        /// A request opens, waiting for the other member.
        case requested
        /// The other member agrees: the project is cancelled.
        case agreed
    }

    public static func asking(_ role: ProjectRole, status: ProjectStatus, pending: ProjectCancellation?) throws -> Outcome {
        guard status.canMove(to: .cancelled) else {
            throw StatusTransitionError("a project that is \(status.label) cannot be cancelled")
        }
        guard let pending else { return .requested }
        guard pending.requestedBy != role else {
            throw StatusTransitionError("your request to cancel waits for the \(role.other.rawValue)'s answer")
        }
        return .agreed
    }
}
