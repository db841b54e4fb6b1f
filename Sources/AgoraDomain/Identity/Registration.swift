/// What a person fills in to open an account, as typed. `validated(current:)` applies every rule at once so the
/// answer names each bad field.
public struct RegistrationForm: Sendable, Hashable, Codable {
    public var firstName: String?
    public var lastName: String?
    public var email: String?
    public var password: String?
    public var phone: String?
    public var country: String?
    public var userType: String?
    public var acceptedTermsVersion: String?
    public var acceptedPrivacyVersion: String?

    public init(
        firstName: String?, lastName: String?, email: String?, password: String?, phone: String?, country: String?,
        userType: String?, acceptedTermsVersion: String?, acceptedPrivacyVersion: String?
    ) {
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.password = password
        self.phone = phone
        self.country = country
        self.userType = userType
        self.acceptedTermsVersion = acceptedTermsVersion
        self.acceptedPrivacyVersion = acceptedPrivacyVersion
    }

    /// The account types a person may choose for themselves; admins are made by other admins.
    public static let selfServiceTypes: [UserType] = [.client, .provider]

    public func validated(current legal: LegalVersions) throws -> Registration {
        var errors: [FieldError] = []
        func check<T>(_ make: () throws -> T) -> T? {
            do { return try make() } catch let error as ValidationError {
                errors.append(contentsOf: error.errors)
                return nil
            } catch { return nil }
        }
        let first = check { try PersonName(firstName ?? "", field: "first_name") }
        let last = check { try PersonName(lastName ?? "", field: "last_name") }
        let email = check { try Email(self.email ?? "") }
        if let password {
            errors.append(contentsOf: PasswordPolicy.problems(with: password))
        } else {
            errors.append(FieldError(field: "password", message: "is required"))
        }
        let phone = check { try PhoneNumber(self.phone ?? "", country: country ?? "") }
        let type = UserType(rawValue: userType ?? "").flatMap { Self.selfServiceTypes.contains($0) ? $0 : nil }
        if type == nil { errors.append(FieldError(field: "user_type", message: "must be client or provider")) }
        if acceptedTermsVersion != legal.terms {
            errors.append(FieldError(field: "accepted_terms_version", message: "must accept the terms of service (version \(legal.terms))"))
        }
        if acceptedPrivacyVersion != legal.privacy {
            errors.append(FieldError(field: "accepted_privacy_version", message: "must accept the privacy policy (version \(legal.privacy))"))
        }
        guard errors.isEmpty, let first, let last, let email, let password, let phone, let type else {
            throw ValidationError(errors)
        }
        return Registration(
            firstName: first, lastName: last, email: email, password: password, phone: phone, userType: type, legal: legal
        )
    }
}

/// A registration that passed every rule.
public struct Registration: Sendable, Hashable {
    public let firstName: PersonName
    public let lastName: PersonName
    public let email: Email
    public let password: String
    public let phone: PhoneNumber
    public let userType: UserType
    public let legal: LegalVersions
}
