import AgoraStore

extension AuthJournal {
    /// Redeems an emailed one-time link (verification, sign-in): a token of the wrong shape is refused before any
    /// query, `body` runs in one transaction and answers the outcome, and a token that is none of ours is logged
    /// after that transaction, which had nothing to keep.
    func redeemLink<T: Sendable>(
        _ token: String, kind: AuthEvent.Kind, client: ClientInfo,
        _ body: @escaping @Sendable (StoreTransaction) async throws -> Result<T, Problem>
    ) async throws -> T {
        guard SecureToken.isWellFormed(token) else {
            try await record(kind, .failure, user: nil, client: client, detail: "malformed token")
            throw Problem.invalidLink
        }
        switch try await store.inTransaction(body) {
        case .success(let value):
            return value
        case .failure(let problem):
            if problem == .invalidLink { try await record(kind, .failure, user: nil, client: client, detail: "unknown token") }
            throw problem
        }
    }
}
