/// Where the client wants the work done from: anywhere (remote), by someone in one country, or by someone within
/// a distance of a point.
public enum LocationPreference: Hashable, Sendable {
    case remote
    case country(String)
    case near(GeoCircle)

    /// The kind's name as the API spells it.
    public var kind: String {
        switch self {
        case .remote: "remote"
        case .country: "country"
        case .near: "near"
        }
    }

    public static let kinds = ["remote", "country", "near"]

    /// Reads the API's flat fields (`location`, then `country`, or `latitude`, `longitude` and `radius_km`); each
    /// missing or bad one is a field error.
    public static func read(
        kind: String?, country: String?, latitude: Double?, longitude: Double?, radiusKilometres: Double?,
        errors: inout [FieldError]
    ) -> LocationPreference? {
        switch kind ?? "remote" {
        case "remote":
            return .remote
        case "country":
            guard let country, let known = Countries.country(code: country) else {
                errors.append(FieldError(field: "country", message: country == nil ? "is required for a country preference" : "is not a known ISO 3166 country code"))
                return nil
            }
            return .country(known.code)
        case "near":
            guard let latitude, let longitude, let radiusKilometres else {
                for (field, value) in [("latitude", latitude), ("longitude", longitude), ("radius_km", radiusKilometres)] where value == nil {
                    errors.append(FieldError(field: field, message: "is required for a distance preference"))
                }
                return nil
            }
            do {
                return .near(try GeoCircle(centre: try GeoPoint(latitude: latitude, longitude: longitude), radiusKilometres: radiusKilometres))
            } catch let invalid as ValidationError {
                errors += invalid.errors
            } catch {
                errors.append(FieldError(field: "location", message: "is not a valid place"))
            }
            return nil
        default:
            errors.append(FieldError(field: "location", message: "must be one of \(kinds.joined(separator: ", "))"))
            return nil
        }
    }
}
