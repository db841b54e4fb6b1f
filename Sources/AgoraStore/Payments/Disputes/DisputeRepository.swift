import AgoraDomain
import Foundation
import SQLKit

/// Disputes over a milestone's money. A member opens one on a milestone with money held: the project becomes
/// disputed, which freezes its escrow (no release, no refund, no step) until an administrator decides. Both sides add
/// evidence; the opener may withdraw. The decision splits what was held between the provider and the client in one
/// balanced ledger transaction, settles the milestone, and returns the project to work, completes it, or ends it.
/// Each change runs in one transaction with the project locked, leaves an activity entry and tells the members.
public struct DisputeRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    public typealias Announce = @Sendable (DisputeEvent) throws -> Announcements

    /// Opens a dispute (see the type's summary); one a processor's `event` opened (a chargeback) is recorded with the
    /// event, and refused as a conflict when the event was taken before.
    public func open(
        _ opening: DisputeRules.Opening, projectID: Int64, by userID: Int64, event: ProcessorEvent? = nil, now: Date, announce: @escaping Announce
    ) async throws -> Dispute {
        try await store.uniqueOrConflict("a dispute of this project is already open") {
            try await store.transaction { [store] db in
                let project = try await ProjectRepository.locked(projectID, on: db)
                guard try await ProcessorEvent.take(event, now: now, on: db) else { throw StoreError.conflict("the processor's event was taken before") }
                guard let role = project.role(of: userID) else { throw StoreError.notFound("the project") }
                guard project.status.canMove(to: .disputed) else {
                    throw StatusTransitionError("a project that is \(project.status.label) cannot be disputed")
                }
                let (milestone, _) = try await ProjectRepository.lockedMilestone(opening.milestoneID, on: db)
                guard milestone.projectID == projectID else {
                    throw ValidationError(field: "milestone_id", message: "must be a milestone of this project")
                }
                guard milestone.escrow.remaining.minorUnits > 0 else {
                    throw StatusTransitionError("nothing is held in escrow for “\(milestone.title)”: only money held can be disputed")
                }
                guard let row = try await db.raw("""
                    INSERT INTO disputes (project_id, milestone_id, opened_by, opener_role, reason, statement, status, currency, created_at, updated_at)
                    VALUES (\(bind: projectID), \(bind: milestone.id), \(bind: userID), \(state: role), \(state: opening.reason), \(bind: opening.statement),
                            \(state: DisputeStatus.open), \(bind: milestone.amount.currency.code), \(bind: now), \(bind: now))
                    RETURNING id
                    """).first() else { throw StoreError.conflict("the dispute was not opened") }
                try await db.raw("""
                    UPDATE projects SET status = \(state: try project.status.moving(to: .disputed)), updated_at = \(bind: now) WHERE id = \(bind: projectID)
                    """).run()
                let (dispute, _) = try await Self.locked(try row.decode(column: "id", as: Int64.self), on: db)
                try await ProjectActivityLog.record(
                    .disputeOpened, projectID: projectID, actorID: userID, milestoneID: milestone.id,
                    detail: ["title": milestone.title, "reason": opening.reason.label], now: now, on: db
                )
                try await Self.announced(.disputeOpened, actor: role, dispute: dispute, project: project, milestone: milestone, store: store, now: now, on: db, announce: announce)
                return dispute
            }
        }
    }

    /// A member adds to their side of an open dispute.
    public func addEvidence(_ disputeID: Int64, body: String, by userID: Int64, now: Date, announce: @escaping Announce) async throws -> Dispute {
        try await store.transaction { [store] db in
            let (dispute, project) = try await Self.locked(disputeID, on: db)
            guard let role = project.role(of: userID) else { throw StoreError.notFound("the dispute") }
            guard dispute.status == .open else { throw StatusTransitionError("a dispute that is \(dispute.status.label) takes no more evidence") }
            guard dispute.evidence.count < DisputeRules.maximumEvidence else {
                throw StoreError.conflict("a dispute holds at most \(DisputeRules.maximumEvidence) entries of evidence")
            }
            try await db.raw("""
                INSERT INTO dispute_evidence (dispute_id, author_id, author_role, body, created_at)
                VALUES (\(bind: disputeID), \(bind: userID), \(state: role), \(bind: body), \(bind: now))
                """).run()
            let (milestone, _) = try await ProjectRepository.lockedMilestone(dispute.milestoneID, on: db)
            try await ProjectActivityLog.record(.disputeEvidenceAdded, projectID: project.id, actorID: userID, milestoneID: milestone.id, now: now, on: db)
            let (after, _) = try await Self.locked(disputeID, on: db)
            try await Self.announced(.disputeEvidenceAdded, actor: role, dispute: after, project: project, milestone: milestone, store: store, now: now, on: db, announce: announce)
            return after
        }
    }

    /// Whether a member may add a file to an open dispute now (checked before a byte is read); the dispute's project
    /// role of the member.
    public func attachable(_ disputeID: Int64, by userID: Int64) async throws -> ProjectRole {
        guard let (dispute, project) = try await found(disputeID), let role = project.role(of: userID) else { throw StoreError.notFound("the dispute") }
        try Self.checkAttachable(dispute)
        return role
    }

    /// A member adds a file (already stored by the attachment intake) to their side of an open dispute; the other side
    /// is told, as for written evidence.
    public func addFile(
        _ disputeID: Int64, by userID: Int64, storageName: String, fileName: String, mediaType: String, byteSize: Int64, sha256: String,
        now: Date, announce: @escaping Announce
    ) async throws -> DisputeFile {
        try await store.transaction { [store] db in
            let (dispute, project) = try await Self.locked(disputeID, on: db)
            guard let role = project.role(of: userID) else { throw StoreError.notFound("the dispute") }
            try Self.checkAttachable(dispute)
            guard let row = try await db.raw("""
                INSERT INTO dispute_files (dispute_id, uploader_id, uploader_role, storage_name, file_name, media_type, byte_size, sha256, created_at)
                VALUES (\(bind: disputeID), \(bind: userID), \(state: role), \(bind: storageName), \(bind: fileName), \(bind: mediaType),
                        \(bind: byteSize), \(bind: sha256), \(bind: now))
                RETURNING \(DisputeFile.columns)
                """).first() else { throw StoreError.conflict("the file was not recorded") }
            let (milestone, _) = try await ProjectRepository.lockedMilestone(dispute.milestoneID, on: db)
            try await ProjectActivityLog.record(
                .disputeEvidenceAdded, projectID: project.id, actorID: userID, milestoneID: milestone.id, detail: ["file": fileName], now: now, on: db
            )
            let (after, _) = try await Self.locked(disputeID, on: db)
            try await Self.announced(.disputeEvidenceAdded, actor: role, dispute: after, project: project, milestone: milestone, store: store, now: now, on: db, announce: announce)
            return try DisputeFile(row: row)
        }
    }

    /// A file of a dispute, to a member of its project (`userID`) or to staff (nil); nil when there is none.
    public func file(_ fileID: Int64, disputeID: Int64, for userID: Int64?) async throws -> DisputeFile? {
        guard let (dispute, project) = try await found(disputeID) else { return nil }
        if let userID, project.role(of: userID) == nil { return nil }
        return dispute.files.first { $0.id == fileID }
    }

    private static func checkAttachable(_ dispute: Dispute) throws {
        guard dispute.status == .open else { throw StatusTransitionError("a dispute that is \(dispute.status.label) takes no more evidence") }
        guard dispute.files.count < DisputeRules.maximumFiles else {
            throw StoreError.conflict("a dispute holds at most \(DisputeRules.maximumFiles) files")
        }
    }

    /// The member who opened an open dispute withdraws it: the project goes back to work, the money stays held.
    public func withdraw(_ disputeID: Int64, by userID: Int64, now: Date, announce: @escaping Announce) async throws -> Dispute {
        try await store.transaction { [store] db in
            let (dispute, project) = try await Self.locked(disputeID, on: db)
            guard let role = project.role(of: userID) else { throw StoreError.notFound("the dispute") }
            guard dispute.status == .open else { throw StatusTransitionError("a dispute that is \(dispute.status.label) cannot be withdrawn") }
            guard role == dispute.openerRole else { throw StatusTransitionError("only the \(dispute.openerRole.rawValue), who opened the dispute, withdraws it") }
            try await db.raw("""
                UPDATE disputes SET status = \(state: DisputeStatus.withdrawn), updated_at = \(bind: now) WHERE id = \(bind: disputeID)
                """).run()
            try await db.raw("""
                UPDATE projects SET status = \(state: try project.status.moving(to: .active)), updated_at = \(bind: now) WHERE id = \(bind: project.id)
                """).run()
            let (milestone, _) = try await ProjectRepository.lockedMilestone(dispute.milestoneID, on: db)
            try await ProjectActivityLog.record(.disputeWithdrawn, projectID: project.id, actorID: userID, milestoneID: milestone.id, now: now, on: db)
            let (after, _) = try await Self.locked(disputeID, on: db)
            try await Self.announced(.disputeWithdrawn, actor: role, dispute: after, project: project, milestone: milestone, store: store, now: now, on: db, announce: announce)
            return after
        }
    }

    /// An administrator's decision: the provider's share of what is held released to them (less commission), the
    /// rest refunded to the client (pending until the processor pays it back), in one ledger transaction; the milestone
    /// settled; the project back to work, completed when nothing else is open, or cancelled when the decision ends it
    /// (refunding whatever else is held). Audited with the note. Returns the dispute and the refunds to pay back.
    public func resolve(
        _ disputeID: Int64, decision: DisputeRules.Decision, by actor: AuditActor, now: Date, announce: @escaping Announce
    ) async throws -> (dispute: Dispute, refunds: [PaymentRefund]) {
        try await store.inTransaction { [store] transaction in
            let db = transaction.sql
            let (dispute, project) = try await Self.locked(disputeID, on: db)
            guard dispute.status == .open else { throw StatusTransitionError("a dispute that is \(dispute.status.label) cannot be decided") }
            let (milestone, _) = try await ProjectRepository.lockedMilestone(dispute.milestoneID, on: db)
            guard decision.providerShare.currency == milestone.amount.currency else {
                throw ValidationError(field: "provider_amount", message: "must be in \(milestone.amount.currency.code)")
            }
            let (fees, commissionTax) = try await FeeRules.terms(of: project, taxing: .provider, on: db)
            let settlement = try milestone.escrow.settle(
                providerShare: decision.providerShare, from: .milestone(milestone.id), providerID: project.providerID, clientID: project.clientID,
                schedule: fees,
                billedBefore: try await EscrowRepository.billedBefore(project, currency: milestone.amount.currency, on: db), commissionTax: commissionTax
            )
            let key = "dispute:\(disputeID):resolved"
            _ = try await Ledger.post(
                try LedgerTransactionDraft(idempotencyKey: key, kind: .disputeResolution, reference: "dispute:\(disputeID)", actorID: actor.userID, lines: settlement.lines),
                now: now, engine: store.engine, on: db
            )
            try await db.raw("""
                UPDATE project_milestones SET escrow_released_minor = \(bind: settlement.after.released.minorUnits),
                    escrow_refunded_minor = \(bind: settlement.after.refunded.minorUnits),
                    status = \(state: try milestone.status.after(.settle, by: .administrator)), updated_at = \(bind: now)
                WHERE id = \(bind: milestone.id)
                """).run()
            if let release = settlement.release {
                try await EscrowRepository.recordRelease(release, of: milestone, in: project, taxNote: commissionTax.note, ledgerKey: key, now: now, on: db)
            }
            var refunds: [PaymentRefund] = []
            if let refund = settlement.refund, let payment = try await EscrowRepository.fundingPayment(of: milestone.id, on: db) {
                let id = try await EscrowRepository.recordRefund(
                    refund, of: payment.id, reason: "Decided on the dispute: \(decision.note)", actorID: actor.userID, ledgerKey: key, now: now, on: db
                )
                refunds += try await EscrowRepository.refunds(ofPayment: payment.id, on: db).filter { $0.id == id }
            }
            let providerShare = settlement.release?.amount ?? Money(minorUnits: 0, currency: milestone.amount.currency)
            let clientShare = settlement.refund?.amount ?? Money(minorUnits: 0, currency: milestone.amount.currency)
            try await db.raw("""
                UPDATE disputes SET status = \(state: DisputeStatus.resolved), provider_share_minor = \(bind: providerShare.minorUnits),
                    client_share_minor = \(bind: clientShare.minorUnits), decision_note = \(bind: decision.note), closes_project = \(bind: decision.closesProject),
                    resolved_by = \(bind: actor.userID), resolved_at = \(bind: now), updated_at = \(bind: now)
                WHERE id = \(bind: disputeID)
                """).run()
            try await ProjectActivityLog.record(
                .disputeResolved, projectID: project.id, actorID: actor.userID, milestoneID: milestone.id,
                detail: ["title": milestone.title, "provider": providerShare.formatted, "client": clientShare.formatted, "note": decision.note], now: now, on: db
            )
            if decision.closesProject {
                refunds += try await ProjectRepository.cancelled(
                    project, by: actor.userID, refundReason: "The project was ended by a dispute's decision.", store: store, now: now, on: db
                )
            } else {
                let milestones = try await ProjectRepository.milestones(of: [project.id], on: db)[project.id] ?? []
                try await db.raw("""
                    UPDATE projects SET status = \(state: try project.status.moving(to: .active)), updated_at = \(bind: now) WHERE id = \(bind: project.id)
                    """).run()
                if ProjectProgress(milestones.map { ($0.status, $0.amount.minorUnits) }).isDone {
                    try await ProjectRepository.complete(try await ProjectRepository.locked(project.id, on: db), by: nil, store: store, now: now, on: db)
                }
            }
            try await AuditLog(store: store, in: transaction).append(actor.because(decision.note).entry(
                .disputeResolved, on: .dispute, id: disputeID, before: ["status": DisputeStatus.open.rawValue],
                after: [
                    "status": DisputeStatus.resolved.rawValue, "provider_amount": providerShare.formatted, "client_amount": clientShare.formatted,
                    "closes_project": String(decision.closesProject),
                ],
                at: now
            ))
            let (after, _) = try await Self.locked(disputeID, on: db)
            try await Self.announced(.disputeResolved, actor: nil, dispute: after, project: project, milestone: milestone, store: store, now: now, on: db, announce: announce)
            return (after, refunds)
        }
    }

    /// A dispute its project's members may see; nil for anyone else.
    public func dispute(_ id: Int64, for userID: Int64) async throws -> Dispute? {
        guard let (dispute, project) = try await found(id), project.role(of: userID) != nil else { return nil }
        return dispute
    }

    /// Any dispute, for the administrators who decide them.
    public func dispute(_ id: Int64) async throws -> Dispute? {
        try await found(id)?.0
    }

    /// A project's disputes, newest first.
    public func disputes(ofProject projectID: Int64) async throws -> [Dispute] {
        try await Self.withEvidence(
            try await store.sql.raw("SELECT \(Dispute.columns) FROM \(Dispute.from) WHERE d.project_id = \(bind: projectID) ORDER BY d.id DESC").all().map(Dispute.init(row:)),
            on: store.sql
        )
    }

    /// Disputes in a status, oldest first: the administrators' queue.
    public func disputes(status: DisputeStatus, limit: Int) async throws -> [Dispute] {
        try await Self.withEvidence(try await store.sql.raw("""
            SELECT \(Dispute.columns) FROM \(Dispute.from) WHERE d.status = \(state: status) ORDER BY d.id LIMIT \(bind: limit)
            """).all().map(Dispute.init(row:)), on: store.sql)
    }

    private func found(_ id: Int64) async throws -> (Dispute, Project)? {
        do { return try await Self.locked(id, on: store.sql, lock: false) } catch StoreError.notFound { return nil }
    }

    // MARK: Inside a transaction

    /// The dispute with its evidence, and its project (locked, unless `lock` is false).
    static func locked(_ id: Int64, on db: any SQLDatabase, lock: Bool = true) async throws -> (Dispute, Project) {
        guard let row = try await db.raw("SELECT \(Dispute.columns) FROM \(Dispute.from) WHERE d.id = \(bind: id)").first() else {
            throw StoreError.notFound("the dispute")
        }
        var dispute = try Dispute(row: row)
        let found = lock ? try await ProjectRepository.locked(dispute.projectID, on: db) : try await ProjectRepository.project(dispute.projectID, on: db)
        guard let project = found else { throw StoreError.notFound("the project") }
        dispute = try await withEvidence([dispute], on: db)[0]
        return (dispute, project)
    }

    /// The disputes with their evidence and files, read in two queries.
    static func withEvidence(_ disputes: [Dispute], on db: any SQLDatabase) async throws -> [Dispute] {
        guard !disputes.isEmpty else { return [] }
        let ids = disputes.map(\.id)
        var evidence: [Int64: [DisputeEvidence]] = [:]
        for row in try await db.raw("""
            SELECT id, dispute_id, author_role, body, created_at FROM dispute_evidence WHERE dispute_id IN (\(binds: ids)) ORDER BY id
            """).all() {
            evidence[try row.decode(column: "dispute_id", as: Int64.self), default: []].append(try DisputeEvidence(row: row))
        }
        var files: [Int64: [DisputeFile]] = [:]
        for row in try await db.raw("SELECT \(DisputeFile.columns) FROM dispute_files WHERE dispute_id IN (\(binds: ids)) ORDER BY id").all() {
            let file = try DisputeFile(row: row)
            files[file.disputeID, default: []].append(file)
        }
        return disputes.map { dispute in
            var dispute = dispute
            dispute.evidence = evidence[dispute.id] ?? []
            dispute.files = files[dispute.id] ?? []
            return dispute
        }
    }

    private static func announced(
        _ event: ProjectActivityKind, actor: ProjectRole?, dispute: Dispute, project: Project, milestone: Milestone,
        store: Store, now: Date, on db: any SQLDatabase, announce: Announce
    ) async throws {
        let happened = DisputeEvent(
            event: event, actor: actor, dispute: dispute, projectTitle: project.title, milestoneTitle: milestone.title,
            members: try await ProjectRepository.members(of: project, on: db)
        )
        try await NotificationRepository.write(try announce(happened), store: store, on: db, now: now)
    }
}
