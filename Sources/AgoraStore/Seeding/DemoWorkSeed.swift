import AgoraDomain
import Foundation
import SQLKit

/// The demo marketplace's track record, made the way members make one: demo clients post orders, providers propose,
/// clients accept, the work runs for days and ends (or is cancelled by agreement), and both sides review each other
/// through `ReviewRepository` — so that every rating, count and completion rate the demo shows comes from projects
/// and published reviews, by the code that computes them for real members. The projects are hourly work ended by the
/// client, without time logged or money moved (the demo seeds no payments). The same seed gives the same work.
public struct DemoWorkSeed: Sendable {
    /// How many demo clients hire the demo providers.
    public static let clientCount = 24
    /// The most projects one provider has.
    public static let mostProjects = 6

    let store: Store

    public init(store: Store) { self.store = store }

    /// What the seed made.
    public struct Made: Sendable, Hashable {
        public let projects: Int
        public let reviews: Int
    }

    /// Seeds the work of every public provider, dated in the year before `now`: every project is planned first, then
    /// each step of every project is taken in the order of its date, as members would have taken them (moderation's
    /// posting-rate filter and the review windows read the dates), and reviews whose window closed are published
    /// as time passes.
    public func seed(seed: UInt64, now: Date) async throws -> Made {
        let clients = try await insertClients(seed: seed, now: now)
        let providers = try await store.sql.raw("""
            SELECT p.user_id, MIN(pc.category_id) AS category_id, p.hourly_rate_minor, p.hourly_rate_currency, p.title
            FROM user_profiles p JOIN provider_categories pc ON pc.provider_id = p.user_id
            WHERE p.published = TRUE AND p.hourly_rate_minor IS NOT NULL
            GROUP BY p.user_id, p.hourly_rate_minor, p.hourly_rate_currency, p.title ORDER BY p.user_id
            """).all()
        var plans: [Plan] = []
        for (index, row) in providers.enumerated() {
            var random = SeededGenerator(seed: seed ^ 0x7265_7669_6577, index: index)
            let provider = DemoProvider(
                id: try row.decode(column: "user_id", as: Int64.self), categoryID: try row.decode(column: "category_id", as: Int64.self),
                rate: Money(minorUnits: try row.decode(column: "hourly_rate_minor", as: Int64.self),
                            currency: try CurrencyCode(try row.decode(column: "hourly_rate_currency", as: String.self))),
                title: try row.decode(column: "title", as: String.self)
            )
            let count = random.next() % 5 == 0 ? 0 : Int(1 + random.next() % UInt64(Self.mostProjects))
            for _ in 0..<count {
                plans.append(try Plan(number: plans.count + 1, provider: provider, client: clients.pick(using: &random), random: &random, now: now))
            }
        }
        let steps = plans.indices.flatMap { plan in plans[plan].steps.map { (plan: plan, step: $0) } }.sorted { $0.step.at < $1.step.at }
        var projects: [Int: Int64] = [:]
        var orders: [Int: Int64] = [:]
        var proposals: [Int: Int64] = [:]
        let reviews = ReviewRepository(store: store)
        for (index, planned) in steps.enumerated() {
            if index % 50 == 0 {
                _ = try await reviews.publishDue(rules: .standard, now: planned.step.at, limit: .max, announce: { _ in .none })
            }
            let plan = plans[planned.plan]
            switch planned.step.kind {
            case .order: orders[planned.plan] = try await order(plan, at: planned.step.at)
            case .proposal: proposals[planned.plan] = try await proposal(plan, order: orders[planned.plan] ?? 0, at: planned.step.at)
            case .acceptance:
                projects[planned.plan] = try await ProposalRepository(store: store).accept(
                    proposals[planned.plan] ?? 0, clientID: plan.client, now: planned.step.at, announce: { _ in .none }
                ).project.id
            case .cancellation(let member, let reason):
                _ = try await ProjectRepository(store: store).cancel(
                    projects[planned.plan] ?? 0, by: member, reason: reason, now: planned.step.at, announce: { _ in .none }
                )
            case .end:
                _ = try await ProjectRepository(store: store).end(projects[planned.plan] ?? 0, by: plan.client, now: planned.step.at, announce: { _ in .none })
            case .review(let member, let draft):
                _ = try await reviews.submit(
                    projectID: projects[planned.plan] ?? 0, by: member, draft: draft, rules: .standard, now: planned.step.at, announce: { _ in .none }
                )
            }
        }
        _ = try await reviews.publishDue(rules: .standard, now: now, limit: .max, announce: { _ in .none })
        // The seeded database is built whole next: the pages its changes queued would only be built twice.
        try await store.sql.raw("DELETE FROM site_changes").run()
        let written = try await store.sql.raw("SELECT COUNT(*) AS n FROM reviews").first()?.decode(column: "n", as: Int.self) ?? 0
        return Made(projects: plans.count, reviews: written)
    }

    private struct DemoProvider {
        let id: Int64
        let categoryID: Int64
        let rate: Money
        let title: String
    }

    /// One project as planned: who, about what, and its dated steps — ordered, proposed, accepted, then ended after a
    /// few days or weeks and reviewed by either side (or both), or cancelled by agreement. Its texts carry its
    /// `number`, so that moderation's duplicate filter does not take one for a copy of another.
    private struct Plan {
        enum Kind {
            case order, proposal, acceptance, end
            case cancellation(member: Int64, reason: String?)
            case review(member: Int64, draft: ReviewDraft)
        }

        struct Step {
            let at: Date
            let kind: Kind
        }

        let number: Int
        let provider: DemoProvider
        let client: Int64
        let topic: String
        let days: Double
        let steps: [Step]

        init(number: Int, provider: DemoProvider, client: Int64, random: inout SeededGenerator, now: Date) throws {
            self.number = number
            self.provider = provider
            self.client = client
            topic = DemoWorkSeed.topics.pick(using: &random)
            days = Double(4 + random.next() % 40)
            let started = now.addingTimeInterval(-Double(20 + random.next() % 340) * 86_400 + Double(random.next() % 86_400))
            var steps = [
                Step(at: started.addingTimeInterval(-2 * 86_400), kind: .order), Step(at: started.addingTimeInterval(-86_400), kind: .proposal),
                Step(at: started, kind: .acceptance),
            ]
            if random.next() % 8 == 0 {
                let asked = started.addingTimeInterval(days * 43_200)
                steps.append(Step(at: asked, kind: .cancellation(member: client, reason: "Our plans changed and the work is no longer needed.")))
                steps.append(Step(at: asked.addingTimeInterval(3_600), kind: .cancellation(member: provider.id, reason: nil)))
            } else {
                let ended = started.addingTimeInterval(days * 86_400)
                steps.append(Step(at: ended, kind: .end))
                if random.next() % 10 != 0 {
                    steps.append(Step(
                        at: ended.addingTimeInterval(Double(1 + random.next() % 5) * 86_400),
                        kind: .review(member: client, draft: try DemoWorkSeed.review(of: .provider, topic: topic, random: &random))
                    ))
                }
                if random.next() % 4 != 0 {
                    steps.append(Step(
                        at: ended.addingTimeInterval(Double(2 + random.next() % 8) * 86_400),
                        kind: .review(member: provider.id, draft: try DemoWorkSeed.review(of: .client, topic: topic, random: &random))
                    ))
                }
            }
            self.steps = steps.filter { $0.at < now }
        }
    }

    private func order(_ plan: Plan, at time: Date) async throws -> Int64 {
        let title = "\(plan.topic.prefix(1).uppercased() + plan.topic.dropFirst()) (\(plan.provider.title.lowercased()))".prefix(OrderDetails.titleLength.upperBound)
        let description = "We are looking for help with \(plan.topic) (request \(plan.number)). Tell us how you would approach it and how long it would take."
        let details = OrderDetails(
            title: String(title), description: description, categoryID: plan.provider.categoryID,
            budgetMinimum: Money(minorUnits: plan.provider.rate.minorUnits * 10, currency: plan.provider.rate.currency),
            budgetMaximum: Money(minorUnits: plan.provider.rate.minorUnits * 80, currency: plan.provider.rate.currency),
            deadline: OrderDeadline(instant: time.addingTimeInterval(90 * 86_400), timeZone: "Europe/Paris"),
            priority: .normal, location: .remote, visibility: .public, skills: [], requirements: []
        )
        return try await OrderRepository(store: store).create(
            details, clientID: plan.client, publish: true, intake: ContentIntake(.order, text: details.title + "\n" + description, settings: PlatformSettings()),
            now: time, announce: { _, _, _ in .none }
        ).id
    }

    private func proposal(_ plan: Plan, order: Int64, at time: Date) async throws -> Int64 {
        let message = "For request \(plan.number) I would plan \(Int(plan.days)) days of work as \(plan.provider.title.lowercased()), with an update every few days."
        return try await ProposalRepository(store: store).submit(
            orderID: order, providerID: plan.provider.id,
            terms: ProposalTerms(message: message, billing: .hourly(weeklyLimitHours: 20), price: plan.provider.rate, timelineDays: Int(plan.days), milestones: []),
            intake: ContentIntake(.proposal, text: message, settings: PlatformSettings()), now: time, announce: { _, _, _ in .none }
        ).id
    }

    /// A review of the other side: mostly good, sometimes not, in words that fit its stars and name the work.
    static func review(of reviewee: ProjectRole, topic: String, random: inout SeededGenerator) throws -> ReviewDraft {
        let roll = random.next() % 20
        let rating = roll < 11 ? 5 : roll < 17 ? 4 : roll < 19 ? 3 : 2
        let words = reviewee == .provider ? providerWords : clientWords
        let tone = rating >= 4 ? 0 : 1
        let comment = [words.openings[tone].pick(using: &random), "We worked together on \(topic).", words.details[tone].pick(using: &random)]
            .joined(separator: " ")
        var aspects: [String: Int] = [:]
        if reviewee == .provider {
            for aspect in SubRating.allCases {
                aspects[aspect.rawValue] = max(1, min(5, rating + [0, 0, 0, -1, 1].pick(using: &random)))
            }
        }
        return try ReviewDraft(rating: rating, subRatings: aspects, comment: comment, privateFeedback: nil)
    }

    /// Pieces of reviews, good ones first, then the others.
    struct Words {
        let openings: [[String]]
        let details: [[String]]
    }

    static let providerWords = Words(
        openings: [
            ["Outstanding work from start to finish.", "Exactly what we hoped for.", "A real professional.", "Careful, fast and friendly.",
             "We will hire again without hesitation.", "Clear plans and regular updates."],
            ["The work got done in the end.", "Mixed feelings about this one.", "Not quite what we agreed.", "It took longer than planned."],
        ],
        details: [
            ["Every question was answered the same day and the handover was thorough.", "The result works on every device we tried.",
             "Delivered ahead of the deadline, with documentation we could follow.", "Suggested two improvements we had not thought of.",
             "Kept us informed at every step and never missed a call.", "The quality of the details made the difference."],
            ["We had to ask for updates several times.", "Part of it needed another round, which came late.", "Communication was slow at times.",
             "The first delivery missed several points of the brief."],
        ]
    )

    static let clientWords = Words(
        openings: [
            ["A pleasure to work with.", "A clear brief and quick answers.", "Knew what they wanted.", "Friendly and well organised.",
             "Decisions came fast.", "Great collaboration."],
            ["The brief changed along the way.", "Hard to reach at times.", "Decisions took a while.", "The scope grew during the project."],
        ],
        details: [
            ["Feedback was precise and always constructive.", "Paid attention to the details and trusted our suggestions.",
             "Everything we needed was ready on the first day.", "Easy to plan with, and they kept their word."],
            ["We found the right result together in the end.", "Some answers came a week late.", "Changes arrived without notice."],
        ]
    )

    /// Demo clients: people with a company, members for a year or more (dated before their work).
    private func insertClients(seed: UInt64, now: Date) async throws -> [Int64] {
        var random = SeededGenerator(seed: seed ^ 0x636C_6965_6E74, index: 0)
        let people = (1...Self.clientCount).map { number in
            (first: ProviderFactory.firstNames.pick(using: &random), last: ProviderFactory.lastNames.pick(using: &random),
             email: "demo.client.\(number)@example.com", country: ProviderFactory.cities.pick(using: &random).country,
             joined: now.addingTimeInterval(-Double(400 + random.next() % 800) * 86_400))
        }
        return try await store.transaction { db in
            var ids: [Int64] = []
            for person in people {
                guard let id = try await db.raw("""
                    INSERT INTO users (first_name, last_name, email, country_code, user_type, verification_status, created_at, updated_at)
                    VALUES (\(bind: person.first), \(bind: person.last), \(bind: person.email), \(bind: person.country),
                            \(state: UserType.client), \(state: VerificationStatus.verified), \(bind: person.joined), \(bind: person.joined))
                    RETURNING id
                    """).first()?.decode(column: "id", as: Int64.self) else { throw StoreError.conflict("a demo client was not created") }
                ids.append(id)
            }
            return ids
        }
    }

    static let topics = [
        "a booking site for our bakery", "a new brand identity", "our online shop's checkout", "a mobile app for our customers",
        "moving our data to the cloud", "a marketing campaign for the spring", "the translation of our catalogue", "our accounting for the year",
        "a video about our workshop", "the search ranking of our website", "a dashboard of our sales", "the security of our servers",
    ]

    static let providerComments: [Int: [String]] = [
        5: [
            "Outstanding work: clear plans, regular updates and everything delivered ahead of the deadline. We will hire again.",
            "Understood what we needed after one call and delivered exactly that, with documentation we could follow.",
            "Careful, fast and friendly. The result works on every device we tried, and the handover was thorough.",
        ],
        4: [
            "Good work and good communication; a couple of details needed a second round, which was handled quickly.",
            "Solid result delivered on time. Some questions took a day to be answered, but the quality was there.",
        ],
        3: [
            "The work was done, but it took longer than agreed and we had to ask for updates several times.",
        ],
        2: [
            "We got part of what we asked for; the rest needed another provider. Communication was slow.",
        ],
    ]

    static let clientComments: [Int: [String]] = [
        5: ["A clear brief, quick answers and feedback that helped. A pleasure to work with.", "Knew what they wanted and paid attention to the details; easy to work with."],
        4: ["Good collaboration overall; the brief changed a little along the way, but we found the right result together."],
        3: ["The scope grew during the project and decisions took a while, though the team was friendly."],
        2: ["Hard to reach for answers, and the brief changed several times without notice."],
    ]
}
