import Foundation

/// A point on the Earth in degrees (WGS 84 latitude and longitude).
public struct GeoPoint: Hashable, Sendable, Codable {
    public let latitude: Double
    public let longitude: Double

    /// The mean Earth radius (IUGG), the one every distance in Agora uses.
    public static let earthRadiusKilometres = 6_371.0088

    public init(latitude: Double, longitude: Double) throws {
        var errors: [FieldError] = []
        if !(latitude.isFinite && (-90...90).contains(latitude)) {
            errors.append(FieldError(field: "latitude", message: "must be between -90 and 90"))
        }
        if !(longitude.isFinite && (-180...180).contains(longitude)) {
            errors.append(FieldError(field: "longitude", message: "must be between -180 and 180"))
        }
        guard errors.isEmpty else { throw ValidationError(errors) }
        self.latitude = latitude
        self.longitude = longitude
    }

    /// The point as a unit vector from the Earth's centre. The dot product of two such vectors is the cosine of
    /// the angle between the points, so a radius test needs only multiplications: the database compares stored
    /// vectors without trigonometric functions (which SQLite does not have).
    public var unitVector: (x: Double, y: Double, z: Double) {
        let phi = latitude * .pi / 180
        let lambda = longitude * .pi / 180
        return (cos(phi) * cos(lambda), cos(phi) * sin(lambda), sin(phi))
    }

    /// Great-circle distance by the haversine formula.
    public func distanceKilometres(to other: GeoPoint) -> Double {
        let phi1 = latitude * .pi / 180
        let phi2 = other.latitude * .pi / 180
        let deltaPhi = phi2 - phi1
        let deltaLambda = (other.longitude - longitude) * .pi / 180
        let a = sin(deltaPhi / 2) * sin(deltaPhi / 2) + cos(phi1) * cos(phi2) * sin(deltaLambda / 2) * sin(deltaLambda / 2)
        return 2 * Self.earthRadiusKilometres * asin(min(1, sqrt(a)))
    }

    /// The distance that corresponds to a dot product of unit vectors (see `unitVector`).
    public static func distanceKilometres(dotProduct: Double) -> Double {
        acos(max(-1, min(1, dotProduct))) * earthRadiusKilometres
    }
}

/// Everything within `radiusKilometres` of `centre`.
public struct GeoCircle: Hashable, Sendable {
    public static let maximumRadiusKilometres = 20_000.0

    public let centre: GeoPoint
    public let radiusKilometres: Double

    public init(centre: GeoPoint, radiusKilometres: Double) throws {
        guard radiusKilometres.isFinite, radiusKilometres > 0, radiusKilometres <= Self.maximumRadiusKilometres else {
            throw ValidationError(field: "radius_km", message: "must be more than 0 and at most \(Int(Self.maximumRadiusKilometres))")
        }
        self.centre = centre
        self.radiusKilometres = radiusKilometres
    }

    /// A point is inside when the dot product of its unit vector with the centre's is at least this.
    public var minimumDotProduct: Double { cos(radiusKilometres / GeoPoint.earthRadiusKilometres) }

    /// The band of latitudes the circle can touch, slightly widened: a cheap, indexable first filter.
    public var latitudeRange: ClosedRange<Double> {
        let degrees = radiusKilometres / GeoPoint.earthRadiusKilometres * 180 / .pi + 0.01
        return max(-90, centre.latitude - degrees)...min(90, centre.latitude + degrees)
    }

    public func contains(_ point: GeoPoint) -> Bool {
        centre.distanceKilometres(to: point) <= radiusKilometres
    }
}
