import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// What members do with moderation: report what they can see (`POST /api/reports`, and a chat message by
/// `POST /api/messages/{id}/report`), read the decisions taken on what they wrote, and appeal one
/// (`/api/moderation/decisions`).
struct ReportRoutes: Sendable {
    let store: Store
    let keyring: MessageKeyring
    let settings: LivePlatformSettings
    let clock: any AgoraClock

    struct ReportInput: RequestBody {
        static let fields: Set<String> = ["subject", "id", "reason", "detail"]
        let subject: String?
        let id: Int?
        let reason: String?
        let detail: String?

        init(reading body: inout JSONObjectBody) {
            subject = body.string("subject", maximumLength: 40)
            id = body.integer("id")
            reason = body.string("reason", maximumLength: 40)
            detail = body.string("detail", required: false, maximumLength: Self.detailLength, multiline: true)
        }

        static let detailLength = 1_000
    }

    /// `{"reason": "…", "detail": "…"}`: a report on the message in the path.
    struct MessageReportInput: RequestBody {
        static let fields: Set<String> = ["reason", "detail"]
        let reason: String?
        let detail: String?

        init(reading body: inout JSONObjectBody) {
            reason = body.string("reason", maximumLength: 40)
            detail = body.string("detail", required: false, maximumLength: ReportInput.detailLength, multiline: true)
        }
    }

    struct AppealInput: RequestBody {
        static let fields: Set<String> = ["statement"]
        let statement: String?

        init(reading body: inout JSONObjectBody) {
            statement = body.string("statement", maximumLength: 2_000, multiline: true)
        }
    }

    /// What the author sees of a decision on their content.
    struct DecisionBody: ResponseEncodable {
        let id: Int64
        let subject: String
        let subjectId: Int64
        let excerpt: String
        let decision: String?
        let reason: String
        let decidedAt: Date?
        /// The appeal, when there is one: its statement and, once heard, its outcome.
        let appealStatement: String?
        let appealOutcome: String?
        let appealReason: String?
        /// Whether an appeal may still be sent.
        let appealable: Bool
    }

    struct DecisionsBody: ResponseEncodable {
        let decisions: [DecisionBody]
    }

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.post("reports", use: report)
        signedIn.post("messages/{id}/report", use: reportMessage)
        signedIn.get("moderation/decisions", use: decisions)
        signedIn.post("moderation/decisions/{id}/appeal", use: appeal)
    }

    static let notFound = Problem(status: .notFound, detail: "Nothing you can see has this id.")

    /// `{"subject": "order", "id": 12, "reason": "off-platform", "detail": "…"}`: 201 with nothing about the queue
    /// beyond the fact that it was received; 404 for content the reporter cannot see; 409 when they reported it already.
    @Sendable func report(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let input = try await request.decode(as: ReportInput.self, context: context)
        var errors: [FieldError] = []
        let subject = input.subject.flatMap(ModerationSubject.init(rawValue:))
        if subject == nil {
            errors.append(FieldError(field: "subject", message: "must be one of \(ModerationSubject.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        if (input.id ?? 0) < 1 { errors.append(FieldError(field: "id", message: "is required: the id of what you report")) }
        let reason = Self.reason(input.reason, errors: &errors)
        guard errors.isEmpty, let subject, let id = input.id, let reason else { throw ValidationError(errors) }
        return try await file(subject, id: Int64(id), reason: reason, detail: input.detail, identity: identity)
    }

    /// A chat message reported by the other member of its room: its text, opened, goes with the report, so that the
    /// moderator reads what the reporter read (sealed at rest everywhere else).
    @Sendable func reportMessage(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: Self.notFound)
        let input = try await request.decode(as: MessageReportInput.self, context: context)
        var errors: [FieldError] = []
        guard let reason = Self.reason(input.reason, errors: &errors) else { throw ValidationError(errors) }
        return try await file(.message, id: id, reason: reason, detail: input.detail, identity: identity)
    }

    private static func reason(_ raw: String?, errors: inout [FieldError]) -> ReportReason? {
        let reason = raw.flatMap(ReportReason.init(rawValue:))
        if reason == nil { errors.append(FieldError(field: "reason", message: "must be one of \(ReportReason.allCases.map(\.rawValue).joined(separator: ", "))")) }
        return reason
    }

    /// Files the report when the member can see the content: 201 with nothing about the queue beyond the fact that
    /// it was received.
    private func file(_ subject: ModerationSubject, id: Int64, reason: ReportReason, detail: String?, identity: Identity) async throws -> Response {
        guard let sighting = try await sighting(subject, id: id, identity: identity) else { throw Self.notFound }
        let received = try await ModerationRepository(store: store).report(
            subject, id: id, by: identity.userID, reason: reason, detail: detail ?? "", excerpt: sighting.excerpt,
            threshold: settings.current.number(.moderationHideThreshold), now: clock.now
        )
        guard received != nil else { throw Self.notFound }
        return Response(status: .created)
    }

    /// What a member sees of content they may report.
    private struct Sighting {
        /// The text the moderator reads, for content sealed at rest.
        var excerpt: String?
    }

    /// What the member sees of the content, when they may see it, by the rule of its kind: an order by
    /// `OrderAccess`, a proposal by its parties, a testimonial or a portfolio item once published, a chat message by
    /// the members of its room (not once deleted, nor while hidden from them).
    private func sighting(_ subject: ModerationSubject, id: Int64, identity: Identity) async throws -> Sighting? {
        switch subject {
        case .order:
            guard let relation = try await OrderRepository(store: store).relation(of: id, to: identity.userID) else { return nil }
            return OrderAccess.canView(relation, viewer: OrderAccess.Viewer(userID: identity.userID, role: identity.role)) ? Sighting() : nil
        case .proposal:
            guard let proposal = try await ProposalRepository(store: store).find(id),
                  let order = try await OrderRepository(store: store).find(proposal.orderID)
            else { return nil }
            return proposal.providerID == identity.userID || (order.clientID == identity.userID && !proposal.moderationHold) ? Sighting() : nil
        case .testimonial:
            return try await TestimonialRepository(store: store).isPublished(id) ? Sighting() : nil
        case .portfolio:
            return try await PortfolioRepository(store: store).isPublished(id) ? Sighting() : nil
        case .message:
            guard let (message, _) = try await ChatRepository(store: store, keyring: keyring).message(id, for: identity.userID),
                  let body = message.body, message.kind == .text, !message.moderationHold || message.senderID == identity.userID
            else { return nil }
            return Sighting(excerpt: body)
        }
    }

    @Sendable func decisions(_ request: Request, context: AgoraRequestContext) async throws -> DecisionsBody {
        let identity = try context.requireIdentity()
        let now = clock.now
        let found = try await ModerationRepository(store: store).decisions(about: identity.userID)
        return DecisionsBody(decisions: found.map { item, appeal in
            DecisionBody(
                id: item.id, subject: item.subject.rawValue, subjectId: item.subjectID, excerpt: item.excerpt, decision: item.decision?.rawValue,
                reason: item.decisionReason, decidedAt: item.decidedAt, appealStatement: appeal?.statement, appealOutcome: appeal?.outcome?.rawValue,
                appealReason: appeal?.reason,
                appealable: appeal == nil && item.status == .decided
                    && item.decidedAt.map { now.timeIntervalSince($0) <= ModerationRepository.appealWindow } == true
            )
        })
    }

    /// `{"statement": "…"}`: the author's appeal, once per decision, within 14 days.
    @Sendable func appeal(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: Self.notFound)
        let statement = (try await request.decode(as: AppealInput.self, context: context).statement ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !statement.isEmpty else { throw ValidationError(field: "statement", message: "is required: say why the decision is wrong") }
        guard try await ModerationRepository(store: store).appeal(id, by: identity.userID, statement: statement, now: clock.now) != nil else {
            throw Self.notFound
        }
        return Response(status: .created)
    }
}
