import HTTPTypes

/// The problems of sign-in, each with its own `type` so a client can act on it (the README lists them).
extension Problem {
    static var unauthenticated: Problem {
        var problem = Problem(
            status: .unauthorized, detail: "Sign in to continue: the access token is missing, invalid or expired.",
            type: "urn:agora:problem:unauthenticated"
        )
        problem.headers["WWW-Authenticate"] = "Bearer realm=\"agora\", error=\"invalid_token\""
        return problem
    }

    static let invalidCredentials = Problem(
        status: .unauthorized, detail: "The email or the password is wrong.", type: "urn:agora:problem:invalid-credentials"
    )

    static let emailNotVerified = Problem(
        status: .forbidden, detail: "Confirm your email address first: open the link we sent you, or ask for a new one.",
        type: "urn:agora:problem:email-not-verified"
    )

    static let accountSuspended = Problem(
        status: .forbidden, detail: "This account is suspended. Contact support.", type: "urn:agora:problem:account-suspended"
    )

    static func accountLocked(retryAfter seconds: Int) -> Problem {
        Problem(
            status: HTTPResponse.Status(code: 423, reasonPhrase: "Locked"),
            detail: "Too many failed sign-ins. The account is locked for \(RateLimiter.describe(seconds: seconds)).",
            type: "urn:agora:problem:account-locked", retryAfter: max(seconds, 1)
        )
    }

    static func addressLocked(retryAfter seconds: Int) -> Problem {
        Problem(
            status: .tooManyRequests,
            detail: "Too many failed sign-ins from your network. Try again in \(RateLimiter.describe(seconds: seconds)).",
            type: "urn:agora:problem:rate-limited", retryAfter: max(seconds, 1)
        )
    }

    static let invalidLink = Problem(
        status: .badRequest, detail: "This link is not valid or was already used.", type: "urn:agora:problem:invalid-token"
    )

    static let expiredLink = Problem(
        status: .gone, detail: "This link has expired. Ask for a new one.", type: "urn:agora:problem:expired-token"
    )

    static let sessionEnded = Problem(
        status: .unauthorized, detail: "This session has ended. Sign in again.", type: "urn:agora:problem:session-ended"
    )

    static let refreshTokenReused = Problem(
        status: .unauthorized,
        detail: "This sign-in was used from somewhere else, so the session was ended for your safety. Sign in again.",
        type: "urn:agora:problem:refresh-token-reused"
    )

    static func forbidden(_ detail: String) -> Problem {
        Problem(status: .forbidden, detail: detail, type: "urn:agora:problem:forbidden")
    }
}
