/// A city of the list shipped with the product (`Cities`): where it is, so that searches by distance find the
/// providers who work from it.
public struct City: Hashable, Sendable {
    public let name: String
    /// ISO 3166-1 alpha-2.
    public let countryCode: String
    public let latitude: Double
    public let longitude: Double
    public let population: Int

    public init(name: String, countryCode: String, latitude: Double, longitude: Double, population: Int) {
        self.name = name
        self.countryCode = countryCode
        self.latitude = latitude
        self.longitude = longitude
        self.population = population
    }

    /// "Lyon, France".
    public var displayName: String { name + ", " + Countries.name(of: countryCode) }
}
