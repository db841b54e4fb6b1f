import Foundation

/// A provider's request to have something verified, with where it stands and the document's description (the
/// document itself is encrypted in storage, and deleted `VerificationRules.documentRetention` after the decision).
public struct VerificationRequest: Sendable, Hashable, Identifiable {
    public let id: Int64
    public let userID: Int64
    public let kind: VerificationKind
    public let status: VerificationRequestStatus
    public let note: String
    public let documentName: String?
    public let documentType: String?
    public let documentBytes: Int64?
    /// Whether the document is still kept.
    public let hasDocument: Bool
    public let reason: String
    public let appealStatement: String
    public let reviewerID: Int64?
    public let createdAt: Date
    public let decidedAt: Date?
    public let appealedAt: Date?
    public let expiresAt: Date?

    public init(
        id: Int64, userID: Int64, kind: VerificationKind, status: VerificationRequestStatus, note: String, documentName: String?,
        documentType: String?, documentBytes: Int64?, hasDocument: Bool, reason: String, appealStatement: String, reviewerID: Int64?,
        createdAt: Date, decidedAt: Date?, appealedAt: Date?, expiresAt: Date?
    ) {
        self.id = id
        self.userID = userID
        self.kind = kind
        self.status = status
        self.note = note
        self.documentName = documentName
        self.documentType = documentType
        self.documentBytes = documentBytes
        self.hasDocument = hasDocument
        self.reason = reason
        self.appealStatement = appealStatement
        self.reviewerID = reviewerID
        self.createdAt = createdAt
        self.decidedAt = decidedAt
        self.appealedAt = appealedAt
        self.expiresAt = expiresAt
    }

    /// Until when a rejection may be appealed; nil when it may not (any more).
    public var appealableUntil: Date? {
        guard status == .rejected, appealedAt == nil, let decidedAt else { return nil }
        return decidedAt.addingTimeInterval(VerificationRules.appealWindow)
    }
}
