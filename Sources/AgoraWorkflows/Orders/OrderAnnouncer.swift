import AgoraDomain
import AgoraStore
import Foundation

/// Words for what happens to orders and proposals: the email and the in-app notification each change leaves,
/// written by the repositories in the change's own transaction.
public struct OrderAnnouncer: Sendable {
    let email: EmailComposer

    public init(email: EmailComposer) { self.email = email }

    /// To the client, for a new order: the confirmation with its reference; to the providers the client invited,
    /// the offer, once the order is open.
    public func created(_ order: Order, client: Recipient, invited: [Recipient]) throws -> Announcements {
        let published = order.status == .open
        let sentence = published
            ? "Your order is open: matching providers are being told about it, and their proposals will reach you here."
            : "Your draft is saved. Publish it when it is ready and matching providers will be told about it."
        let link = email.baseURL + PagePaths.order(order.id)
        let kind: NotificationKind = published ? .orderPublished : .orderCreated
        let message = try email.compose(kind.emailTemplate, to: client.email, values: [
            "first_name": client.firstName, "reference": order.referenceNumber.value, "title": order.details.title,
            "budget": "\(order.details.budgetMinimum.formatted)–\(order.details.budgetMaximum.formatted)",
            "deadline": order.details.deadline.local.replacingOccurrences(of: "T", with: " "),
            "time_zone": order.details.deadline.timeZone, "status_sentence": sentence, "link": link,
        ], kind: .notification(kind))
        let confirmation = Announcements(notifications: [NewNotification(
            userID: client.id, kind: kind,
            title: published ? "Order \(order.referenceNumber.value) is open" : "Draft \(order.referenceNumber.value) saved",
            message: order.details.title, link: PagePaths.order(order.id), email: message
        )])
        return published ? confirmation + (try offered(order, providers: invited)) : confirmation
    }

    /// To the providers the client invited when a draft is published; to the providers with live proposals when an
    /// order is cancelled.
    public func moved(_ order: Order, affected: [Recipient]) throws -> Announcements {
        switch order.status {
        case .open:
            return try offered(order, providers: affected)
        case .cancelled:
            return try update(
                affected, kind: .orderCancelled, headline: "Order \(order.referenceNumber.value) was cancelled",
                message: "The client cancelled “\(order.details.title)”, so your proposal on it is closed.",
                action: "See your proposals", link: PagePaths.ordersInbox
            )
        default:
            return .none
        }
    }

    /// To the client, for a new proposal.
    public func proposalReceived(_ order: Order, proposal: Proposal, client: Recipient) throws -> Announcements {
        try update(
            [client], kind: .proposalReceived, headline: "New proposal on \(order.referenceNumber.value)",
            message: "A provider offers \(proposal.terms.price.formatted) in \(proposal.terms.timelineDays) days for “\(order.details.title)”.",
            action: "Compare proposals", link: PagePaths.order(order.id), subject: .proposal(proposal.id)
        )
    }

    /// To the other party of a negotiation step.
    public func proposalStep(_ order: Order, proposal: Proposal, other: Recipient) throws -> Announcements {
        let (kind, headline, message, link): (NotificationKind, String, String, String) = switch proposal.status {
        case .countered:
            (.proposalCountered, "Counter-offer on \(order.referenceNumber.value)",
             "The client proposes \(proposal.terms.price.formatted) in \(proposal.terms.timelineDays) days for “\(order.details.title)”.",
             PagePaths.order(order.id))
        case .revised:
            (.proposalRevised, "Revised proposal on \(order.referenceNumber.value)",
             "The provider now offers \(proposal.terms.price.formatted) in \(proposal.terms.timelineDays) days for “\(order.details.title)”.",
             PagePaths.order(order.id))
        case .withdrawn:
            (.proposalWithdrawn, "Proposal withdrawn on \(order.referenceNumber.value)",
             "A provider withdrew their proposal on “\(order.details.title)”.", PagePaths.order(order.id))
        default:
            (.proposalRejected, "Proposal declined on \(order.referenceNumber.value)",
             "The client declined your proposal on “\(order.details.title)”.", PagePaths.ordersInbox)
        }
        return try update([other], kind: kind, headline: headline, message: message, action: "Open the order", link: link, subject: .proposal(proposal.id))
    }

    /// To the chosen provider, and to every provider whose proposal the acceptance closed.
    public func accepted(_ acceptance: Acceptance) throws -> Announcements {
        let order = acceptance.order
        let won = try update(
            [acceptance.provider], kind: .proposalAccepted, headline: "Your proposal on \(order.referenceNumber.value) was accepted",
            message: "The client accepted \(acceptance.proposal.terms.price.formatted) for “\(order.details.title)”. The project is created.",
            action: "Open the order", link: PagePaths.order(order.id)
        )
        let closed = try update(
            acceptance.rejected, kind: .proposalRejected, headline: "Order \(order.referenceNumber.value) was awarded to someone else",
            message: "The client chose another proposal for “\(order.details.title)”. Thank you for yours.",
            action: "Find other orders", link: PagePaths.ordersInbox
        )
        return won + closed
    }

    /// To providers offered an order by routing or by an administrator.
    public func offered(_ order: Order, providers: [Recipient]) throws -> Announcements {
        try update(
            providers, kind: .orderOffered, headline: "A new order for you: \(order.details.title)",
            message: "A client is looking for help within \(order.details.budgetMinimum.formatted)–\(order.details.budgetMaximum.formatted), due \(order.details.deadline.local.prefix(10)). You were chosen for your profile.",
            action: "See the order", link: PagePaths.order(order.id)
        )
    }

    private func update(
        _ people: [Recipient], kind: NotificationKind, headline: String, message: String, action: String, link: String,
        subject: NotificationSubject? = nil
    ) throws -> Announcements {
        Announcements(notifications: try people.map { person in
            try email.notification(to: person, kind: kind, headline: headline, message: message, action: action, link: link, subject: subject)
        })
    }
}
