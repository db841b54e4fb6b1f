/// Where a request comes from, for rate limits, the sessions page and the authentication log.
struct ClientInfo: Sendable {
    let ipAddress: String
    let userAgent: String
}
