import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `/api/search`: provider search with filters and facets, and the search box's suggestions. Public: no
/// personal data goes in or out.
struct SearchRoutes: Sendable {
    let search: ProviderSearch
    let catalog: SearchCatalog

    /// Suggestions are asked for on every key press; longer text is not a search anyone types.
    static let maximumSuggestionText = 100
    /// Answers may be cached briefly by browsers and proxies: they are the same for everyone.
    static let cacheControl = "public, max-age=30"

    func register(on api: RouterGroup<AgoraRequestContext>) {
        let group = api.group("search")
        group.get("providers", use: providers)
        group.get("suggestions", use: suggestions)
    }

    @Sendable func providers(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let query: ProviderSearchQuery
        do {
            query = try ProviderSearchQuery(parameters: try QueryParameters.pairs(of: request))
        } catch let invalid as ValidationError {
            throw Problem.invalidQuery(invalid.errors)
        }
        let result: ProviderSearchResult
        do {
            result = try await search.run(
                query, categories: try await catalog.categoryTree.get(), marketplaceMean: try await catalog.marketplaceMean.get()
            )
        } catch let invalid as ValidationError {
            throw Problem.invalidQuery(invalid.errors)
        }
        return try JSONResponse.make(ProviderSearchBody(result, query: query), cacheControl: Self.cacheControl)
    }

    @Sendable func suggestions(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        var text = ""
        var limit = SuggestionMatcher.maximumResults
        var errors: [FieldError] = []
        var seen = Set<String>()
        for (name, value) in try QueryParameters.pairs(of: request) {
            guard seen.insert(name).inserted else {
                errors.append(FieldError(field: name, message: "is given more than once"))
                continue
            }
            switch name {
            case "q":
                if value.count > Self.maximumSuggestionText {
                    errors.append(FieldError(field: "q", message: "must be at most \(Self.maximumSuggestionText) characters"))
                } else if value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                    errors.append(FieldError(field: "q", message: "must not contain control characters"))
                } else {
                    text = value
                }
            case "limit":
                if let number = Int(value), (1...SuggestionMatcher.maximumResults).contains(number) {
                    limit = number
                } else {
                    errors.append(FieldError(field: "limit", message: "must be a whole number from 1 to \(SuggestionMatcher.maximumResults)"))
                }
            default:
                errors.append(FieldError(field: String(name.prefix(60)), message: "is not a parameter of suggestions"))
            }
        }
        guard errors.isEmpty else { throw Problem.invalidQuery(errors) }
        let found = text.trimmingCharacters(in: .whitespaces).isEmpty ? [] : try await catalog.suggestions.get().suggest(text, limit: limit)
        return try JSONResponse.make(SuggestionsBody(query: text, suggestions: found), cacheControl: Self.cacheControl)
    }
}
