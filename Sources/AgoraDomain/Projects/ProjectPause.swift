import Foundation

/// Pausing a project and resuming it: the client's call, since the client holds the budget; the provider is told.
/// While paused nothing moves (`ProjectStatus.isWorking`): no milestone steps, no automatic approval, no reminder.
public enum ProjectPause: String, Sendable, CaseIterable {
    case pause
    case resume

    /// The status the move leads to.
    public var target: ProjectStatus {
        switch self {
        case .pause: .paused
        case .resume: .active
        }
    }

    /// The status after `role` makes the move on a project that is `status`; an error when the rules refuse it.
    public func status(by role: ProjectRole, from status: ProjectStatus) throws -> ProjectStatus {
        guard role == .client else { throw StatusTransitionError("only the client may \(rawValue) a project") }
        guard status != target else { throw StatusTransitionError("the project is \(target.label) already") }
        return try status.moving(to: target)
    }

    /// The length of the reason a client may give, when they give one.
    public static let reasonLength = 1...1_000

    /// The reason as given, checked; nil when there is none.
    public static func reason(_ raw: String?) throws -> String? {
        guard let raw, !raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        var errors: [FieldError] = []
        guard let reason = FieldReading.text(raw, field: "reason", length: reasonLength, multiline: true, errors: &errors) else {
            throw ValidationError(errors)
        }
        return reason
    }
}
