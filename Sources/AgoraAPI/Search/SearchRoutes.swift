import AgoraDomain
import AgoraStore
import Foundation
import HTTPTypes
import Hummingbird

/// `/api/search`: provider search with filters and facets, and the search box's suggestions. Public: no
/// personal data goes in or out.
struct SearchRoutes: Sendable {
    let search: ProviderSearch
    let catalog: SearchCatalog
    let cache: any ResponseCache
    let analytics: SearchAnalytics
    let limiter: RateLimiter

    /// Answers may be cached briefly by browsers and proxies: they are the same for everyone.
    static let cacheControl = "public, max-age=30"
    /// How long the service keeps an answer (it is dropped sooner when the index changes).
    static let answerLifetime: TimeInterval = 60
    /// Says whether an answer came from the cache (`hit`) or was computed (`miss`).
    static let cacheHeader = HTTPField.Name("X-Cache")!

    func register(on api: RouterGroup<AgoraRequestContext>) {
        let group = api.group("search")
        group.get("providers", use: providers)
        group.get("suggestions", use: suggestions)
        group.post("clicks", use: click)
    }

    @Sendable func providers(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let query: ProviderSearchQuery
        let pairs = try QueryParameters.pairs(of: request)
        do {
            query = try ProviderSearchQuery(parameters: pairs)
        } catch let invalid as ValidationError {
            throw Problem.invalidQuery(invalid.errors)
        }
        let categories = try await catalog.categoryTree.get()
        let (response, total) = try await cached("providers", pairs, client: context.clientLimitKey) {
            try await answer(query, categories: categories)
        }
        // The first page of a search is one search; the pages after it are the same one read further.
        if query.cursor == nil, let total {
            let categoryID = query.categorySlug.flatMap { categories.category(slug: $0)?.id }
            await analytics.recordSearch(query.terms, categoryID: categoryID, total: total)
        }
        return response
    }

    /// `POST /api/search/clicks` with `{"query": "…"}`: a result of that search was opened. Counted per query, never
    /// per person; 120 a minute per IP.
    @Sendable func click(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        try await limiter.hit(.searchClick, key: context.clientLimitKey)
        let click = try await request.decode(as: ClickInput.self, context: context)
        await analytics.recordClick(SearchTerms(click.query ?? ""))
        return Response(status: .noContent)
    }

    struct ClickInput: RequestBody {
        static let fields: Set<String> = ["query"]
        let query: String?

        init(reading body: inout JSONObjectBody) {
            query = body.string("query", maximumLength: ProviderSearchQuery.maximumTextLength)
        }
    }

    private func answer(_ query: ProviderSearchQuery, categories: CategoryTree) async throws -> (Data, Int?) {
        let result: ProviderSearchResult
        do {
            let snapshot = try await catalog.snapshot.current(generation: try await catalog.generation.get())
            result = try await search.run(query, snapshot: snapshot, categories: categories)
        } catch let invalid as ValidationError {
            throw Problem.invalidQuery(invalid.errors)
        }
        return (try APIResponseEncoder.data(of: ProviderSearchBody(result, query: query)), result.total)
    }

    /// The answer kept for the same parameters and index generation, or a new one (then kept), with the number of
    /// results it reported, when it counts any. Only a new one counts against the client's `uncachedSearch` limit.
    private func cached(
        _ route: String, _ pairs: [(name: String, value: String)], client: String, compute: () async throws -> (Data, Int?)
    ) async throws -> (Response, Int?) {
        let canonical = pairs.map { "\($0.name)=\($0.value)" }.sorted().joined(separator: "&")
        let key = "\(route)|\(try await catalog.generation.get())|\(canonical)"
        let totalKey = key + "|total"
        if let data = await cache.value(for: key) {
            var response = APIResponseEncoder.response(data: data, cacheControl: Self.cacheControl)
            response.headers[Self.cacheHeader] = "hit"
            let total = await cache.value(for: totalKey).flatMap { Int(String(decoding: $0, as: UTF8.self)) }
            return (response, total)
        }
        try await limiter.hit(.uncachedSearch, key: client)
        let (data, total) = try await compute()
        await cache.store(data, for: key, lifetime: Self.answerLifetime)
        if let total { await cache.store(Data(String(total).utf8), for: totalKey, lifetime: Self.answerLifetime) }
        var response = APIResponseEncoder.response(data: data, cacheControl: Self.cacheControl)
        response.headers[Self.cacheHeader] = "miss"
        return (response, total)
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
                if value.unicodeScalars.count > SuggestionMatcher.maximumTextLength {
                    errors.append(FieldError(field: "q", message: "must be at most \(SuggestionMatcher.maximumTextLength) characters"))
                } else if value.unicodeScalars.contains(where: ProviderSearchQuery.isControl) {
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
        return try await cached("suggestions", [("q", text), ("limit", String(limit))], client: context.clientLimitKey) {
            let found = text.trimmingCharacters(in: .whitespaces).isEmpty ? [] : try await catalog.suggestions.get().suggest(text, limit: limit)
            return (try APIResponseEncoder.data(of: SuggestionsBody(query: text, suggestions: found)), nil)
        }.0
    }
}
