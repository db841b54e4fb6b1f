import AgoraDomain
import Foundation
import Hummingbird

/// `GET /api/cities?q=ly&country=FR`: the cities of `Cities` whose name starts with `q` (any case, accents or
/// not), the most populous first — what the profile editor suggests as a provider types their city. Public, and
/// the same for everyone, so it is cached for a day.
struct CityRoutes: Sendable {
    struct CityBody: ResponseEncodable {
        let name: String
        let country: String
        let countryName: String
        let latitude: Double
        let longitude: Double
    }

    struct ListBody: ResponseEncodable {
        let cities: [CityBody]
    }

    static let cacheControl = "public, max-age=86400"
    static let prefixLength = 1...100

    func register(on api: RouterGroup<AgoraRequestContext>) {
        api.get("cities", use: suggest)
    }

    @Sendable func suggest(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<ListBody> {
        var errors: [FieldError] = []
        var prefix = ""
        var country: String?
        for (name, value) in request.uri.queryParameters {
            switch String(name) {
            case "q":
                let text = String(value)
                if !Self.prefixLength.contains(text.unicodeScalars.count) {
                    errors.append(FieldError(field: "q", message: "must be \(Self.prefixLength.lowerBound) to \(Self.prefixLength.upperBound) characters"))
                } else if !QueryText.hasVisibleCharacter(text) {
                    errors.append(FieldError(field: "q", message: "must hold more than spaces"))
                } else {
                    prefix = text.trimmingCharacters(in: .whitespacesAndNewlines)
                }
            case "country":
                if let known = Countries.country(code: String(value)) { country = known.code } else {
                    errors.append(FieldError(field: "country", message: "must be an ISO 3166-1 country code such as FR"))
                }
            default: errors.append(FieldError(field: String(name.prefix(60)), message: "is not a parameter of this search"))
            }
        }
        if prefix.isEmpty, !errors.contains(where: { $0.field == "q" }) { errors.append(FieldError(field: "q", message: "is required")) }
        guard errors.isEmpty else { throw Problem.invalidQuery(errors) }
        let cities = Cities.suggestions(prefix: prefix, countryCode: country).map {
            CityBody(name: $0.name, country: $0.countryCode, countryName: Countries.name(of: $0.countryCode), latitude: $0.latitude, longitude: $0.longitude)
        }
        return EditedResponse(headers: [.cacheControl: Self.cacheControl], response: ListBody(cities: cities))
    }
}
