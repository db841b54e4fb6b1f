/// Where a provider works from. Coordinates are optional; the country is an ISO 3166-1 alpha-2 code.
public struct ProviderLocation: Hashable, Sendable, Codable {
    public let city: String
    public let region: String?
    public let countryCode: String
    public let latitude: Double?
    public let longitude: Double?

    public init(city: String, region: String?, countryCode: String, latitude: Double?, longitude: Double?) {
        self.city = city
        self.region = region
        self.countryCode = countryCode
        self.latitude = latitude
        self.longitude = longitude
    }

    /// "Lyon, France" style text for pages.
    public var displayName: String {
        [city, Countries.name(of: countryCode)].filter { !$0.isEmpty }.joined(separator: ", ")
    }
}
