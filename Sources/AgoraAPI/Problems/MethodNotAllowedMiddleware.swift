import HTTPTypes
import Hummingbird
import NIOConcurrencyHelpers

/// Answers a request to a route that exists (the API's, `/metrics`), with a method it does not take, `405 Method Not Allowed` with an
/// `Allow` header naming the methods it takes (RFC 9110), instead of the router's 404. A 404 from a route that
/// matched (an order that does not exist) stays a 404.
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: RouteMethods

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPResponseError where error.status == .notFound {
            let path = request.uri.path
            let allowed = routes.methods(for: path)
            guard !allowed.isEmpty, !allowed.contains(request.method), !(request.method == .head && allowed.contains(.get)) else { throw error }
            let names = (allowed.contains(.get) ? allowed.union([.head]) : allowed).map(\.rawValue).sorted()
            var problem = Problem(status: .methodNotAllowed, detail: "\(path) takes \(names.joined(separator: ", ")).", instance: path)
            problem.headers["Allow"] = names.joined(separator: ", ")
            throw problem
        }
    }
}

/// The methods each route pattern of the router takes, filled once every route is registered.
final class RouteMethods: Sendable {
    private let patterns = NIOLockedValueBox<[(segments: [Substring], methods: Set<HTTPRequest.Method>)]>([])

    /// Takes the router's routes (`/api/orders/{id}/files` and the like).
    func fill(_ routes: [(path: String, method: HTTPRequest.Method)]) {
        var byPath: [String: Set<HTTPRequest.Method>] = [:]
        for route in routes { byPath[route.path, default: []].insert(route.method) }
        patterns.withLockedValue { $0 = byPath.map { (Self.segments($0.key), $0.value) } }
    }

    /// The methods of the patterns the path matches; empty when none does. A pattern without captures that matches
    /// (`/api/orders/inbox`) speaks for the path alone, as the router prefers it over `/api/orders/{id}`.
    func methods(for path: String) -> Set<HTTPRequest.Method> {
        let segments = Self.segments(path)
        return patterns.withLockedValue { patterns in
            let matching = patterns.filter { Self.matches($0.segments, segments) }
            let exact = matching.filter { $0.segments == segments }
            return (exact.isEmpty ? matching : exact).reduce(into: Set()) { $0.formUnion($1.methods) }
        }
    }

    private static func segments(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }

    /// A `{capture}` or `*` matches one segment, `**` the rest.
    private static func matches(_ pattern: [Substring], _ path: [Substring]) -> Bool {
        if pattern.last == "**" { return path.count >= pattern.count - 1 && matches(Array(pattern.dropLast()), Array(path.prefix(pattern.count - 1))) }
        guard pattern.count == path.count else { return false }
        return zip(pattern, path).allSatisfy { expected, actual in
            expected == actual || expected == "*" || (expected.hasPrefix("{") && expected.hasSuffix("}")) || expected.hasPrefix(":")
        }
    }
}
