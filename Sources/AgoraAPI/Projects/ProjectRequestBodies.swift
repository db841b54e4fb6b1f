import AgoraDomain
import Foundation

/// `{"title", "description", "amount", "due"}`: a milestone a member proposes while the project runs; JSON types
/// are checked here, rules in the domain (`MilestoneRules.Proposal`).
struct MilestoneProposalInput: RequestBody {
    static let fields: Set<String> = ["title", "description", "amount", "due"]
    var input = MilestoneRules.Proposal.Input()

    init(reading body: inout JSONObjectBody) {
        input.title = body.string("title", maximumLength: 1_000)
        input.description = body.string("description", required: false, maximumLength: 20_000, multiline: true)
        input.amount = body.amount("amount")
        input.due = body.string("due", maximumLength: 40)
    }
}

/// `{"reason": "…"}`: why a member asks to cancel (the member who agrees may send `{}`), or why the client pauses.
struct ProjectReasonInput: RequestBody {
    static let fields: Set<String> = ["reason"]
    let reason: String?

    init(reading body: inout JSONObjectBody) {
        reason = body.string("reason", required: false, maximumLength: 20_000, multiline: true)
    }
}

/// `{"note": "…"}`: a deliverable's note, or what the client wants changed.
struct MilestoneNoteInput: RequestBody {
    static let fields: Set<String> = ["note"]
    let note: String?

    init(reading body: inout JSONObjectBody) {
        note = body.string("note", required: false, maximumLength: 20_000, multiline: true)
    }
}
