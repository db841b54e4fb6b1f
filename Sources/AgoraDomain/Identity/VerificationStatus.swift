/// Where an account stands with email verification and moderation.
public enum VerificationStatus: String, Sendable, Codable, CaseIterable {
    /// Registered, email not yet confirmed.
    case pending
    /// Email confirmed; the account may sign in.
    case verified
    /// Blocked by an admin; public pages of a suspended provider are not published.
    case suspended
}
