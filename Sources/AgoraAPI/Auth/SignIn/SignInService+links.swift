import AgoraDomain
import AgoraStore

extension SignInService {
    /// Signs in with a one-time link emailed after repeated failed sign-ins (`SignInThrottling`): the link is used up,
    /// and the address's count of failures starts again.
    func signIn(link token: String, client: ClientInfo) async throws -> SignInStep {
        let now = clock.now
        return try await journal.redeemLink(token, kind: .signInLink, client: client) { transaction in
            switch try await OneTimeTokenRepository(.signInLink, store: store, in: transaction).redeem(tokenHash: SecureToken.hash(token), now: now) {
            case .unknown:
                return .failure(.invalidLink)
            case .expired(let userID):
                try await journal.record(.signInLink, .failure, user: userID, client: client, detail: "expired", in: transaction)
                return .failure(.expiredLink)
            case .redeemed(let userID):
                guard let user = try await UserRepository(store: store, in: transaction).find(id: userID) else { return .failure(.invalidLink) }
                switch user.verificationStatus {
                case .pending: return .failure(.emailNotVerified)
                case .suspended: return .failure(.accountSuspended)
                case .verified: break
                }
                try await journal.record(.signInLink, .success, user: userID, client: client, subject: SignInSubject(user.email), in: transaction)
                return .success(try await issuer.begin(for: user, rememberMe: false, client: client, in: transaction))
            }
        }
    }
}
