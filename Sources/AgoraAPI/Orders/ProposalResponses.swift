import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// The terms of an offer or a counter-offer: a `price` for fixed-price work, an `hourly_rate` and
/// `weekly_limit_hours` for hourly work.
struct TermsBody: Encodable {
    struct Milestone: Encodable {
        let title: String
        let amount: MoneyBody
        let dueInDays: Int
    }

    let message: String
    let billing: String
    let price: MoneyBody?
    let hourlyRate: MoneyBody?
    let weeklyLimitHours: Int?
    let timelineDays: Int
    let milestones: [Milestone]

    init(_ terms: ProposalTerms) {
        message = terms.message
        billing = terms.billing.kind.rawValue
        price = terms.billing == .fixed ? MoneyBody(terms.price) : nil
        hourlyRate = terms.billing == .fixed ? nil : MoneyBody(terms.price)
        weeklyLimitHours = terms.billing.weeklyLimitHours
        timelineDays = terms.timelineDays
        milestones = terms.milestones.map { Milestone(title: $0.title, amount: MoneyBody($0.amount), dueInDays: $0.dueInDays) }
    }
}

/// A proposal as the API shows it; with the provider's record in the client's comparison, and the negotiation's
/// steps on its own page.
struct ProposalBody: ResponseEncodable {
    struct Provider: Encodable {
        let id: Int64
        let name: String
        let url: String?
        let photoUrl: String?
        let rating: ProviderCardBody.Rating
        let completedProjects: Int
        let responseTimeMinutes: Int?
    }

    struct Revision: Encodable {
        let number: Int
        let party: String
        let terms: TermsBody
        let at: Date
    }

    let id: Int64
    let orderId: Int64
    let providerId: Int64
    let status: String
    /// The terms now on the table: the latest step of the negotiation.
    let terms: TermsBody
    let revisionCount: Int
    let createdAt: Date
    let updatedAt: Date
    let provider: Provider?
    let revisions: [Revision]?

    init(_ proposal: Proposal, provider: Provider? = nil, revisions: [ProposalRevision]? = nil) {
        id = proposal.id
        orderId = proposal.orderID
        providerId = proposal.providerID
        status = proposal.status.rawValue
        terms = TermsBody(proposal.terms)
        revisionCount = proposal.revisionCount
        createdAt = proposal.createdAt
        updatedAt = proposal.updatedAt
        self.provider = provider
        self.revisions = revisions?.map { Revision(number: $0.number, party: $0.party.rawValue, terms: TermsBody($0.terms), at: $0.createdAt) }
    }

    init(_ comparison: ProposalComparison, prior: RatingPrior) {
        self.init(comparison.proposal, provider: Provider(
            id: comparison.proposal.providerID,
            name: comparison.providerName,
            url: comparison.providerSlug.flatMap { try? Slug($0) }.map(PagePaths.provider),
            photoUrl: comparison.providerPhoto?.fallbackURL(cssWidth: ProfilePhoto.cardWidth),
            rating: ProviderCardBody.Rating(average: comparison.ratingAverage ?? 0, count: comparison.ratingCount, prior: prior),
            completedProjects: comparison.completedProjects,
            responseTimeMinutes: comparison.responseTimeMinutes
        ))
    }
}

struct ProposalListBody: ResponseEncodable {
    let proposals: [ProposalBody]
}

/// What an acceptance answers: the accepted proposal and the project it became.
struct AcceptanceBody: ResponseEncodable {
    struct ProjectBody: Encodable {
        let id: Int64
        let title: String
        let status: String
        let agreedPrice: MoneyBody
        let deadline: Date
    }

    let proposal: ProposalBody
    let order: OrderBody
    let project: ProjectBody
    let rejectedProposals: Int

    init(_ acceptance: Acceptance) {
        proposal = ProposalBody(acceptance.proposal)
        order = OrderBody(acceptance.order)
        project = ProjectBody(
            id: acceptance.project.id, title: acceptance.project.title, status: acceptance.project.status.rawValue,
            agreedPrice: MoneyBody(acceptance.project.agreedPrice), deadline: acceptance.project.deadline
        )
        rejectedProposals = acceptance.rejected.count
    }
}
