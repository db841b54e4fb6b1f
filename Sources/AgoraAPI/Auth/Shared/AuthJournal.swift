import AgoraDomain
import AgoraStore
import Logging

/// The authentication log: every attempt to register, sign in, refresh or change a password, who, from where and
/// how it ended, in the `auth_events` table (inside the change's transaction when there is one) and the service log.
struct AuthJournal: Sendable {
    let store: Store
    let clock: any AgoraClock
    let logger: Logger

    func record(
        _ kind: AuthEvent.Kind, _ outcome: AuthEvent.Outcome, user: Int64?, client: ClientInfo, subject: SignInSubject? = nil,
        detail: String = "", in transaction: StoreTransaction? = nil
    ) async throws {
        let event = AuthEvent(
            userID: user, kind: kind, outcome: outcome, ipAddress: client.ipAddress, network: client.limitKey, userAgent: client.userAgent,
            subject: subject?.hash ?? "", detail: detail, createdAt: clock.now
        )
        if let transaction {
            try await AuthEventRepository(store: store, in: transaction).record(event)
        } else {
            // A transaction of its own: on SQLite, writes wait their turn in the store's writer queue rather than in
            // SQLite's busy handler, where each would hold one of the few threads every query runs on.
            try await store.inTransaction { try await AuthEventRepository(store: store, in: $0).record(event) }
        }
        logger.info("auth event", metadata: [
            "kind": "\(kind.rawValue)", "outcome": "\(outcome.rawValue)", "user_id": "\(user.map(String.init) ?? "-")",
            "detail": "\(detail)",
        ])
    }
}
