/// The kinds of problem a client can act on, each named by a URN in the problem document's `type`
/// (`urn:agora:problem:validation`). A problem of no particular kind is `about:blank`, as RFC 9457 says.
public enum ProblemType: String, Sendable, CaseIterable {
    case validation
    case malformedBody = "malformed-body"
    case invalidQuery = "invalid-query"
    case invalidTransition = "invalid-transition"
    case unauthenticated
    case invalidCredentials = "invalid-credentials"
    case emailNotVerified = "email-not-verified"
    case accountSuspended = "account-suspended"
    case captchaRequired = "captcha-required"
    case rateLimited = "rate-limited"
    case serviceBusy = "service-busy"
    case requestTimeout = "request-timeout"
    case invalidToken = "invalid-token"
    case expiredToken = "expired-token"
    case sessionEnded = "session-ended"
    case refreshTokenReused = "refresh-token-reused"
    case forbidden
    case captchaUnavailable = "captcha-unavailable"
    case unacceptedFileType = "unaccepted-file-type"
    case secondFactorRequired = "second-factor-required"
    case invalidSecondFactor = "invalid-second-factor"
    case challengeEnded = "challenge-ended"
    case twoFactorRequired = "two-factor-required"
    case reauthenticationRequired = "reauthentication-required"
    case registrationClosed = "registration-closed"
    case staleVersion = "stale-version"
    case viewOnly = "view-only"
    case unreadableDocument = "unreadable-document"
    case idempotencyKeyRequired = "idempotency-key-required"
    case idempotencyKeyReused = "idempotency-key-reused"

    /// The URN in the problem document.
    public var uri: String { "urn:agora:problem:" + rawValue }
}
