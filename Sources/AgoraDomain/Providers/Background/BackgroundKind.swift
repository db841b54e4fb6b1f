/// The three lists of a provider's background, each with its own rules for what an entry must say.
public enum BackgroundKind: String, Sendable, Codable, CaseIterable {
    case experience
    case education
    case certification

    /// The profile field that holds the list, as the API names it.
    public var field: String {
        switch self {
        case .experience: "experience"
        case .education: "education"
        case .certification: "certifications"
        }
    }

    /// The heading of the list on the provider's page.
    public var heading: String {
        switch self {
        case .experience: "Experience"
        case .education: "Education"
        case .certification: "Certifications"
        }
    }

    /// What an entry's title and organisation are, in messages and forms.
    public var titleName: String {
        switch self {
        case .experience: "role"
        case .education: "degree or course"
        case .certification: "certificate"
        }
    }

    public var organisationName: String {
        switch self {
        case .experience: "company or client"
        case .education: "school"
        case .certification: "issuer"
        }
    }

    /// A self-employed provider may have no company; a degree has a school and a certificate an issuer.
    public var needsOrganisation: Bool { self != .experience }

    /// Work and certificates are dated from when they began; studies may be listed without dates.
    public var needsStart: Bool { self != .education }

    /// Only a certificate links to where it can be checked.
    public var hasLink: Bool { self == .certification }

    /// How an open end reads: work still going on, studies under way, a certificate that does not expire.
    public var openEnd: String {
        switch self {
        case .experience: "present"
        case .education: "present"
        case .certification: "no expiry"
        }
    }
}
