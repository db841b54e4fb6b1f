import Foundation
import HTTPTypes

/// The problems of two-factor sign-in and of dangerous actions, each with its own `type`.
extension Problem {
    /// The password was right and the account has two factors: finish with `POST /api/auth/login/second-factor`.
    static func secondFactorRequired(_ prompt: SecondFactorPrompt) -> Problem {
        var problem = Problem(
            status: .unauthorized, detail: "Enter the code from your authenticator app, or one of your recovery codes.",
            type: .secondFactorRequired
        )
        problem.secondFactor = prompt
        return problem
    }

    static let invalidSecondFactor = Problem(
        status: .unauthorized,
        detail: "That code is not right. Check that your phone's clock is set automatically, or use a recovery code.",
        type: .invalidSecondFactor
    )

    static let challengeEnded = Problem(
        status: .unauthorized, detail: "This sign-in has expired or had too many wrong codes. Sign in again.",
        type: .challengeEnded
    )

    static func secondFactorThrottled(retryAfter seconds: Int) -> Problem {
        Problem(
            status: .tooManyRequests,
            detail: "Too many wrong codes or passwords for this account. Try again in \(RateLimiter.describe(seconds: seconds)).",
            type: .rateLimited, retryAfter: max(seconds, 1)
        )
    }

    static let twoFactorRequired = Problem(
        status: .forbidden,
        detail: "Administration needs a sign-in with two factors: set up an authenticator app in your security settings, then sign in again with its code.",
        type: .twoFactorRequired
    )

    static let reauthenticationRequired = Problem(
        status: .forbidden,
        detail: "Confirm it is you before this change: enter your authenticator code (or your password if you have no authenticator).",
        type: .reauthenticationRequired
    )
}

/// What a client needs to finish a sign-in with its second factor.
struct SecondFactorPrompt: Codable, Sendable, Equatable {
    /// The token to send back with the code; good for a few minutes and a few wrong codes.
    let challenge: String
    let expiresAt: Date

    enum CodingKeys: String, CodingKey {
        case challenge
        case expiresAt = "expires_at"
    }
}
