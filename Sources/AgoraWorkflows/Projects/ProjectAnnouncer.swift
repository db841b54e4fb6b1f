import AgoraDomain
import AgoraStore
import Foundation

/// Words for what happens in projects: the email and in-app notification, linking to the project's room, that each
/// milestone event leaves for the member who did not cause it (both members when a project completes, or when staff
/// refund escrow), written in the event's own transaction.
public struct ProjectAnnouncer: Sendable {
    let email: EmailComposer

    public init(email: EmailComposer) { self.email = email }

    public func milestone(_ event: MilestoneStepped) throws -> Announcements {
        let project = event.details.project
        let milestone = event.milestone
        let title = "“\(milestone.title)”"
        let link = PagePaths.project(project.id)
        var announcements = Announcements()
        if let (role, kind, headline, message) = Self.words(for: event, title: title) {
            announcements = announcements + (try update(event.members[role], kind: kind, headline: headline, message: message, link: link))
        }
        if event.event == .escrowRefunded, event.actor == .administrator {
            // A refund decided by staff is news to the provider as well: money they expected is gone from escrow.
            announcements = announcements + (try update(
                event.members[.provider], kind: .paymentRefunded, headline: "Refunded by an administrator: \(title)",
                message: "An administrator refunded \(event.milestone.escrow.refunded.formatted) of the money held for \(title) of \(project.title) to the client.",
                link: link
            ))
        }
        if event.completedProject {
            for role in ProjectRole.allCases {
                announcements = announcements + (try update(
                    event.members[role], kind: .projectCompleted, headline: "Project complete: \(project.title)",
                    message: "Every milestone of “\(project.title)” is approved, and the order is complete.", link: link
                ))
            }
        }
        return announcements
    }

    /// A dispute opened, added to or withdrawn (the other member is told) or decided (both are).
    public func dispute(_ event: DisputeEvent) throws -> Announcements {
        let link = PagePaths.project(event.dispute.projectID)
        let about = "“\(event.milestoneTitle)” of \(event.projectTitle)"
        switch event.event {
        case .disputeOpened:
            guard let actor = event.actor else { return .none }
            return try update(event.members[actor.other], kind: .disputeOpened, headline: "Dispute opened: \(event.projectTitle)",
                              message: "The \(actor.rawValue) disputes the money held for \(about): \(event.dispute.reason.label.lowercased()). The money stays held until an administrator decides; add your side of it in the project.", link: link)
        case .disputeEvidenceAdded:
            guard let actor = event.actor else { return .none }
            return try update(event.members[actor.other], kind: .disputeUpdated, headline: "New evidence in the dispute: \(event.projectTitle)",
                              message: "The \(actor.rawValue) added to their side of the dispute about \(about).", link: link)
        case .disputeWithdrawn:
            guard let actor = event.actor else { return .none }
            return try update(event.members[actor.other], kind: .disputeUpdated, headline: "Dispute withdrawn: \(event.projectTitle)",
                              message: "The \(actor.rawValue) withdrew the dispute about \(about); the project goes on.", link: link)
        case .disputeResolved:
            let provider = event.dispute.providerShare?.formatted ?? "nothing"
            let client = event.dispute.clientShare?.formatted ?? "nothing"
            let ending = event.dispute.closesProject ? " The decision ends the project." : ""
            return try ProjectRole.allCases.reduce(Announcements.none) { announcements, role in
                announcements + (try update(event.members[role], kind: .disputeResolved, headline: "Dispute decided: \(event.projectTitle)",
                                            message: "An administrator decided the dispute about \(about): \(provider) to the provider, \(client) back to the client. Their note: “\(event.dispute.decisionNote ?? "")”.\(ending)", link: link))
            }
        default:
            return .none
        }
    }

    /// A request to cancel, its answer, the cancellation, a pause or its end: the other member is told (both when it
    /// is cancelled).
    public func project(_ event: ProjectEvent) throws -> Announcements {
        let project = event.details.project
        let link = PagePaths.project(project.id)
        let other = event.members[event.actor.other]
        let reason = project.cancellation.map { " Their reason: “\($0.reason)”." } ?? ""
        let pauseReason = event.reason.map { " Their reason: “\($0)”." } ?? ""
        switch event.event {
        case .cancellationRequested:
            return try update(other, kind: .projectCancellation, headline: "Request to cancel \(project.title)",
                              message: "The \(event.actor.rawValue) asks to cancel “\(project.title)”.\(reason) Agree to cancel it, or decline to go on.", link: link)
        case .cancellationWithdrawn:
            return try update(other, kind: .projectCancellation, headline: "Cancellation withdrawn: \(project.title)",
                              message: "The \(event.actor.rawValue) withdrew their request to cancel “\(project.title)”; the project goes on.", link: link)
        case .cancellationDeclined:
            return try update(other, kind: .projectCancellation, headline: "Cancellation declined: \(project.title)",
                              message: "The \(event.actor.rawValue) declined to cancel “\(project.title)”; the project goes on.", link: link)
        case .projectCancelled:
            return try ProjectRole.allCases.reduce(Announcements.none) { announcements, role in
                announcements + (try update(event.members[role], kind: .projectCancelled, headline: "Project cancelled: \(project.title)",
                                            message: "Both of you agreed to cancel “\(project.title)”. The order is cancelled.", link: link))
            }
        case .projectPaused:
            return try update(other, kind: .projectPaused, headline: "Project paused: \(project.title)",
                              message: "The client paused “\(project.title)”. Milestones wait until they resume it.\(pauseReason)", link: link)
        case .projectResumed:
            return try update(other, kind: .projectResumed, headline: "Project resumed: \(project.title)",
                              message: "The client resumed “\(project.title)”: work goes on.", link: link)
        case .projectCompleted:
            return try ProjectRole.allCases.reduce(Announcements.none) { announcements, role in
                announcements + (try update(event.members[role], kind: .projectCompleted, headline: "Project complete: \(project.title)",
                                            message: "The client ended “\(project.title)”, and the order is complete. Weeks with time are still reviewed as usual.",
                                            link: link))
            }
        default:
            return .none
        }
    }

    /// A week of hourly time approved: the provider is told (the client too when the review window approved it).
    public func timesheet(_ event: TimesheetApproved) throws -> Announcements {
        let project = event.project
        let link = PagePaths.project(project.id)
        let time = HourlyRules.duration(event.minutes)
        let headline = "Time approved: \(event.week) of \(project.title)"
        guard event.automatically else {
            return try update(event.members[.provider], kind: .timesheetApproved, headline: headline,
                              message: "The client approved \(time) (\(event.amount.formatted)) for the week \(event.week) of “\(project.title)”.", link: link)
        }
        return try ProjectRole.allCases.reduce(Announcements.none) { announcements, role in
            announcements + (try update(event.members[role], kind: .timesheetApproved, headline: headline,
                                        message: "\(time) (\(event.amount.formatted)) for the week \(event.week) of “\(project.title)” was approved automatically: the review window closed.",
                                        link: link))
        }
    }

    /// A week's payment charged (both members told; the provider that it is released when the week was approved
    /// already) or not charged (the client told why, and how to pay).
    public func week(_ event: WeekPaymentEvent) throws -> Announcements {
        let project = event.project
        let payment = event.payment
        let link = PagePaths.project(project.id)
        let time = HourlyRules.duration(payment.minutes)
        guard event.kind == .weekCharged else {
            let retry = payment.nextAttemptAt.map { " Otherwise it is charged again on \($0.formatted(.iso8601.year().month().day()))." } ?? ""
            return try update(event.members[.client], kind: .weekChargeFailed, headline: "Payment needed: the week \(payment.week) of \(project.title)",
                              message: "\(payment.total.formatted) for \(time) of the week \(payment.week) could not be charged. \(payment.failure?.message ?? "") Pay it from the project's room.\(retry)",
                              link: link)
        }
        let charged = try update(event.members[.client], kind: .weekCharged, headline: "Charged: the week \(payment.week) of \(project.title)",
                                 message: "\(payment.total.formatted) for \(time) of the week \(payment.week) was charged to \(payment.card?.label ?? "your saved card") and is held in escrow until the week is approved.",
                                 link: link)
        let released = payment.status == .released
        return charged + (try update(event.members[.provider], kind: .weekCharged,
                                     headline: released ? "Payment released: the week \(payment.week) of \(project.title)" : "Paid into escrow: the week \(payment.week) of \(project.title)",
                                     message: released
                                        ? "The client's payment of \(payment.amount.formatted) for the week \(payment.week) is released to you (before the platform's commission)."
                                        : "The client's payment of \(payment.amount.formatted) for the week \(payment.week) is held in escrow for you until the week is approved.",
                                     link: link))
    }

    /// Who is told what about an event: the other side of the member who caused it, or the client for the
    /// review window's steps.
    private static func words(for event: MilestoneStepped, title: String) -> (ProjectRole, NotificationKind, String, String)? {
        let project = event.details.project.title
        let other: ProjectRole = switch event.actor {
        case .member(let role): role.other
        case .reviewWindow, .administrator: .client
        }
        let amount = event.milestone.amount.formatted
        return switch event.event {
        case .milestoneProposed:
            (other, .milestoneProposed, "New milestone proposed on \(project)",
             "\(title), \(amount), was proposed. It joins the plan once you accept it.")
        case .milestoneAccepted:
            (other, .milestoneAnswered, "Milestone accepted on \(project)", "\(title), \(amount), is part of the plan now.")
        case .milestoneDeclined:
            (other, .milestoneAnswered, "Milestone declined on \(project)", "\(title) was declined and stays out of the plan.")
        case .milestoneWithdrawn:
            (other, .milestoneAnswered, "Milestone withdrawn on \(project)", "The proposal of \(title) was withdrawn.")
        case .milestoneStarted:
            (other, .milestoneStarted, "Work started on \(title)", "The provider started \(title) of \(project).")
        case .milestoneSubmitted:
            (other, .milestoneSubmitted, "Delivered for review: \(title)", "The provider submitted \(title) of \(project). Approve it or ask for changes.")
        case .changesRequested:
            (other, .changesRequested, "Changes requested on \(title)", "The client asks for changes to \(title) of \(project).")
        case .milestoneApproved:
            (other, .milestoneApproved, "Approved: \(title)", "The client approved \(title) of \(project).")
        case .approvedAutomatically:
            (.provider, .milestoneApproved, "Approved: \(title)", "\(title) of \(project) was approved automatically: the client's review window closed.")
        case .milestoneFunded:
            (.provider, .milestoneFunded, "Funded: \(title)",
             "The client put \(amount) for \(title) of \(project) in escrow. The money is held for you until the work is approved: you can start.")
        case .escrowReleased:
            (.provider, .paymentReleased, "Payment released: \(title)",
             "\(event.milestone.escrow.released.formatted) of \(amount) for \(title) of \(project) is released to you (before the platform's commission).")
        case .escrowRefunded:
            (.client, .paymentRefunded, "Refund: \(title)",
             "\(event.milestone.escrow.refunded.formatted) of the money held for \(title) of \(project) is refunded to your card, with its share of the service fee.")
        case .reviewReminded:
            (.client, .reviewReminder, "Waiting for your review: \(title)",
             "\(title) of \(project) waits for your answer. Unanswered, it is approved automatically when the review window closes.")
        case .projectStarted, .projectCompleted, .cancellationRequested, .cancellationWithdrawn, .cancellationDeclined, .projectCancelled,
             .projectPaused, .projectResumed, .fileAttached, .fileRemoved, .timeLogged, .timeChanged, .timeRemoved, .timesheetApproved,
             .timesheetApprovedAutomatically, .weekCharged, .weekChargeFailed, .weekReleased, .disputeOpened, .disputeEvidenceAdded, .disputeWithdrawn, .disputeResolved:
            nil
        }
    }

    private func update(_ person: Recipient?, kind: NotificationKind, headline: String, message: String, link: String) throws -> Announcements {
        guard let person else { return .none }
        return Announcements(notifications: [
            try email.notification(to: person, kind: kind, headline: headline, message: message, action: "Open the project", link: link),
        ])
    }
}
