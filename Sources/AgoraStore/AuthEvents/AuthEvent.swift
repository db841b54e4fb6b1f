import Foundation

/// One line of the authentication log: who tried what, from where, and how it ended.
public struct AuthEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case register, verifyEmail = "verify_email", resendVerification = "resend_verification", login, refresh
        case logout, logoutAll = "logout_all", endSession = "end_session"
        case forgotPassword = "forgot_password", resetPassword = "reset_password", changePassword = "change_password"
        case oidcLogin = "oidc_login", signInLink = "sign_in_link"
        /// The second step of a sign-in: an authenticator code or a recovery code.
        case secondFactor = "second_factor"
        case twoFactorEnabled = "two_factor_enabled", twoFactorDisabled = "two_factor_disabled"
        case recoveryCodesReplaced = "recovery_codes_replaced"
        /// Proving again who one is before a dangerous action.
        case reauthenticate
    }

    public enum Outcome: String, Sendable, CaseIterable {
        case success, failure
        /// Refused without checking the credentials: the network is locked, or the address needs a CAPTCHA.
        case locked
        /// A rotated refresh token came back after its grace window: the family was revoked.
        case reuse
    }

    public let userID: Int64?
    public let kind: Kind
    public let outcome: Outcome
    public let ipAddress: String
    /// What lockouts count: the address for IPv4, its /64 for IPv6.
    public let network: String
    public let userAgent: String
    /// The address a sign-in was attempted for, hashed (`SignInSubject`), known account or not; empty for others.
    public let subject: String
    /// A short reason in words (`unknown email`, `wrong password`, `expired`); never a secret.
    public let detail: String
    public let createdAt: Date

    public init(
        userID: Int64?, kind: Kind, outcome: Outcome, ipAddress: String, network: String? = nil, userAgent: String,
        subject: String = "", detail: String = "", createdAt: Date
    ) {
        self.userID = userID
        self.kind = kind
        self.outcome = outcome
        self.ipAddress = ipAddress
        self.network = network ?? ipAddress
        self.userAgent = userAgent
        self.subject = subject
        self.detail = detail
        self.createdAt = createdAt
    }
}
