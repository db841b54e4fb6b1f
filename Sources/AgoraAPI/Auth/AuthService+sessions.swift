import AgoraDomain
import AgoraStore
import Foundation

extension AuthService {
    func logout(_ identity: Identity, client: ClientInfo) async throws {
        let now = clock.now
        try await store.transaction { db in
            let sessions = SessionRepository(store: store, on: db)
            if let session = try await sessions.find(family: identity.session) {
                try await sessions.revoke(sessionID: session.id, reason: .logout, now: now)
            }
            try await log(.logout, .success, user: identity.userID, client: client, on: db)
        }
    }

    /// Ends every session of the account, this one included. Returns how many ended.
    func logoutEverywhere(_ identity: Identity, client: ClientInfo) async throws -> Int {
        let now = clock.now
        return try await store.transaction { db in
            let count = try await SessionRepository(store: store, on: db).revokeAll(userID: identity.userID, reason: .logoutEverywhere, now: now)
            try await log(.logoutAll, .success, user: identity.userID, client: client, detail: "\(count) sessions", on: db)
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
        try await store.transaction { db in
            let sessions = SessionRepository(store: store, on: db)
            guard let session = try await sessions.find(family: family), session.userID == identity.userID,
                  session.isActive(at: now)
            else { throw Problem(status: .notFound, detail: "No open session of yours has this id.") }
            try await sessions.revoke(sessionID: session.id, reason: .endedByUser, now: now)
            try await log(.endSession, .success, user: identity.userID, client: client, on: db)
        }
    }
}
