import AgoraDomain
import AgoraStore
import Foundation

/// Words for what happens to a project's reviews: an email and an in-app notification linking to the project, where
/// the review form and the published reviews are. None of them quotes a review: before publication the other
/// party's is secret, and after it the project page shows it.
public struct ReviewAnnouncer: Sendable {
    let email: EmailComposer

    public init(email: EmailComposer) { self.email = email }

    @Sendable public func announce(_ event: ReviewEvent) throws -> Announcements {
        let project = "“\(event.projectTitle)”"
        let closes = EmailComposer.moment(event.windowClosesAt)
        let (kind, headline, message, action): (NotificationKind, String, String, String) = switch event.kind {
        case .otherPartyReviewed:
            (.reviewRequested, "\(event.otherParty) reviewed \(project)",
             "\(event.otherParty) has written their review of your work together on \(project). You will see it once you have written yours, or on \(closes) when reviewing closes; until then neither of you sees the other's.",
             "Write your review")
        case .reminder:
            (.reviewRequested, "Review \(project)",
             "How was working with \(event.otherParty) on \(project)? Your review helps others choose, and reviewing closes on \(closes). Neither of you sees the other's review until both are written or reviewing closes.",
             "Write your review")
        case .published:
            (.reviewPublished, "Reviews published: \(project)",
             "The reviews of \(project) are published: you can read what \(event.otherParty) wrote, if they reviewed, and answer the review of you once.",
             "Read the reviews")
        case .responded:
            (.reviewAnswered, "\(event.otherParty) answered your review",
             "\(event.otherParty) answered your review of \(project). Their answer is shown with your review.", "Read the answer")
        case .hidden:
            (.reviewModerated, "Your review of \(project) was hidden",
             "A moderator hid your review of \(project) from the public and from ratings. Their reason: “\(event.note ?? "")”", "Open the project")
        case .removed:
            (.reviewModerated, "Your review of \(project) was removed",
             "A moderator removed your review of \(project) for good: nobody can read it any more and it counts in no rating. Their reason: “\(event.note ?? "")”",
             "Open the project")
        case .appealDecided(let upheld):
            upheld
                ? (.reviewModerated, "Your appeal was upheld",
                   "A moderator agreed with your appeal and took the review of you on \(project) down. Their reason: “\(event.note ?? "")”", "Open the project")
                : (.reviewModerated, "Your appeal was not upheld",
                   "A moderator read your appeal and kept the review of you on \(project). Their reason: “\(event.note ?? "")”", "Open the project")
        }
        let link = PagePaths.project(event.projectID) + "#reviews"
        return Announcements(notifications: [
            try email.notification(to: event.recipient, kind: kind, headline: headline, message: message, action: action, link: link),
        ])
    }
}
