import Foundation

/// What support can do to every account a filter of the users page matches at once. Each account is changed as the
/// one-account action changes it (its side effects, its email, its audit entry); accounts it does not apply to
/// (staff, or already in the state it leads to) are skipped.
public enum BulkAction: String, Sendable, CaseIterable, Codable {
    /// Suspends or bans (`SuspensionDecision`).
    case suspend
    /// Lifts the suspension in force.
    case liftSuspension = "lift-suspension"
    /// Confirms a pending account's address by hand.
    case verifyAddress = "verify-address"

    /// What the staff member needs besides access to bulk operations.
    public var permission: AdminPermission {
        switch self {
        case .suspend, .liftSuspension: .usersSuspend
        case .verifyAddress: .usersEdit
        }
    }

    /// Whether the operation can be reversed afterwards: the suspensions it opened are lifted. A lift or a
    /// confirmation cannot be taken back without deciding again for each account.
    public var undoable: Bool { self == .suspend }

    /// The account status the action applies to (nil: any status but this one's result).
    public var appliesTo: VerificationStatus? {
        switch self {
        case .suspend: nil
        case .liftSuspension: .suspended
        case .verifyAddress: .pending
        }
    }

    /// Whether it changes what public pages show (a provider kept out loses its page).
    public var changesPages: Bool { self != .verifyAddress }

    /// The action's name in sentences.
    public var title: String {
        switch self {
        case .suspend: "suspend or ban"
        case .liftSuspension: "lift suspensions"
        case .verifyAddress: "confirm addresses"
        }
    }
}

/// Where a bulk operation is: it runs a chunk of accounts at a time until every one is changed or skipped, and an
/// undo runs the same way over the accounts it changed.
public enum BulkOperationStatus: String, Sendable, CaseIterable, Codable {
    case running
    case completed
    case undoing
    case undone

    /// Whether a worker has accounts left to handle.
    public var isActive: Bool { self == .running || self == .undoing }
}

/// A bulk operation as asked for and checked: the action, why (every account's audit entry and email keep it), and
/// for a suspension its kind and length.
public struct BulkOperationRequest: Sendable, Hashable {
    public let action: BulkAction
    public let reason: String
    /// The suspension's kind and length, for `suspend`.
    public let suspension: SuspensionDecision?

    /// Checks what was asked; every broken rule is a field error.
    public init(action: String?, reason: String?, kind: String?, days: Int?) throws {
        guard let action = BulkAction(rawValue: action ?? "") else {
            let known = BulkAction.allCases.map(\.rawValue).joined(separator: ", ")
            var errors = [FieldError(field: "action", message: "must be one of \(known)")]
            if (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                errors.append(FieldError(field: "reason", message: "is required"))
            }
            throw ValidationError(errors)
        }
        if action == .suspend {
            let decision = try SuspensionDecision(kind: kind, reason: reason, days: days)
            self.init(action: action, reason: decision.reason, suspension: decision)
            return
        }
        var errors: [FieldError] = []
        if kind != nil { errors.append(FieldError(field: "kind", message: "is only for a suspension")) }
        if days != nil { errors.append(FieldError(field: "days", message: "is only for a suspension")) }
        let reason = (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.isEmpty {
            errors.append(FieldError(field: "reason", message: "is required: every account's audit entry keeps it"))
        } else if reason.unicodeScalars.count > SuspensionDecision.reasonMaximumLength {
            errors.append(FieldError(field: "reason", message: "must be at most \(SuspensionDecision.reasonMaximumLength) characters"))
        }
        guard errors.isEmpty else { throw ValidationError(errors) }
        self.init(action: action, reason: reason, suspension: nil)
    }

    /// A request already checked (read back from the store).
    public init(action: BulkAction, reason: String, suspension: SuspensionDecision?) {
        self.action = action
        self.reason = reason
        self.suspension = suspension
    }
}
