import AgoraDomain
import Foundation
import SQLKit

/// A dispute over one milestone's money (`disputes`), with each side's evidence.
public struct Dispute: Sendable, Hashable {
    public let id: Int64
    public let projectID: Int64
    public let milestoneID: Int64
    public let openedBy: Int64
    public let openerRole: ProjectRole
    public let reason: DisputeReason
    public let statement: String
    public let status: DisputeStatus
    /// The decision: what the provider and the client each got of what was held, why, and whether the project ended.
    public let providerShare: Money?
    public let clientShare: Money?
    public let decisionNote: String?
    public let closesProject: Bool
    public let resolvedAt: Date?
    public let createdAt: Date
    public var evidence: [DisputeEvidence] = []
    public var files: [DisputeFile] = []

    /// The disputed milestone's title, and what is still held for it (nothing once decided).
    public let milestoneTitle: String
    public let held: Money

    /// The columns of `disputes d JOIN project_milestones m` (`from`).
    static let columns: SQLQueryString = """
        d.id, d.project_id, d.milestone_id, d.opened_by, d.opener_role, d.reason, d.statement, d.status, d.currency, d.provider_share_minor,
        d.client_share_minor, d.decision_note, d.closes_project, d.resolved_at, d.created_at, m.title AS milestone_title,
        m.escrow_amount_minor - m.escrow_released_minor - m.escrow_refunded_minor AS held_minor
        """
    static let from: SQLQueryString = "disputes d JOIN project_milestones m ON m.id = d.milestone_id"

    init(row: any SQLRow) throws {
        let currency = try CurrencyCode(try row.decode(column: "currency", as: String.self))
        id = try row.decode(column: "id", as: Int64.self)
        projectID = try row.decode(column: "project_id", as: Int64.self)
        milestoneID = try row.decode(column: "milestone_id", as: Int64.self)
        openedBy = try row.decode(column: "opened_by", as: Int64.self)
        openerRole = try row.decodeState(column: "opener_role", as: ProjectRole.self)
        reason = try row.decodeState(column: "reason", as: DisputeReason.self)
        statement = try row.decode(column: "statement", as: String.self)
        status = try row.decodeState(column: "status", as: DisputeStatus.self)
        providerShare = try row.decodeIfPresent(column: "provider_share_minor", as: Int64.self).map { Money(minorUnits: $0, currency: currency) }
        clientShare = try row.decodeIfPresent(column: "client_share_minor", as: Int64.self).map { Money(minorUnits: $0, currency: currency) }
        decisionNote = try row.decodeIfPresent(column: "decision_note", as: String.self)
        closesProject = try row.decode(column: "closes_project", as: Bool.self)
        resolvedAt = try row.decodeIfPresent(column: "resolved_at", as: Date.self)
        createdAt = try row.decode(column: "created_at", as: Date.self)
        milestoneTitle = try row.decode(column: "milestone_title", as: String.self)
        held = Money(minorUnits: try row.decode(column: "held_minor", as: Int64.self), currency: currency)
    }
}

/// What one side adds to a dispute.
public struct DisputeEvidence: Sendable, Hashable {
    public let id: Int64
    public let authorRole: ProjectRole
    public let body: String
    public let createdAt: Date

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int64.self)
        authorRole = try row.decodeState(column: "author_role", as: ProjectRole.self)
        body = try row.decode(column: "body", as: String.self)
        createdAt = try row.decode(column: "created_at", as: Date.self)
    }
}

/// A file one side adds to its evidence.
public struct DisputeFile: Sendable, Hashable {
    public let id: Int64
    public let disputeID: Int64
    public let uploaderRole: ProjectRole
    public let storageName: String
    public let fileName: String
    public let mediaType: String
    public let byteSize: Int64
    public let sha256: String
    public let createdAt: Date

    static let columns: SQLQueryString = "id, dispute_id, uploader_role, storage_name, file_name, media_type, byte_size, sha256, created_at"

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int64.self)
        disputeID = try row.decode(column: "dispute_id", as: Int64.self)
        uploaderRole = try row.decodeState(column: "uploader_role", as: ProjectRole.self)
        storageName = try row.decode(column: "storage_name", as: String.self)
        fileName = try row.decode(column: "file_name", as: String.self)
        mediaType = try row.decode(column: "media_type", as: String.self)
        byteSize = try row.decode(column: "byte_size", as: Int64.self)
        sha256 = try row.decode(column: "sha256", as: String.self)
        createdAt = try row.decode(column: "created_at", as: Date.self)
    }
}

/// A change to a dispute, for the announcer: what happened, the dispute after it, the project's title and members.
public struct DisputeEvent: Sendable {
    public let event: ProjectActivityKind
    /// The member who caused it; nil for an administrator's decision.
    public let actor: ProjectRole?
    public let dispute: Dispute
    public let projectTitle: String
    public let milestoneTitle: String
    public let members: [ProjectRole: Recipient]
}
