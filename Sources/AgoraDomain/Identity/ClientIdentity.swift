import Foundation

/// What providers see of a client on the client's orders (and, later, on reviews): a short name, the company they
/// hire for, their country, a photo, and since when they are a member. Never the email address or the phone.
public struct ClientIdentity: Hashable, Sendable {
    public static let companyLength = 1...100

    public let userID: Int64
    public let firstName: String
    public let lastName: String
    /// Empty for a person hiring for themselves.
    public let company: String
    /// ISO 3166-1 alpha-2.
    public let countryCode: String?
    public let photo: ProfilePhoto?
    public let memberSince: Date
    /// What providers said of them: the displayed rating of their published reviews as a client
    /// (`RatingPrior.displayed`; nil before the first), and how many there are.
    public let rating: Double?
    public let ratingCount: Int

    public init(
        userID: Int64, firstName: String, lastName: String, company: String, countryCode: String?, photo: ProfilePhoto?, memberSince: Date,
        rating: Double? = nil, ratingCount: Int = 0
    ) {
        self.userID = userID
        self.firstName = firstName
        self.lastName = lastName
        self.company = company
        self.countryCode = countryCode
        self.photo = photo
        self.memberSince = memberSince
        self.rating = rating
        self.ratingCount = ratingCount
    }

    /// "Ana P.": the first name and the family name's initial, enough to address someone, not to find them.
    public var publicName: String { Self.publicName(firstName: firstName, lastName: lastName) }

    /// The one way a member is named to the other side of a project, a payment or a receipt.
    public static func publicName(firstName: String, lastName: String) -> String {
        guard let initial = lastName.first else { return firstName }
        return "\(firstName) \(initial)."
    }

    /// The fields a client edits, checked: an optional company (one line) and an optional country.
    public struct Details: Hashable, Sendable {
        public let company: String
        public let countryCode: String?

        /// Throws one `ValidationError` naming each bad field.
        public init(company: String?, country: String?) throws {
            var errors: [FieldError] = []
            self.company = ProfileContent.optionalText(company, field: "company", length: ClientIdentity.companyLength, multiline: false, errors: &errors)
            var code: String?
            if let country, !country.isEmpty {
                if let known = Countries.country(code: country) { code = known.code } else {
                    errors.append(FieldError(field: "country", message: "must be an ISO 3166-1 country code such as FR"))
                }
            }
            countryCode = code
            guard errors.isEmpty else { throw ValidationError(errors) }
        }
    }
}
