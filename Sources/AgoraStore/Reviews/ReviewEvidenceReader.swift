import AgoraDomain
import Foundation
import SQLKit

/// Gathers what `ReviewSignals` reads about one review, from the sign-in log, the accounts and the other reviews,
/// inside the transaction that publishes it.
enum ReviewEvidenceReader {
    /// Sign-ins that say where a member was: the ones that succeeded.
    static let signInKinds: [AuthEvent.Kind] = [.login, .oidcLogin, .signInLink, .secondFactor, .refresh]
    /// How many accounts may share a browser before it is too common to tell anything.
    static let uncommonBrowser = 3
    /// How many of the other reviews' comments one is compared with.
    static let comparedComments = 200

    static func evidence(for review: Review, now: Date, on db: any SQLDatabase) async throws -> ReviewEvidence {
        guard let reviewerID = review.reviewerID else {
            return ReviewEvidence(
                rating: review.rating, comment: review.comment, sharedAddresses: [], sharedDevice: false, reviewerAccountAge: .infinity,
                reciprocalExchanges: 0, reviewedAccounts: 0, recentReviewsFromNewAccounts: 0, projectValue: review.projectValue, otherComments: []
            )
        }
        let pair = [reviewerID, review.revieweeID]
        return ReviewEvidence(
            rating: review.rating, comment: review.comment,
            sharedAddresses: try await sharedAddresses(pair, on: db),
            sharedDevice: try await sharedDevice(pair, on: db),
            reviewerAccountAge: try await accountCreated(reviewerID, on: db).map { review.createdAt.timeIntervalSince($0) } ?? .infinity,
            reciprocalExchanges: try await reciprocalExchanges(review, reviewerID: reviewerID, on: db),
            reviewedAccounts: try await db.raw("""
                SELECT COUNT(DISTINCT reviewee_id) AS n FROM reviews WHERE reviewer_id = \(bind: reviewerID)
                """).first()?.decode(column: "n", as: Int.self) ?? 0,
            recentReviewsFromNewAccounts: try await recentReviewsFromNewAccounts(review, on: db),
            projectValue: review.projectValue,
            otherComments: try await db.raw("""
                SELECT comment FROM reviews
                WHERE id <> \(bind: review.id) AND comment <> '' AND (reviewee_id = \(bind: review.revieweeID) OR reviewer_id = \(bind: reviewerID))
                ORDER BY id DESC LIMIT \(bind: comparedComments)
                """).all().map { try $0.decode(column: "comment", as: String.self) }
        )
    }

    /// Addresses both members signed in from. A loopback address is a proxy's or the machine's own, not a member's.
    private static func sharedAddresses(_ pair: [Int64], on db: any SQLDatabase) async throws -> [String] {
        let rows = try await db.raw("""
            SELECT ip_address FROM auth_events
            WHERE user_id IN (\(binds: pair)) AND outcome = \(state: AuthEvent.Outcome.success) AND kind IN (\(binds: signInKinds.map(\.rawValue)))
                AND ip_address <> ''
            GROUP BY ip_address HAVING COUNT(DISTINCT user_id) = 2
            ORDER BY ip_address
            """).all()
        return try rows.map { try $0.decode(column: "ip_address", as: String.self) }.filter { !Self.isLoopback($0) }
    }

    /// Whether both members signed in with the same browser that at most `uncommonBrowser` accounts use.
    private static func sharedDevice(_ pair: [Int64], on db: any SQLDatabase) async throws -> Bool {
        let shared = try await db.raw("""
            SELECT user_agent FROM auth_events
            WHERE user_id IN (\(binds: pair)) AND outcome = \(state: AuthEvent.Outcome.success) AND user_agent <> ''
            GROUP BY user_agent HAVING COUNT(DISTINCT user_id) = 2
            """).all().map { try $0.decode(column: "user_agent", as: String.self) }
        guard !shared.isEmpty else { return false }
        let users = try await db.raw("""
            SELECT user_agent, COUNT(DISTINCT user_id) AS n FROM auth_events
            WHERE user_agent IN (\(binds: shared)) AND outcome = \(state: AuthEvent.Outcome.success) GROUP BY user_agent
            """).all()
        return try users.contains { try $0.decode(column: "n", as: Int.self) <= uncommonBrowser }
    }

    private static func accountCreated(_ userID: Int64, on db: any SQLDatabase) async throws -> Date? {
        try await db.raw("SELECT created_at FROM users WHERE id = \(bind: userID)").first()?.decode(column: "created_at", as: Date.self)
    }

    /// Earlier projects in which the reviewer and the reviewee gave each other 4 or 5 stars.
    private static func reciprocalExchanges(_ review: Review, reviewerID: Int64, on db: any SQLDatabase) async throws -> Int {
        try await db.raw("""
            SELECT COUNT(*) AS n FROM reviews mine JOIN reviews theirs ON theirs.project_id = mine.project_id AND theirs.reviewer_id = mine.reviewee_id
            WHERE mine.reviewer_id = \(bind: reviewerID) AND mine.reviewee_id = \(bind: review.revieweeID) AND theirs.reviewee_id = \(bind: reviewerID)
                AND mine.project_id <> \(bind: review.projectID) AND mine.rating >= 4 AND theirs.rating >= 4
            """).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Other reviews of the reviewee in the week before this one, by accounts that were new when they wrote them.
    private static func recentReviewsFromNewAccounts(_ review: Review, on db: any SQLDatabase) async throws -> Int {
        let rows = try await db.raw("""
            SELECT r.created_at AS written, u.created_at AS joined FROM reviews r JOIN users u ON u.id = r.reviewer_id
            WHERE r.reviewee_id = \(bind: review.revieweeID) AND r.id <> \(bind: review.id)
                AND r.created_at >= \(bind: review.createdAt.addingTimeInterval(-7 * 86_400)) AND r.created_at <= \(bind: review.createdAt)
            """).all()
        return try rows.filter {
            try $0.decode(column: "written", as: Date.self).timeIntervalSince(try $0.decode(column: "joined", as: Date.self)) < ReviewSignals.newAccountAge
        }.count
    }

    static func isLoopback(_ address: String) -> Bool {
        address.hasPrefix("127.") || address == "::1" || address.hasPrefix("::ffff:127.")
    }
}
