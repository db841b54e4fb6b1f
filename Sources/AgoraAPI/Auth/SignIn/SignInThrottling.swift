import AgoraDomain
import AgoraStore
import Foundation

/// Failed sign-ins per address, as `SignInThrottle` rules: asks for a CAPTCHA, harder with each failure, once an
/// address has drawn too many; records every failure; and emails a verified owner a one-time sign-in link when the
/// CAPTCHA starts being asked, so that an attack on their address never keeps them out.
struct SignInThrottling: Sendable {
    let store: Store
    let rule: SignInThrottle
    let captcha: Captcha
    let journal: AuthJournal
    let mail: AccountMail
    let clock: any AgoraClock

    /// Throws `captcha-required`, with a fresh challenge, when the address needs a CAPTCHA this attempt has not solved.
    func requireCaptchaIfNeeded(for subject: SignInSubject, answer: CaptchaAnswer, client: ClientInfo, now: Date) async throws {
        let failures = try await AuthEventRepository(store: store).failedLogins(
            subject: subject.hash, since: now.addingTimeInterval(-rule.window), limit: rule.failuresBeforeCaptcha + rule.maximumExtraBits
        )
        guard let extraBits = rule.extraBits(afterFailures: failures) else { return }
        do {
            try await captcha.check(challenge: answer.challenge, solution: answer.solution, remoteIP: client.ipAddress, extraBits: extraBits)
        } catch is ValidationError {
            try await journal.record(.login, .locked, user: nil, client: client, subject: subject, detail: "captcha required")
            throw Problem.captchaRequired(await captcha.challenge(extraBits: extraBits))
        }
    }

    /// Records a failed attempt; the one that makes the CAPTCHA necessary also sends the owner a sign-in link (one
    /// per window).
    func failed(_ subject: SignInSubject, user: UserAccount?, client: ClientInfo, detail: String) async throws {
        let now = clock.now
        try await store.inTransaction { transaction in
            try await journal.record(.login, .failure, user: user?.id, client: client, subject: subject, detail: detail, in: transaction)
            guard let user, user.verificationStatus == .verified else { return }
            let failures = try await AuthEventRepository(store: store, in: transaction).failedLogins(
                subject: subject.hash, since: now.addingTimeInterval(-rule.window), limit: rule.failuresBeforeCaptcha + 1
            )
            guard failures == rule.failuresBeforeCaptcha else { return }
            let links = OneTimeTokenRepository(.signInLink, store: store, in: transaction)
            guard try await links.count(userID: user.id, since: now.addingTimeInterval(-rule.window)) == 0 else { return }
            let token = SecureToken.generate()
            try await links.insert(
                userID: user.id, tokenHash: SecureToken.hash(token), expiresAt: now.addingTimeInterval(rule.linkLifetime), now: now
            )
            try await mail.notify(
                .signInAttempts, to: user, title: "\(failures) failed sign-ins on your account",
                message: "We emailed you a one-time sign-in link. If it was not you, change your password.", link: PagePaths.securitySettings,
                values: [
                    "attempts": "\(failures)",
                    "minutes": "\(Int(rule.linkLifetime / 60))",
                    "link": mail.link(PagePaths.signInLink, ["token": token]),
                    "reset_link": mail.link(PagePaths.forgotPassword),
                ], in: transaction
            )
        }
    }
}
