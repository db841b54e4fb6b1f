/// Where a milestone stands. `after(_:by:)` is the one place that says which steps are legal and whose each is:
///
///     proposed ──the other side accepts──> pending          (a milestone added once the project runs)
///     proposed ──the other side declines, or its proposer withdraws it──> declined
///     pending ──client's payment into escrow succeeds──> funded
///     funded ──provider starts──> in_progress ──provider submits──> submitted
///     funded ──all of the escrow refunded before the work started──> pending
///     funded, in_progress, submitted, changes_requested ──an administrator decides a dispute──> settled
///     submitted ──client requests changes──> changes_requested ──provider submits again──> submitted
///     submitted ──client approves, or the review window closes──> approved
///
/// Milestones from the accepted proposal's plan start `pending`; work starts on funded milestones only. What happens
/// to the money after funding (released on approval, in part before, refunded) is the escrow's (`Escrow`), not a
/// status: an approved milestone has had all that remained in escrow released.
public enum MilestoneStatus: String, Sendable, Codable, CaseIterable {
    case proposed
    case declined
    case pending
    case funded
    case inProgress = "in_progress"
    case submitted
    case changesRequested = "changes_requested"
    case approved
    /// Closed by an administrator's decision on a dispute: what was held went to each side as decided.
    case settled

    /// Part of the agreed plan and not yet done: what progress and health look at.
    public var isOpen: Bool {
        switch self {
        case .pending, .funded, .inProgress, .submitted, .changesRequested: true
        case .proposed, .declined, .approved, .settled: false
        }
    }

    /// Whether the provider is working towards a delivery, and so may attach files to it.
    public var takesFiles: Bool { self == .inProgress || self == .changesRequested }

    /// Part of the agreed plan (counted in the project's total).
    public var isAgreed: Bool { isOpen || countsAsDone }

    /// Done, as progress counts it.
    public var countsAsDone: Bool { self == .approved || self == .settled }

    /// Whether the next step is this side's (the dashboard's "awaiting my action"); `proposer` is the side that
    /// proposed the milestone, nil for the accepted plan's.
    public func awaits(_ role: ProjectRole, proposer: ProjectRole?) -> Bool {
        switch self {
        case .proposed: proposer == role.other
        case .pending: role == .client
        case .funded, .inProgress, .changesRequested: role == .provider
        case .submitted: role == .client
        case .declined, .approved, .settled: false
        }
    }

    /// The status after a step, or an error naming the impossible one. `proposer` is the side that proposed the
    /// milestone (only read for `accept`, `decline` and `withdraw`).
    public func after(_ step: MilestoneStep, by actor: MilestoneActor, proposer: ProjectRole? = nil) throws -> MilestoneStatus {
        let next: MilestoneStatus? = switch (self, step, actor) {
        case (.proposed, .accept, .member(let role)) where proposer != nil && role != proposer: .pending
        case (.proposed, .decline, .member(let role)) where proposer != nil && role != proposer: .declined
        case (.proposed, .withdraw, .member(let role)) where role == proposer: .declined
        case (.pending, .fund, .member(.client)): .funded
        case (.funded, .refundAll, .member(.provider)), (.funded, .refundAll, .administrator): .pending
        case (.funded, .start, .member(.provider)): .inProgress
        case (.inProgress, .submit, .member(.provider)), (.changesRequested, .submit, .member(.provider)): .submitted
        case (.submitted, .requestChanges, .member(.client)): .changesRequested
        case (.submitted, .approve, .member(.client)), (.submitted, .approve, .reviewWindow): .approved
        case (.funded, .settle, .administrator), (.inProgress, .settle, .administrator), (.submitted, .settle, .administrator),
             (.changesRequested, .settle, .administrator): .settled
        default: nil
        }
        guard let next else {
            throw StatusTransitionError("a milestone that is \(label) cannot be \(step.pastTense) by \(actor.label)")
        }
        return next
    }

    /// The status in words, for messages and pages.
    public var label: String {
        switch self {
        case .proposed: "proposed"
        case .declined: "declined"
        case .pending: "not funded"
        case .funded: "funded"
        case .inProgress: "in progress"
        case .submitted: "submitted"
        case .changesRequested: "waiting for changes"
        case .approved: "approved"
        case .settled: "settled by a dispute's decision"
        }
    }
}

/// A step on a milestone, as its API route names it (`POST /api/milestones/{id}/{step}`). Funding and refunding
/// in full are taken by the payments, which move the money with them.
public enum MilestoneStep: String, Sendable, CaseIterable {
    case accept
    case decline
    case withdraw
    case fund
    /// The whole of the escrow refunded (by the provider, or an administrator's decision): no longer funded.
    case refundAll = "refund-all"
    case start
    case submit
    case requestChanges = "request-changes"
    case approve
    /// An administrator's decision on a dispute closes the milestone.
    case settle

    /// The steps a member takes by the milestone's own routes; the others come with a payment.
    public static let workflow = allCases.filter { $0 != .fund && $0 != .refundAll && $0 != .settle }

    var pastTense: String {
        switch self {
        case .accept: "accepted"
        case .decline: "declined"
        case .withdraw: "withdrawn"
        case .fund: "funded"
        case .refundAll: "refunded in full"
        case .start: "started"
        case .submit: "submitted"
        case .requestChanges: "sent back for changes"
        case .approve: "approved"
        case .settle: "settled"
        }
    }
}

/// Who takes a step: a member of the project, the job that approves a submission the client left unanswered past
/// the review window, or an administrator deciding about the money.
public enum MilestoneActor: Sendable, Hashable {
    case member(ProjectRole)
    case reviewWindow
    case administrator

    var label: String {
        switch self {
        case .member(let role): "the \(role.rawValue)"
        case .reviewWindow: "the review window"
        case .administrator: "an administrator"
        }
    }
}
