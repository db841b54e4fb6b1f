/// The OpenID Connect issuer behind "Sign in with Google": Google by default, any issuer that publishes its
/// discovery document (`AGORA_OIDC_ISSUER`). Off unless a client id is configured.
public struct OIDCSettings: Sendable, Hashable {
    public var issuer: String
    public var clientID: String
    public var clientSecret: String

    public static let google = "https://accounts.google.com"

    public init(issuer: String = OIDCSettings.google, clientID: String, clientSecret: String) {
        self.issuer = issuer.hasSuffix("/") ? String(issuer.dropLast()) : issuer
        self.clientID = clientID
        self.clientSecret = clientSecret
    }
}
