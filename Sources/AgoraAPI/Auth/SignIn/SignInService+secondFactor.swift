import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation

extension SignInService {
    /// Finishes a sign-in that waits for its second factor: the code from the app or a recovery code (whose owner
    /// is emailed, with how many are left). A challenge allows `secondFactorChallengeAttempts` wrong codes and
    /// `secondFactorChallengeLifetime`; then the person signs in again from the start.
    func completeSignIn(challenge token: String, code: String, client: ClientInfo) async throws -> IssuedSession {
        let now = clock.now
        let hash = SecureToken.hash(token)
        let challenges = SecondFactorChallengeRepository(store: store)
        guard SecureToken.isWellFormed(token), let challenge = try await challenges.find(tokenHash: hash), challenge.expiresAt > now else {
            throw Problem.challengeEnded
        }
        let user = try await signInAllowed(userID: challenge.userID)
        let method: SecondFactorMethod
        do {
            method = try await twoFactor.check(code, userID: user.id, kind: .secondFactor, client: client)
        } catch let problem as Problem where problem.type == ProblemType.invalidSecondFactor.uri {
            _ = try await challenges.recordFailure(tokenHash: hash, limit: settings.secondFactorChallengeAttempts)
            throw problem
        }
        return try await store.inTransaction { transaction in
            guard let consumed = try await SecondFactorChallengeRepository(store: store, in: transaction).consume(tokenHash: hash) else {
                throw Problem.challengeEnded
            }
            try await journal.record(.secondFactor, .success, user: user.id, client: client, detail: method.rawValue, in: transaction)
            if method == .recoveryCode {
                let left = try await TwoFactorRepository(store: store, in: transaction).unusedRecoveryCodes(userID: user.id)
                try await mail.notify(
                    .recoveryCodeUsed, to: user, title: "A recovery code was used to sign in",
                    message: "\(left) recovery code\(left == 1 ? "" : "s") left. If it was not you, change your password and your codes.",
                    link: PagePaths.securitySettings,
                    values: ["left": String(left), "when": EmailComposer.moment(now), "link": mail.link(PagePaths.securitySettings)], in: transaction
                )
            }
            return try await issuer.start(for: user, rememberMe: consumed.rememberMe, secondFactor: true, client: client, in: transaction)
        }
    }

    /// Proves again who is using the session, for dangerous actions: the second factor for an account that has
    /// one, else the password. Returns until when the proof allows them.
    func reauthenticate(_ identity: Identity, password: String?, code: String?, client: ClientInfo) async throws -> Date {
        let now = clock.now
        let hasSecondFactor = try await TwoFactorRepository(store: store).isEnabled(userID: identity.userID)
        if hasSecondFactor {
            guard let code, !code.isEmpty else { throw ValidationError(field: "code", message: "is required: your account signs in with two factors") }
            _ = try await twoFactor.check(code, userID: identity.userID, kind: .reauthenticate, client: client)
        } else {
            guard let password, !password.isEmpty else { throw ValidationError(field: "password", message: "is required") }
            try await twoFactor.requireGuessesLeft(userID: identity.userID)
            guard let credentials = try await UserRepository(store: store).credentials(id: identity.userID),
                  let hash = credentials.passwordHash
            else {
                throw Problem(status: .conflict, detail: "This account has no password: turn on two-factor sign-in to confirm it is you.")
            }
            guard try await hasher.verify(password, hash: hash) else {
                try await journal.record(.reauthenticate, .failure, user: identity.userID, client: client, detail: "wrong password")
                throw Problem.invalidCredentials
            }
        }
        try await store.inTransaction { transaction in
            try await SessionRepository(store: store, in: transaction).markReauthenticated(
                family: identity.session, secondFactor: hasSecondFactor, now: now
            )
            try await journal.record(.reauthenticate, .success, user: identity.userID, client: client, in: transaction)
        }
        return now.addingTimeInterval(settings.reauthenticationWindow)
    }
}
