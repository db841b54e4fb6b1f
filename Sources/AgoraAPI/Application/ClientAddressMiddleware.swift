import HTTPTypes
import Hummingbird

/// Settles who the client is before anything counts it: the connection's peer, or what the trusted proxies in front
/// of the service forwarded (`TrustedProxies`). Without trusted proxies the forwarding headers are never read.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = AgoraRequestContext
    let proxies: TrustedProxies

    static let forwarded = HTTPField.Name("Forwarded")!
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !proxies.ranges.isEmpty else { return try await next(request, context) }
        var context = context
        context.clientIP = proxies.client(
            peer: context.clientIP, forwarded: request.headers[values: Self.forwarded], forwardedFor: request.headers[values: Self.forwardedFor]
        )
        return try await next(request, context)
    }
}
