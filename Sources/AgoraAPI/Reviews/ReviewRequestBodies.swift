import AgoraDomain
import AgoraStore
import Foundation

/// `POST /api/projects/{id}/reviews`: `{"rating", "sub_ratings": {"communication", "quality", "timeliness", "value"},
/// "comment", "private_feedback"}`; checked whole by `ReviewDraft`.
struct ReviewInput: RequestBody {
    static let fields: Set<String> = ["rating", "sub_ratings", "comment", "private_feedback"]
    let rating: Int?
    let subRatings: [String: Int]
    let comment: String?
    let privateFeedback: String?

    init(reading body: inout JSONObjectBody) throws {
        rating = body.integer("rating")
        var subRatings: [String: Int] = [:]
        switch body.value("sub_ratings") {
        case .object(let aspects)?:
            for (name, value) in aspects {
                guard case .number(let stars) = value, stars.rounded() == stars, abs(stars) < 1_000 else {
                    body.reject("sub_ratings.\(name)", "must be a whole number of stars from 1 to 5")
                    continue
                }
                subRatings[name] = Int(stars)
            }
        case nil, .null?:
            break
        case let other?:
            body.reject("sub_ratings", "must be an object of aspect to stars, not \(other.typeName)")
        }
        self.subRatings = subRatings
        comment = body.string("comment", required: false, maximumLength: ReviewDraft.commentLength.upperBound, multiline: true)
        privateFeedback = body.string("private_feedback", required: false, maximumLength: ReviewDraft.privateFeedbackLength.upperBound, multiline: true)
    }

    /// The review, each field checked by the domain's rules.
    func draft() throws -> ReviewDraft {
        try ReviewDraft(rating: rating, subRatings: subRatings, comment: comment, privateFeedback: privateFeedback)
    }
}

/// `POST /api/reviews/{id}/response`: `{"body"}`.
struct ReviewResponseInput: RequestBody {
    static let fields: Set<String> = ["body"]
    let body: String

    init(reading json: inout JSONObjectBody) {
        body = ReasonField.read(&json, field: "body", length: ReviewDraft.answerLength)
    }
}

/// `POST /api/reviews/{id}/report`: `{"reason", "note"}`.
struct ReviewReportInput: RequestBody {
    static let fields: Set<String> = ["reason", "note"]
    let reasonName: String?
    let note: String

    init(reading body: inout JSONObjectBody) {
        reasonName = body.string("reason", maximumLength: 40)
        note = (body.string("note", required: false, maximumLength: ReviewReportReason.noteLength.upperBound, multiline: true) ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func reason() throws -> ReviewReportReason {
        guard let reasonName, let reason = ReviewReportReason(rawValue: reasonName) else {
            throw ValidationError(field: "reason", message: "must be one of " + ReviewReportReason.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return reason
    }
}

/// `POST /api/reviews/{id}/appeal`: `{"reason"}`.
struct ReviewAppealInput: RequestBody {
    static let fields: Set<String> = ["reason"]
    let reason: String

    init(reading body: inout JSONObjectBody) {
        reason = ReasonField.read(&body, field: "reason", length: ReviewAppeal.reasonLength)
    }
}

/// A moderator's decision on a review: `{"reason"}`, audited and told to the people it concerns.
struct ReviewDecisionInput: RequestBody {
    static let fields: Set<String> = ["reason"]
    let reason: String

    init(reading body: inout JSONObjectBody) {
        reason = ReasonField.read(&body, field: "reason", length: ReviewModeration.reasonLength)
    }
}

/// A required text field (a reason, an answer), trimmed, within `length`, line breaks allowed.
enum ReasonField {
    static func read(_ body: inout JSONObjectBody, field: String, length: ClosedRange<Int>) -> String {
        var errors: [FieldError] = []
        let raw = body.string(field, maximumLength: length.upperBound, multiline: true)
        let text = raw.flatMap { FieldReading.text($0, field: field, length: length, multiline: true, errors: &errors) }
        for error in errors { body.reject(error.field, error.message) }
        return text ?? ""
    }
}
