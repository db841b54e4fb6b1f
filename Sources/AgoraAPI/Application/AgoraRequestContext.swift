import AgoraDomain
import Foundation
import Hummingbird
import Logging
import NIOCore

/// The per-request context every route receives. Its logger carries the request id (`hb.request.id`); after
/// `AuthenticationMiddleware`, `identity` holds the signed-in user.
public struct AgoraRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// Who is asking, once an access token was checked; nil on public routes.
    public var identity: Identity?
    /// The staff role of the person asking, on admin routes (`PermissionMiddleware`).
    public var staffRole: StaffRole?

    /// Request bodies are read field by field (`RequestBody`), every bad field named.
    public var requestDecoder: APIRequestDecoder { APIRequestDecoder() }
    /// Answers are written as the whole API writes them.
    public var responseEncoder: APIResponseEncoder { APIResponseEncoder() }

    /// The client's address: the connection's peer, or the address trusted proxies forwarded
    /// (`ClientAddressMiddleware`); nil for a connection without one (a Unix socket, the in-process tests).
    var clientIP: IPAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
        clientIP = remoteAddress?.ipAddress.flatMap { IPAddress($0) }
    }

    /// The client's IP address, for the authentication log.
    var clientAddress: String {
        clientIP?.description ?? "local"
    }

    /// What rate limits and lockouts count for this client: its address, or its /64 for IPv6.
    var clientLimitKey: String {
        clientIP?.limitKey ?? "local"
    }

    /// The positive whole number in the path parameter `name`; anything else is `notFound`, the answer for an id
    /// that names nothing, so that a malformed id tells no more than a missing one.
    func pathID(_ name: String, notFound: Problem) throws -> Int64 {
        guard let text = parameters.get(name), let id = Int64(text), id > 0 else { throw notFound }
        return id
    }

    /// The identity of a route behind `AuthenticationMiddleware`; a 401 if the route was registered without it.
    func requireIdentity() throws -> Identity {
        guard let identity else { throw Problem.unauthenticated }
        return identity
    }
}

/// The signed-in user of a request, as the access token and the session row prove.
public struct Identity: Sendable, Hashable {
    public let userID: Int64
    public let role: UserType
    /// The session's public id (the token's `sid`).
    public let session: String
    /// Whether the session was opened (or later confirmed) with a second factor: what administration requires.
    public let secondFactor: Bool
    /// When the person last proved who they are in this session: what dangerous actions look at.
    public let reauthenticatedAt: Date
    /// The staff account viewing this account read-only, when this is such a view: nothing may be changed.
    public var viewedBy: Int64? = nil
}
