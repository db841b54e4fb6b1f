import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// An item of the moderation queue as the API shows it; `flags` and `appeal` on one item's page.
struct ModerationItemBody: ResponseEncodable {
    struct FlagBody: Encodable {
        let id: Int64
        let kind: String
        let reporterId: Int64?
        let reason: String
        let detail: String
        /// In points.
        let weight: Double
        let upheld: Bool?
        let createdAt: Date

        init(_ flag: ModerationFlag) {
            id = flag.id
            kind = flag.kind.rawValue
            reporterId = flag.reporterID
            reason = flag.reason
            detail = flag.detail
            weight = Double(flag.weight) / 100
            upheld = flag.upheld
            createdAt = flag.createdAt
        }
    }

    struct AppealBody: Encodable {
        let statement: String
        let outcome: String?
        let reason: String
        let decidedBy: Int64?
        let createdAt: Date
        let decidedAt: Date?

        init(_ appeal: ModerationAppeal) {
            statement = appeal.statement
            outcome = appeal.outcome?.rawValue
            reason = appeal.reason
            decidedBy = appeal.decidedBy
            createdAt = appeal.createdAt
            decidedAt = appeal.decidedAt
        }
    }

    let id: Int64
    let subject: String
    let subjectId: Int64
    let authorId: Int64?
    let excerpt: String
    let status: String
    /// In points.
    let score: Double
    let held: Bool
    let claimedBy: Int64?
    let claimedAt: Date?
    let escalatedAt: Date?
    let escalationReason: String
    let decision: String?
    let decisionReason: String
    let decidedBy: Int64?
    let decidedAt: Date?
    let createdAt: Date
    let flags: [FlagBody]?
    let appeal: AppealBody?

    init(_ item: ModerationItem, flags: [ModerationFlag]? = nil, appeal: ModerationAppeal? = nil) {
        id = item.id
        subject = item.subject.rawValue
        subjectId = item.subjectID
        authorId = item.authorID
        excerpt = item.excerpt
        status = item.status.rawValue
        score = Double(item.score) / 100
        held = item.held
        claimedBy = item.claimedBy
        claimedAt = item.claimedAt
        escalatedAt = item.escalatedAt
        escalationReason = item.escalationReason
        decision = item.decision?.rawValue
        decisionReason = item.decisionReason
        decidedBy = item.decidedBy
        decidedAt = item.decidedAt
        createdAt = item.createdAt
        self.flags = flags.map { $0.map(FlagBody.init) }
        self.appeal = appeal.map(AppealBody.init)
    }
}

struct ModerationItemsBody: ResponseEncodable {
    let items: [ModerationItemBody]
}
