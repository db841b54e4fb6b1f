import Foundation

/// How an account is kept out: for a number of days, or for good.
public enum SuspensionKind: String, Sendable, Codable, CaseIterable {
    case suspension = "suspend"
    case ban
}

/// A support decision to keep an account out, as asked for and checked: a kind, a reason the account's owner is
/// told, and for a suspension its length in days.
public struct SuspensionDecision: Sendable, Hashable {
    public let kind: SuspensionKind
    public let reason: String
    /// Days of a suspension; nil for a ban.
    public let days: Int?

    public static let reasonMaximumLength = 500
    public static let longestSuspensionDays = 365

    /// Checks what was asked; every broken rule is a field error.
    public init(kind: String?, reason: String?, days: Int?) throws {
        var errors: [FieldError] = []
        let kind = SuspensionKind(rawValue: kind ?? "")
        if kind == nil {
            errors.append(FieldError(field: "kind", message: "must be one of \(SuspensionKind.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        let reason = (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.isEmpty {
            errors.append(FieldError(field: "reason", message: "is required: the account's owner is told it"))
        } else if reason.unicodeScalars.count > Self.reasonMaximumLength {
            errors.append(FieldError(field: "reason", message: "must be at most \(Self.reasonMaximumLength) characters"))
        }
        switch (kind, days) {
        case (.suspension, nil):
            errors.append(FieldError(field: "days", message: "is required for a suspension"))
        case (.suspension, let days?) where !(1...Self.longestSuspensionDays).contains(days):
            errors.append(FieldError(field: "days", message: "must be from 1 to \(Self.longestSuspensionDays); a longer one is a ban"))
        case (.ban, _?):
            errors.append(FieldError(field: "days", message: "must be left out: a ban has no end"))
        default:
            break
        }
        guard errors.isEmpty, let kind else { throw ValidationError(errors) }
        self.kind = kind
        self.reason = reason
        self.days = days
    }

    /// When the decision ends if it starts at `start`; nil for a ban.
    public func end(from start: Date) -> Date? {
        days.map { start.addingTimeInterval(TimeInterval($0) * 86_400) }
    }

    /// The audited action that records it.
    public var auditedAction: AuditedAction { kind == .ban ? .userBanned : .userSuspended }
}
