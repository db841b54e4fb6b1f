import AgoraDomain
import AgoraStore
import Foundation

/// The emails moderation sends an author: a decision against what they wrote (with the way to appeal), and the
/// outcome of their appeal.
struct ModerationMail: Sendable {
    let mail: AccountMail

    /// The words an email uses for each kind of content.
    static func noun(_ subject: ModerationSubject) -> String {
        switch subject {
        case .order: "order"
        case .proposal: "proposal"
        case .testimonial: "testimonial"
        case .portfolio: "portfolio item"
        case .message: "chat message"
        }
    }

    static func words(_ decision: ModerationDecision) -> String {
        switch decision {
        case .approve: "no change"
        case .edit: "edited by the moderator (it shows again as edited)"
        case .remove: "removed (nobody else sees it any more)"
        case .warn: "a warning (it stays visible)"
        case .suspend: "removed, and the account suspended"
        }
    }

    var decided: ModerationRepository.Tell {
        { author, item, transaction in
            try await mail.queue("moderation-decision", to: author, values: [
                "subject": Self.noun(item.subject), "excerpt": String(item.excerpt.prefix(300)),
                "decision": item.decision.map(Self.words) ?? "", "reason": item.decisionReason, "link": mail.link(PagePaths.appeals),
            ], in: transaction)
        }
    }

    func appealDecided(_ outcome: AppealOutcome, reason: String) -> ModerationRepository.Tell {
        { author, item, transaction in
            try await mail.queue("appeal-decided", to: author, values: [
                "subject": Self.noun(item.subject), "excerpt": String(item.excerpt.prefix(300)),
                "outcome": outcome == .overturned ? "The decision is undone: your \(Self.noun(item.subject)) shows again." : "The decision stands.",
                "reason": reason,
            ], in: transaction)
        }
    }
}
