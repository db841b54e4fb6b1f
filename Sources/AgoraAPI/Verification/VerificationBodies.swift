import AgoraDomain
import Foundation
import Hummingbird

/// A verification request as its owner and staff see it (the document's description, never its bytes).
struct VerificationBody: ResponseEncodable {
    let id: Int64
    let userId: Int64
    let kind: String
    let kindTitle: String
    let status: String
    let note: String
    let document: Document?
    let reason: String
    let appealStatement: String
    let appealableUntil: Date?
    let createdAt: Date
    let decidedAt: Date?
    let appealedAt: Date?
    let expiresAt: Date?

    struct Document: ResponseEncodable {
        let name: String
        let type: String
        let byteSize: Int64
        /// Where to download it; nil once it was deleted after the decision.
        let url: String?
    }

    /// `documentPath` is the download route of whoever reads it (the owner's, or the administration's).
    init(_ request: VerificationRequest, documentPath: String) {
        id = request.id
        userId = request.userID
        kind = request.kind.rawValue
        kindTitle = request.kind.title
        status = request.status.rawValue
        note = request.note
        document = request.documentName.map {
            Document(name: $0, type: request.documentType ?? "", byteSize: request.documentBytes ?? 0, url: request.hasDocument ? documentPath : nil)
        }
        reason = request.reason
        appealStatement = request.appealStatement
        appealableUntil = request.appealableUntil
        createdAt = request.createdAt
        decidedAt = request.decidedAt
        appealedAt = request.appealedAt
        expiresAt = request.expiresAt
    }
}

/// The owner's requests, and each kind with whether a request may be sent for it now.
struct VerificationsBody: ResponseEncodable {
    struct Kind: ResponseEncodable {
        let kind: String
        let title: String
        let takesDocument: Bool
        let badge: String?
        /// Why no request can be sent now (one waits, or an approval holds); nil when one can.
        let blockedBy: String?
    }

    let kinds: [Kind]
    let requests: [VerificationBody]
}

struct AppealInput: RequestBody {
    static let fields: Set<String> = ["statement"]
    let statement: String?

    init(reading body: inout JSONObjectBody) {
        statement = body.string("statement", required: false, maximumLength: 5_000, multiline: true)
    }
}
