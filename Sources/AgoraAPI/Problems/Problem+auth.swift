import HTTPTypes

/// The problems of sign-in, each with its own `type` so a client can act on it (the README lists them).
extension Problem {
    static var unauthenticated: Problem {
        var problem = Problem(
            status: .unauthorized, detail: "Sign in to continue: the access token is missing, invalid or expired.",
            type: .unauthenticated
        )
        problem.headers["WWW-Authenticate"] = "Bearer realm=\"agora\", error=\"invalid_token\""
        return problem
    }

    static let invalidCredentials = Problem(
        status: .unauthorized, detail: "The email or the password is wrong.", type: .invalidCredentials
    )

    static let emailNotVerified = Problem(
        status: .forbidden, detail: "Confirm your email address first: open the link we sent you, or ask for a new one.",
        type: .emailNotVerified
    )

    /// A staff member viewing an account tried to change something.
    static let viewOnly = Problem(
        status: .forbidden, detail: "This is a read-only view of the account: nothing can be changed from it.", type: .viewOnly
    )

    /// Sign-ups are turned off in the platform settings (`features.registration`).
    static let registrationClosed = Problem(
        status: .forbidden, detail: "New accounts cannot sign up at the moment. Existing accounts can still sign in.",
        type: .registrationClosed
    )

    static let accountSuspended = Problem(
        status: .forbidden, detail: "This account is suspended. Contact support.", type: .accountSuspended
    )

    /// Sign-ins to this address failed repeatedly: the next attempt carries the answer to `challenge`. The same
    /// answer whether the address has an account or not.
    static func captchaRequired(_ challenge: CaptchaChallenge) -> Problem {
        var problem = Problem(
            status: .tooManyRequests,
            detail: "Several sign-ins to this address failed. Solve the check to try again; the owner of a confirmed account also gets a link by email to sign in.",
            type: .captchaRequired
        )
        problem.captcha = challenge
        return problem
    }

    static func networkLocked(retryAfter seconds: Int) -> Problem {
        Problem(
            status: .tooManyRequests,
            detail: "Too many failed sign-ins from your network. Try again in \(RateLimiter.describe(seconds: seconds)).",
            type: .rateLimited, retryAfter: max(seconds, 1)
        )
    }

    /// The password-hashing queue is full: 503, to be tried again shortly, rather than a wait with no end.
    static func hashingBusy(retryAfter seconds: Int) -> Problem {
        Problem(
            status: .serviceUnavailable, detail: "Too many sign-ins are being checked right now. Try again in a few seconds.",
            type: .serviceBusy, retryAfter: max(seconds, 1)
        )
    }

    static let invalidLink = Problem(
        status: .badRequest, detail: "This link is not valid or was already used.", type: .invalidToken
    )

    static let expiredLink = Problem(
        status: .gone, detail: "This link has expired. Ask for a new one.", type: .expiredToken
    )

    static let sessionEnded = Problem(
        status: .unauthorized, detail: "This session has ended. Sign in again.", type: .sessionEnded
    )

    static let refreshTokenReused = Problem(
        status: .unauthorized,
        detail: "This sign-in was used from somewhere else, so the session was ended for your safety. Sign in again.",
        type: .refreshTokenReused
    )

    static func forbidden(_ detail: String) -> Problem {
        Problem(status: .forbidden, detail: detail, type: .forbidden)
    }
}
