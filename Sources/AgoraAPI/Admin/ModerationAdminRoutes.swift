import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `/api/admin/moderation` (`moderation.decide`): the queue, one item, claiming, decisions (one or many at once),
/// escalation to the administrators (whose items need `moderation.escalations`), appeals and the queue's figures.
/// Decisions and escalations are audited in the transaction that applies them.
struct ModerationAdminRoutes: Sendable {
    let store: Store
    let mail: ModerationMail
    let suspensionMail: SuspensionRepository.Tell
    let clock: any AgoraClock

    static let maximumLimit = 200
    static let maximumDays = 365
    /// Items one bulk decision takes at most.
    static let maximumBulk = 100

    struct DecisionInput: RequestBody {
        static let fields: Set<String> = ["decision", "reason", "replacement", "days"]
        let decision: String?
        let reason: String?
        let replacement: String?
        let days: Int?

        init(reading body: inout JSONObjectBody) {
            decision = body.string("decision", maximumLength: 40)
            reason = body.string("reason", required: false, maximumLength: 2_000, multiline: true)
            replacement = body.string("replacement", required: false, maximumLength: OrderDetails.descriptionLength.upperBound, multiline: true)
            days = body.integer("days")
        }

        /// The verdict, or every bad field at once: a reason for anything but an approval, the corrected text for an
        /// edit, the days for a suspension.
        func verdict() throws -> ModerationVerdict {
            var errors: [FieldError] = []
            let decision = self.decision.flatMap(ModerationDecision.init(rawValue:))
            if decision == nil {
                errors.append(FieldError(field: "decision", message: "must be one of \(ModerationDecision.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
            let reason = (self.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if decision?.isAgainstAuthor == true, reason.isEmpty {
                errors.append(FieldError(field: "reason", message: "is required: the author is told it"))
            }
            let replacement = (self.replacement ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if decision == .edit, replacement.isEmpty { errors.append(FieldError(field: "replacement", message: "is required for an edit")) }
            if decision == .suspend, !(1...ModerationRepository.longestSuspensionDays).contains(days ?? 0) {
                errors.append(FieldError(field: "days", message: "must be from 1 to \(ModerationRepository.longestSuspensionDays) for a suspension"))
            }
            guard errors.isEmpty, let decision else { throw ValidationError(errors) }
            return ModerationVerdict(decision: decision, reason: reason, replacement: decision == .edit ? replacement : nil, days: days)
        }
    }

    struct BulkInput: RequestBody {
        static let fields: Set<String> = ["item_ids", "decision", "reason"]
        let itemIDs: [Int64]?
        let decision: String?
        let reason: String?

        init(reading body: inout JSONObjectBody) {
            itemIDs = body.identifiers("item_ids", maximumCount: ModerationAdminRoutes.maximumBulk)
            decision = body.string("decision", maximumLength: 40)
            reason = body.string("reason", required: false, maximumLength: 2_000, multiline: true)
        }
    }

    struct AppealDecisionInput: RequestBody {
        static let fields: Set<String> = ["outcome", "reason"]
        let outcome: String?
        let reason: String?

        init(reading body: inout JSONObjectBody) {
            outcome = body.string("outcome", maximumLength: 40)
            reason = body.string("reason", maximumLength: 2_000, multiline: true)
        }
    }

    struct BulkBody: ResponseEncodable {
        /// The items decided.
        let decided: [Int64]
        /// The items left as they were, each with why.
        let skipped: [SkippedBody]
    }

    struct SkippedBody: Encodable {
        let id: Int64
        let reason: String
    }

    struct AnalyticsBody: ResponseEncodable {
        struct ModeratorBody: Encodable {
            let staffId: Int64
            let decisions: [String: Int]
        }

        let days: Int
        let waiting: [String: Int]
        let oldestWaitingAt: Date?
        let decided: Int
        let medianMinutesToDecision: Double?
        let moderators: [ModeratorBody]
        let appeals: [String: Int]
    }

    func register(on admin: RouterGroup<AgoraRequestContext>) {
        let area = AdminArea.moderation.group(on: admin, store: store)
        area.get("items", use: queue)
        area.get("items/{id}", use: item)
        area.post("items/{id}/claim", use: claim)
        area.delete("items/{id}/claim", use: release)
        area.post("items/{id}/decision", use: decide)
        area.post("items/{id}/escalation", use: escalate)
        area.post("items/{id}/appeal-decision", use: decideAppeal)
        area.post("decisions", use: bulk)
        area.get("analytics", use: analytics)
    }

    static let notFound = Problem(status: .notFound, detail: "No moderation item has this id.")

    /// `?status=pending,escalated&subject=order&kind=report&claimable=true&sort=score|oldest&offset=&limit=`.
    @Sendable func queue(_ request: Request, context: AgoraRequestContext) async throws -> ModerationItemsBody {
        var query = ModerationQuery()
        var offset = 0
        var limit = 50
        var reader = AdminQuery()
        for (name, value) in try QueryParameters.pairs(of: request) {
            switch name {
            case "status": query.statuses = value.split(separator: ",").compactMap { reader.oneOf(String($0), name, as: ModerationStatus.self) }
            case "subject": query.subject = reader.oneOf(value, name, as: ModerationSubject.self)
            case "kind": query.kind = reader.oneOf(value, name, as: FlagKind.self)
            case "claimable": query.claimable = value == "true"
            case "sort": query.order = reader.oneOf(value, name, as: ModerationQuery.Order.self) ?? query.order
            case "offset": offset = reader.limit(value, name, maximum: 100_000) ?? offset
            case "limit": limit = reader.limit(value, name, maximum: Self.maximumLimit) ?? limit
            default: reader.unknown(name)
            }
        }
        try reader.check()
        let identity = try context.requireIdentity()
        let items = try await ModerationRepository(store: store).queue(query, staffID: identity.userID, now: clock.now, offset: offset, limit: limit)
        return ModerationItemsBody(items: items.map { ModerationItemBody($0) })
    }

    @Sendable func item(_ request: Request, context: AgoraRequestContext) async throws -> ModerationItemBody {
        let id = try context.pathID("id", notFound: Self.notFound)
        guard let found = try await ModerationRepository(store: store).detail(id) else { throw Self.notFound }
        return ModerationItemBody(found.item, flags: found.flags, appeal: found.appeal)
    }

    @Sendable func claim(_ request: Request, context: AgoraRequestContext) async throws -> ModerationItemBody {
        let id = try context.pathID("id", notFound: Self.notFound)
        guard let claimed = try await ModerationRepository(store: store).claim(id, by: try context.requireIdentity().userID, now: clock.now) else {
            throw Self.notFound
        }
        return ModerationItemBody(claimed)
    }

    @Sendable func release(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let id = try context.pathID("id", notFound: Self.notFound)
        try await ModerationRepository(store: store).release(id, by: try context.requireIdentity().userID)
        return Response(status: .noContent)
    }

    @Sendable func decide(_ request: Request, context: AgoraRequestContext) async throws -> ModerationItemBody {
        let id = try context.pathID("id", notFound: Self.notFound)
        let verdict = try await request.decode(as: DecisionInput.self, context: context).verdict()
        guard let decided = try await decide(id, verdict, context: try AuditActor(request, context), identity: try context.requireIdentity()) else {
            throw Self.notFound
        }
        return ModerationItemBody(decided)
    }

    private func decide(_ id: Int64, _ verdict: ModerationVerdict, context actor: AuditActor, identity: Identity) async throws -> ModerationItem? {
        let mayDecideEscalated = try await StaffRepository(store: store).access(of: identity.userID, to: .moderationEscalations)?.permitted ?? false
        return try await ModerationRepository(store: store).decide(
            id, verdict, by: actor, mayDecideEscalated: mayDecideEscalated, now: clock.now, tell: mail.decided, suspensionTell: suspensionMail
        )
    }

    /// `{"item_ids": [..], "decision": "approve" | "remove", "reason"}`: each item decided on its own (one audit
    /// entry each); items another moderator claims, or that are decided already, are skipped and named.
    @Sendable func bulk(_ request: Request, context: AgoraRequestContext) async throws -> BulkBody {
        let input = try await request.decode(as: BulkInput.self, context: context)
        var errors: [FieldError] = []
        let decision = input.decision.flatMap(ModerationDecision.init(rawValue:)).flatMap { ModerationDecision.bulk.contains($0) ? $0 : nil }
        if decision == nil { errors.append(FieldError(field: "decision", message: "must be approve or remove")) }
        if (input.itemIDs ?? []).isEmpty { errors.append(FieldError(field: "item_ids", message: "is required: at least one item")) }
        let reason = (input.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if decision == .remove, reason.isEmpty { errors.append(FieldError(field: "reason", message: "is required: the authors are told it")) }
        guard errors.isEmpty, let decision, let ids = input.itemIDs else { throw ValidationError(errors) }
        let actor = try AuditActor(request, context)
        let identity = try context.requireIdentity()
        var decided: [Int64] = []
        var skipped: [SkippedBody] = []
        for id in ids {
            do {
                if try await decide(id, ModerationVerdict(decision: decision, reason: reason), context: actor, identity: identity) != nil {
                    decided.append(id)
                } else {
                    skipped.append(SkippedBody(id: id, reason: "no such item"))
                }
            } catch StoreError.conflict(let why) {
                skipped.append(SkippedBody(id: id, reason: why))
            } catch let invalid as StatusTransitionError {
                skipped.append(SkippedBody(id: id, reason: invalid.description))
            }
        }
        return BulkBody(decided: decided, skipped: skipped)
    }

    @Sendable func escalate(_ request: Request, context: AgoraRequestContext) async throws -> ModerationItemBody {
        let id = try context.pathID("id", notFound: Self.notFound)
        let reason = try await request.decode(as: ReasonInput.self, context: context).required()
        guard let escalated = try await ModerationRepository(store: store).escalate(id, reason: reason, by: try AuditActor(request, context), now: clock.now) else {
            throw Self.notFound
        }
        return ModerationItemBody(escalated)
    }

    /// `{"outcome": "upheld" | "overturned", "reason"}`: by a moderator other than the one who decided.
    @Sendable func decideAppeal(_ request: Request, context: AgoraRequestContext) async throws -> ModerationItemBody {
        let id = try context.pathID("id", notFound: Self.notFound)
        let input = try await request.decode(as: AppealDecisionInput.self, context: context)
        var errors: [FieldError] = []
        let outcome = input.outcome.flatMap(AppealOutcome.init(rawValue:))
        if outcome == nil { errors.append(FieldError(field: "outcome", message: "must be upheld or overturned")) }
        let reason = (input.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.isEmpty { errors.append(FieldError(field: "reason", message: "is required: the author is told it")) }
        guard errors.isEmpty, let outcome else { throw ValidationError(errors) }
        guard let closed = try await ModerationRepository(store: store).decideAppeal(
            id, outcome: outcome, reason: reason, by: try AuditActor(request, context), now: clock.now, tell: mail.appealDecided(outcome, reason: reason)
        ) else { throw Self.notFound }
        return ModerationItemBody(closed)
    }

    @Sendable func analytics(_ request: Request, context: AgoraRequestContext) async throws -> AnalyticsBody {
        var days = 30
        var reader = AdminQuery()
        for (name, value) in try QueryParameters.pairs(of: request) {
            switch name {
            case "days": days = reader.limit(value, name, maximum: Self.maximumDays) ?? days
            default: reader.unknown(name)
            }
        }
        try reader.check()
        let figures = try await ModerationRepository(store: store).analytics(since: clock.now.addingTimeInterval(-Double(days) * 86_400))
        return AnalyticsBody(
            days: days,
            waiting: Dictionary(uniqueKeysWithValues: figures.waiting.map { ($0.key.rawValue, $0.value) }),
            oldestWaitingAt: figures.oldestWaiting, decided: figures.decided,
            medianMinutesToDecision: figures.medianSecondsToDecision.map { ($0 / 60 * 10).rounded() / 10 },
            moderators: figures.outcomes.sorted { $0.key < $1.key }.map { staff, decisions in
                AnalyticsBody.ModeratorBody(staffId: staff, decisions: Dictionary(uniqueKeysWithValues: decisions.map { ($0.key.rawValue, $0.value) }))
            },
            appeals: Dictionary(uniqueKeysWithValues: figures.appeals.map { ($0.key.rawValue, $0.value) })
        )
    }
}
