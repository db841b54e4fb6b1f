import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// An account as the API shows it to its owner: never the password hash, never a token.
struct AccountBody: ResponseEncodable {
    let id: Int64
    let firstName: String
    let lastName: String
    let email: String
    let phone: String?
    let country: String?
    let userType: String
    let verificationStatus: String
    let createdAt: Date

    init(_ user: UserAccount) {
        id = user.id
        firstName = user.firstName
        lastName = user.lastName
        email = user.email.value
        phone = user.phone
        country = user.countryCode
        userType = user.userType.rawValue
        verificationStatus = user.verificationStatus.rawValue
        createdAt = user.createdAt
    }
}

/// The answer to a sign-in (login, verified email, refresh). The refresh token travels in the cookie only.
struct SignInBody: Encodable {
    let accessToken: String
    let tokenType = "Bearer"
    let expiresIn: Int
    let user: AccountBody
}

/// The answer to a registration, the same whether the address was new or not.
struct RegistrationBody: ResponseEncodable {
    let status = "pending_verification"
    let email: String
    let firstName: String
    let lastName: String
    let userType: String
    let message: String
}

/// An open session on the sessions page.
/// `GET /api/auth/sessions`.
struct SessionListBody: ResponseEncodable {
    let sessions: [SessionBody]
}

struct SessionBody: Encodable {
    let id: String
    let device: String
    let ipAddress: String
    let createdAt: Date
    let lastUsedAt: Date
    let expiresAt: Date
    let current: Bool

    init(_ session: UserSession, current: String) {
        id = session.family
        device = session.deviceInfo
        ipAddress = session.ipAddress
        createdAt = session.createdAt
        lastUsedAt = session.lastUsedAt
        expiresAt = session.expiresAt
        self.current = session.family == current
    }
}

/// The numbers and versions the register page needs, read from the same rules the API applies.
struct RegistrationFormBody: ResponseEncodable {
    struct PasswordRules: Encodable {
        let minimumCharacters = PasswordPolicy.minimumCharacters
        let maximumBytes = PasswordPolicy.maximumBytes
        let needs = ["upper-case letter", "lower-case letter", "digit", "symbol"]
    }

    struct CountryBody: Encodable {
        let code: String
        let name: String
        let dialCode: String
        let nationalNumberLengths: [Int]
    }

    let password = PasswordRules()
    let nameMaximumLength = PersonName.maximumLength
    let legal: LegalVersions
    /// Sign-in providers offered beside the password (`google` when an OpenID Connect issuer is configured).
    let socialSignIn: [String]
    let userTypes = RegistrationForm.selfServiceTypes.map(\.rawValue)
    let captcha: CaptchaChallenge
    let countries = Countries.all.map {
        CountryBody(code: $0.code, name: $0.name, dialCode: $0.dialCode,
                    nationalNumberLengths: [$0.nationalNumberLengths.lowerBound, $0.nationalNumberLengths.upperBound])
    }
}

struct EmailAvailabilityBody: ResponseEncodable {
    let email: String
    let available: Bool
}

struct AcceptedBody: ResponseEncodable {
    let message: String
}
