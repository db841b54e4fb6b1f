import AgoraDomain

/// What is needed to create an account; the store assigns the id and the timestamps.
public struct NewUser: Sendable {
    public let firstName: String
    public let lastName: String
    public let email: Email
    /// Nil for accounts that only sign in through a social provider.
    public let passwordHash: String?
    /// E.164, e.g. `+33612345678`.
    public let phone: String?
    /// ISO 3166-1 alpha-2 of the phone number's country.
    public let countryCode: String?
    public let userType: UserType
    public let verificationStatus: VerificationStatus
    /// The versions of the terms and privacy policy the person accepted; nil for accounts made by the seeder.
    public let legal: LegalVersions?

    public init(
        firstName: String, lastName: String, email: Email, passwordHash: String?, phone: String?,
        countryCode: String?, userType: UserType, verificationStatus: VerificationStatus, legal: LegalVersions? = nil
    ) {
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.passwordHash = passwordHash
        self.phone = phone
        self.countryCode = countryCode
        self.userType = userType
        self.verificationStatus = verificationStatus
        self.legal = legal
    }
}
