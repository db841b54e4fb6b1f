import Foundation

/// One signed-in device: a family of refresh tokens, each replacing the last. Its `family` is the public id the
/// access token carries (`sid`) and the sessions page shows; the row id never leaves the store.
public struct UserSession: Sendable, Hashable {
    public let id: Int64
    public let userID: Int64
    public let family: String
    public let deviceInfo: String
    public let ipAddress: String
    public let rememberMe: Bool
    public let createdAt: Date
    public let lastUsedAt: Date
    public let expiresAt: Date
    public let revokedAt: Date?
    /// When the session's owner showed their second factor in it; nil for a session opened with a password alone.
    public let secondFactorAt: Date?
    /// When the owner last proved who they are in this session (signing in, or again for a dangerous action).
    public let reauthenticatedAt: Date

    public func isActive(at now: Date) -> Bool {
        revokedAt == nil && expiresAt > now
    }
}

/// What a new session starts with; the store fills in the times.
public struct NewSession: Sendable {
    public let userID: Int64
    public let family: String
    public let refreshTokenHash: String
    public let deviceInfo: String
    public let ipAddress: String
    public let rememberMe: Bool
    public let expiresAt: Date
    /// Whether the sign-in that opens it included a second factor.
    public let secondFactor: Bool

    public init(
        userID: Int64, family: String, refreshTokenHash: String, deviceInfo: String, ipAddress: String,
        rememberMe: Bool, expiresAt: Date, secondFactor: Bool
    ) {
        self.userID = userID
        self.family = family
        self.refreshTokenHash = refreshTokenHash
        self.deviceInfo = deviceInfo
        self.ipAddress = ipAddress
        self.rememberMe = rememberMe
        self.expiresAt = expiresAt
        self.secondFactor = secondFactor
    }
}

/// A refresh token that was already rotated, as found when someone presents it again.
public struct RetiredRefreshToken: Sendable {
    public let session: UserSession
    public let retiredAt: Date
    /// The token that replaced it, sealed by the service; kept only for the grace window.
    public let successorSealed: String?
}

/// Why a session ended, kept on the row for the security log and the sessions page.
public enum SessionRevocation: String, Sendable {
    case logout
    case logoutEverywhere = "logout_all"
    case endedByUser = "ended_by_user"
    case refreshTokenReuse = "refresh_token_reuse"
    case passwordReset = "password_reset"
    case passwordChanged = "password_changed"
    case sessionCap = "session_cap"
    case removedFromStaff = "removed_from_staff"
    case suspended
}
