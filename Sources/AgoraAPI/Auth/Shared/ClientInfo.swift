import Hummingbird

/// Where a request comes from, for rate limits, the sessions page and the authentication log.
struct ClientInfo: Sendable {
    /// The client's address, as shown in the security log.
    let ipAddress: String
    /// What limits and lockouts count (`IPAddress.limitKey`): the address, or its /64 for IPv6.
    let limitKey: String
    let userAgent: String

    init(ipAddress: String, limitKey: String? = nil, userAgent: String) {
        self.ipAddress = ipAddress
        self.limitKey = limitKey ?? ipAddress
        self.userAgent = userAgent
    }

    /// The client of a request: its address as `ClientAddressMiddleware` settled it, and its user agent.
    init(_ request: Request, _ context: AgoraRequestContext) {
        self.init(
            ipAddress: context.clientAddress, limitKey: context.clientLimitKey,
            userAgent: String((request.headers[.userAgent] ?? "").prefix(512))
        )
    }
}
