import Foundation

/// An account's authenticator secret as stored: sealed by the service, confirmed once a code made from it was typed.
public struct TwoFactorCredential: Sendable, Equatable {
    public let userID: Int64
    public let secretSealed: String
    public let confirmedAt: Date?
    /// The last time step whose code was accepted: a code is good once, and never one older than it.
    public let lastUsedStep: Int64

    public var isConfirmed: Bool { confirmedAt != nil }
}

/// A password sign-in waiting for its second factor.
public struct SecondFactorChallenge: Sendable, Equatable {
    public let userID: Int64
    public let rememberMe: Bool
    public let failures: Int
    public let expiresAt: Date
}
