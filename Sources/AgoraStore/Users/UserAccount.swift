import AgoraDomain
import Foundation

/// An account as stored, without its password hash: what may leave the store for display or a response.
public struct UserAccount: Sendable, Hashable {
    public let id: Int64
    public let firstName: String
    public let lastName: String
    public let email: Email
    public let phone: String?
    public let countryCode: String?
    public let userType: UserType
    public let verificationStatus: VerificationStatus
    public let createdAt: Date
    public let updatedAt: Date
}
