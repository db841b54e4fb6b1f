/// Where a verification stands: `pending` → `approved` or `rejected`; a rejection may be appealed once (`appealed`),
/// and the appeal is decided like the first request; an approval `expired` once its kind's validity has passed.
public enum VerificationRequestStatus: String, Sendable, CaseIterable, Codable {
    case pending
    case approved
    case rejected
    case appealed
    case expired

    /// Waiting for staff.
    public var isOpen: Bool { self == .pending || self == .appealed }

    /// The status a decision leaves: only an open verification is decided.
    public func deciding(approved: Bool) throws -> VerificationRequestStatus {
        guard isOpen else { throw StatusTransitionError("a verification that is \(rawValue) is not waiting for a decision") }
        return approved ? .approved : .rejected
    }

    /// An appeal: only of a rejection, and only once (`alreadyAppealed`).
    public func appealing(alreadyAppealed: Bool) throws -> VerificationRequestStatus {
        guard self == .rejected else { throw StatusTransitionError("only a rejected verification can be appealed") }
        guard !alreadyAppealed else { throw StatusTransitionError("a verification can be appealed once, and this one was") }
        return .appealed
    }
}
