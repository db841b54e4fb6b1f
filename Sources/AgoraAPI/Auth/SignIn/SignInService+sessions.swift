import AgoraDomain
import AgoraStore
import Foundation

extension SignInService {
    func logout(_ identity: Identity, client: ClientInfo) async throws {
        let now = clock.now
        try await store.inTransaction { transaction in
            let sessions = SessionRepository(store: store, in: transaction)
            if let session = try await sessions.find(family: identity.session) {
                try await sessions.revoke(sessionID: session.id, reason: .logout, now: now)
            }
            try await journal.record(.logout, .success, user: identity.userID, client: client, in: transaction)
        }
    }

    /// Ends every session of the account, this one included. Returns how many ended.
    func logoutEverywhere(_ identity: Identity, client: ClientInfo) async throws -> Int {
        let now = clock.now
        return try await store.inTransaction { transaction in
            let count = try await SessionRepository(store: store, in: transaction).revokeAll(userID: identity.userID, reason: .logoutEverywhere, now: now)
            try await journal.record(.logoutAll, .success, user: identity.userID, client: client, detail: "\(count) sessions", in: transaction)
            return count
        }
    }

    func sessions(of identity: Identity) async throws -> [UserSession] {
        try await SessionRepository(store: store).active(userID: identity.userID, now: clock.now)
    }

    /// Ends one of the account's own sessions. Another account's session is "not found", never "forbidden", so ids
    /// cannot be probed.
    func endSession(_ family: String, of identity: Identity, client: ClientInfo) async throws {
        let now = clock.now
        try await store.inTransaction { transaction in
            let sessions = SessionRepository(store: store, in: transaction)
            guard let session = try await sessions.find(family: family), session.userID == identity.userID,
                  session.isActive(at: now)
            else { throw Problem(status: .notFound, detail: "No open session of yours has this id.") }
            try await sessions.revoke(sessionID: session.id, reason: .endedByUser, now: now)
            try await journal.record(.endSession, .success, user: identity.userID, client: client, in: transaction)
        }
    }
}
