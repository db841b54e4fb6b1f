import Foundation

/// A validated provider search: what `GET /api/search/providers` accepts, whichever engine answers it.
/// Build one from query parameters with `init(parameters:)`, which names every bad parameter at once.
public struct ProviderSearchQuery: Hashable, Sendable {
    /// Where the provider works. The three kinds exclude each other.
    public enum Place: Hashable, Sendable {
        case near(GeoCircle)
        case area(countryCode: String, city: String?)
        case remote
    }

    public enum SkillMatch: String, Hashable, Sendable, CaseIterable {
        case all
        case any
    }

    public enum AvailabilityFilter: Hashable, Sendable {
        /// Taking work today (available or limited).
        case now
        /// Taking work on that day: available or limited now, or available again by then.
        case on(Date)
    }

    public static let defaultLimit = 20
    public static let maximumLimit = 100
    public static let maximumTextLength = 200

    /// Search parameters take no control character at all (a query string has no use for tabs or line breaks).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F
    }

    /// `isControl` as a JSON Schema pattern, for the OpenAPI document.
    public static let textPattern = #"^[^\u0000-\u001F\u007F]*$"#
    public static let maximumListItems = 10
    public static let maximumSkillLength = 60

    public var terms = SearchTerms("")
    public var categorySlug: Slug?
    public var place: Place?
    /// The currency of `minimumRate`, `maximumRate`, of prices in the answer and of the price facet.
    public var currency = CurrencyCode.eur
    /// Hourly rate bounds in minor units of `currency`, both inclusive.
    public var minimumRate: Int64?
    public var maximumRate: Int64?
    /// Lower-cased skill names.
    public var skills: [String] = []
    public var skillMatch = SkillMatch.all
    public var availability: AvailabilityFilter?
    public var minimumRating: Double?
    public var minimumReviews: Int?
    /// ISO 639-1 codes; a provider speaking any of them matches.
    public var languages: [String] = []
    public var verifiedOnly = false
    /// Only providers who joined after this moment: what a saved search's alert reports. Not a URL parameter.
    public var joinedAfter: Date?
    public var sort = SearchSort.relevance
    public var limit = defaultLimit
    public var cursor: SearchCursor?

    public init() {}

    /// The point distances are measured from, when the search has one.
    public var centre: GeoPoint? {
        if case .near(let circle) = place { return circle.centre }
        return nil
    }
}
