import AgoraDomain
import Foundation
import SQLKit

/// Providers' verification requests. A provider has at most one open request of a kind, and none while an approval of
/// that kind holds; a refusal may be appealed once within `VerificationRules.appealWindow`. A decision, in one
/// transaction: the status and reason, the audit entry, the owner's email, and — for an approval — the expiry date,
/// the badge on the public pages (search index refreshed, pages queued). The document is deleted
/// `VerificationRules.documentRetention` after the last decision (`documentsToDelete`).
public struct VerificationRepository: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Writes to the owner about a decision, in its transaction.
    public typealias Tell = @Sendable (UserAccount, VerificationRequest, StoreTransaction) async throws -> Void

    static let notFound = StoreError.notFound("no verification request of yours has this id")

    /// The owner's requests, newest first.
    public func list(_ userID: Int64) async throws -> [VerificationRequest] {
        try await Self.requests(where: "user_id = \(bind: userID)", on: store.sql)
    }

    /// One of the owner's requests; 404 for another's.
    public func find(_ id: Int64, userID: Int64) async throws -> VerificationRequest {
        guard let request = try await Self.requests(where: "id = \(bind: id) AND user_id = \(bind: userID)", on: store.sql).first else { throw Self.notFound }
        return request
    }

    /// Any request, for staff.
    public func find(_ id: Int64) async throws -> VerificationRequest? {
        try await Self.requests(where: "id = \(bind: id)", on: store.sql).first
    }

    /// The encrypted file's name of a request's document, while it is kept.
    public func documentStorageName(_ id: Int64) async throws -> String? {
        try await store.sql.raw("SELECT document_storage_name FROM profile_verifications WHERE id = \(bind: id)").first()?
            .decodeIfPresent(column: "document_storage_name", as: String.self)
    }

    /// Requests waiting for staff (first requests and appeals), oldest first, or those of one status.
    public func queue(status: VerificationRequestStatus?, limit: Int) async throws -> [VerificationRequest] {
        let condition: SQLQueryString = if let status {
            "status = \(bind: status.rawValue)"
        } else {
            "status IN (\(binds: [VerificationRequestStatus.pending.rawValue, VerificationRequestStatus.appealed.rawValue]))"
        }
        return try await Self.requests(where: condition, order: "created_at, id", limit: limit, on: store.sql)
    }

    /// A new request with its document (already written, encrypted, under `document.storageName`); 409 while a request
    /// of the kind is open or an approval of it holds.
    public func create(_ userID: Int64, kind: VerificationKind, note: String, document: StoredDocument, now: Date) async throws -> VerificationRequest {
        try await store.inTransaction { [store] transaction in
            let db = transaction.sql
            if store.engine == .postgresql {
                try await db.raw("SELECT id FROM users WHERE id = \(bind: userID) FOR UPDATE").run()
            }
            let blocking = try await db.raw("""
                SELECT status FROM profile_verifications
                WHERE user_id = \(bind: userID) AND kind = \(bind: kind.rawValue)
                  AND status IN (\(binds: [VerificationRequestStatus.pending.rawValue, VerificationRequestStatus.appealed.rawValue, VerificationRequestStatus.approved.rawValue]))
                LIMIT 1
                """).first()
            if let blocking {
                let status = try blocking.decode(column: "status", as: String.self)
                throw StoreError.conflict(status == VerificationRequestStatus.approved.rawValue
                    ? "your \(kind.title.lowercased()) is verified already"
                    : "a request for your \(kind.title.lowercased()) waits for review already")
            }
            guard let row = try await db.raw("""
                INSERT INTO profile_verifications (user_id, kind, status, note, document_storage_name, document_name, document_type,
                                                   document_bytes, document_sha256, created_at)
                VALUES (\(bind: userID), \(bind: kind.rawValue), \(state: VerificationRequestStatus.pending), \(bind: note), \(bind: document.storageName),
                        \(bind: document.fileName), \(bind: document.mediaType), \(bind: document.byteSize), \(bind: document.sha256), \(bind: now))
                RETURNING id
                """).first() else { throw StoreError.conflict("the request was not stored") }
            let id = try row.decode(column: "id", as: Int64.self)
            guard let request = try await Self.requests(where: "id = \(bind: id)", on: db).first else { throw Self.notFound }
            return request
        }
    }

    /// The owner appeals a refusal with a statement: once, within the window. The document is kept until the appeal
    /// is decided.
    public func appeal(_ id: Int64, userID: Int64, statement: String, now: Date) async throws -> VerificationRequest {
        try await store.inTransaction { transaction in
            let db = transaction.sql
            guard let current = try await Self.requests(where: "id = \(bind: id) AND user_id = \(bind: userID)", on: db).first else { throw Self.notFound }
            let next = try current.status.appealing(alreadyAppealed: current.appealedAt != nil)
            guard let until = current.appealableUntil, now <= until else {
                throw StatusTransitionError("a refusal may be appealed within \(Int(VerificationRules.appealWindow / 86_400)) days of the decision")
            }
            try await db.raw("""
                UPDATE profile_verifications SET status = \(state: next), appeal_statement = \(bind: statement), appealed_at = \(bind: now),
                    purge_after = NULL
                WHERE id = \(bind: id)
                """).run()
            guard let request = try await Self.requests(where: "id = \(bind: id)", on: db).first else { throw Self.notFound }
            return request
        }
    }

    /// Staff decide an open request (first or appealed). 404 when there is none; 409 when it is not open.
    public func decide(
        _ id: Int64, approved: Bool, reason: String, by actor: AuditActor, now: Date, tell: @escaping Tell
    ) async throws -> VerificationRequest {
        try await store.inTransaction { [store] transaction in
            let db = transaction.sql
            if store.engine == .postgresql {
                try await db.raw("SELECT id FROM profile_verifications WHERE id = \(bind: id) FOR UPDATE").run()
            }
            guard let current = try await Self.requests(where: "id = \(bind: id)", on: db).first else {
                throw StoreError.notFound("no verification request has this id")
            }
            let next: VerificationRequestStatus
            do {
                next = try current.status.deciding(approved: approved)
            } catch {
                throw StoreError.conflict("the request is \(current.status.rawValue): nothing waits for a decision")
            }
            let expires = approved ? now.addingTimeInterval(current.kind.validity) : nil
            try await db.raw("""
                UPDATE profile_verifications SET status = \(state: next), reason = \(bind: reason), reviewer_id = \(bind: actor.userID),
                    decided_at = \(bind: now), expires_at = \(bind: expires), purge_after = \(bind: now.addingTimeInterval(VerificationRules.documentRetention))
                WHERE id = \(bind: id)
                """).run()
            if approved { try await Self.showBadges(of: current.userID, kind: current.kind, reason: "verified", now: now, in: transaction, store: store) }
            try await AuditLog(store: store, in: transaction).append(actor.because(reason).entry(
                approved ? .verificationApproved : .verificationRejected, on: .verification, id: id,
                before: ["status": current.status.rawValue, "kind": current.kind.rawValue, "user": String(current.userID)],
                after: ["status": next.rawValue], at: now
            ))
            guard let decided = try await Self.requests(where: "id = \(bind: id)", on: db).first else { throw Self.notFound }
            if let owner = try await UserRepository(store: store, in: transaction).find(id: current.userID) {
                try await tell(owner, decided, transaction)
            }
            return decided
        }
    }

    /// Approvals whose validity has passed become `expired`, and their badges leave the pages. Returns how many.
    @discardableResult
    public func expire(now: Date) async throws -> Int {
        try await store.inTransaction { [store] transaction in
            let db = transaction.sql
            let rows = try await db.raw("""
                UPDATE profile_verifications SET status = \(state: VerificationRequestStatus.expired)
                WHERE status = \(state: VerificationRequestStatus.approved) AND expires_at <= \(bind: now)
                RETURNING user_id, kind
                """).all()
            for row in rows {
                guard let kind = VerificationKind(rawValue: try row.decode(column: "kind", as: String.self)) else { continue }
                try await Self.showBadges(of: try row.decode(column: "user_id", as: Int64.self), kind: kind, reason: "verification expired", now: now, in: transaction, store: store)
            }
            return rows.count
        }
    }

    /// Documents whose last decision is older than the retention: their requests and files' names.
    public func documentsToDelete(now: Date) async throws -> [(id: Int64, storageName: String)] {
        try await store.sql.raw("""
            SELECT id, document_storage_name FROM profile_verifications
            WHERE document_storage_name IS NOT NULL AND purge_after <= \(bind: now)
            """).all().map { (try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "document_storage_name", as: String.self)) }
    }

    /// Records that the documents' files are deleted.
    public func forgetDocuments(_ ids: [Int64], now: Date) async throws {
        guard !ids.isEmpty else { return }
        try await store.sql.raw("""
            UPDATE profile_verifications SET document_storage_name = NULL, document_deleted_at = \(bind: now) WHERE id IN (\(binds: ids))
            """).run()
    }

    /// The names of every document file still kept: what the storage sweep must leave alone.
    public func documentStorageNames() async throws -> Set<String> {
        Set(try await store.sql.raw("SELECT document_storage_name FROM profile_verifications WHERE document_storage_name IS NOT NULL").all()
            .map { try $0.decode(column: "document_storage_name", as: String.self) })
    }

    /// The kinds each provider has verified now (approved): the badges of their pages.
    static func verifiedKinds(of userIDs: [Int64], on db: any SQLDatabase) async throws -> [Int64: Set<VerificationKind>] {
        guard !userIDs.isEmpty else { return [:] }
        var kinds: [Int64: Set<VerificationKind>] = [:]
        for row in try await db.raw("""
            SELECT user_id, kind FROM profile_verifications WHERE user_id IN (\(binds: userIDs)) AND status = \(state: VerificationRequestStatus.approved)
            """).all() {
            guard let kind = VerificationKind(rawValue: try row.decode(column: "kind", as: String.self)) else { continue }
            kinds[try row.decode(column: "user_id", as: Int64.self), default: []].insert(kind)
        }
        return kinds
    }

    /// Brings the public side in step with a verification that started or stopped holding: an identity's
    /// `verified_at` (the search filter), the search index, the provider's page and listings.
    static func showBadges(of userID: Int64, kind: VerificationKind, reason: String, now: Date, in transaction: StoreTransaction, store: Store) async throws {
        let db = transaction.sql
        if kind == .identity {
            let holds = try await db.raw("""
                SELECT id FROM profile_verifications WHERE user_id = \(bind: userID) AND kind = \(bind: kind.rawValue) AND status = \(state: VerificationRequestStatus.approved)
                """).first() != nil
            try await db.raw("UPDATE user_profiles SET verified_at = \(bind: holds ? now : nil) WHERE user_id = \(bind: userID)").run()
        }
        guard let row = try await db.raw("""
            UPDATE user_profiles SET updated_at = \(bind: now) WHERE user_id = \(bind: userID) RETURNING published
            """).first(), try row.decode(column: "published", as: Bool.self) else { return }
        let categories = try await ProfileRepository.live(userID, on: db).categorySlugs
        try await ProfileRepository.publishChange(of: userID, categories: categories, reason: reason, now: now, in: transaction, store: store)
    }

    static func requests(where condition: SQLQueryString, order: SQLQueryString = "created_at DESC, id DESC", limit: Int? = nil, on db: any SQLDatabase) async throws -> [VerificationRequest] {
        let limitClause: SQLQueryString = limit.map { "LIMIT \(bind: $0)" } ?? ""
        return try await db.raw("""
            SELECT id, user_id, kind, status, note, document_storage_name, document_name, document_type, document_bytes, reason,
                   appeal_statement, reviewer_id, created_at, decided_at, appealed_at, expires_at
            FROM profile_verifications WHERE \(condition) ORDER BY \(order) \(limitClause)
            """).all().map { row in
            VerificationRequest(
                id: try row.decode(column: "id", as: Int64.self), userID: try row.decode(column: "user_id", as: Int64.self),
                kind: VerificationKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .identity,
                status: VerificationRequestStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .pending,
                note: try row.decode(column: "note", as: String.self),
                documentName: try row.decodeIfPresent(column: "document_name", as: String.self),
                documentType: try row.decodeIfPresent(column: "document_type", as: String.self),
                documentBytes: try row.decodeIfPresent(column: "document_bytes", as: Int64.self),
                hasDocument: try row.decodeIfPresent(column: "document_storage_name", as: String.self) != nil,
                reason: try row.decode(column: "reason", as: String.self), appealStatement: try row.decode(column: "appeal_statement", as: String.self),
                reviewerID: try row.decodeIfPresent(column: "reviewer_id", as: Int64.self),
                createdAt: try row.decode(column: "created_at", as: Date.self), decidedAt: try row.decodeIfPresent(column: "decided_at", as: Date.self),
                appealedAt: try row.decodeIfPresent(column: "appealed_at", as: Date.self), expiresAt: try row.decodeIfPresent(column: "expires_at", as: Date.self)
            )
        }
    }
}
