import AgoraDomain
import AsyncHTTPClient
import Foundation
import JWTKit
import NIOCore
import NIOFoundationCompat

/// The claims Agora reads from an ID token.
struct IDTokenClaims: JWTPayload {
    let iss: IssuerClaim
    let sub: SubjectClaim
    let aud: AudienceClaim
    let exp: ExpirationClaim
    let nonce: String?
    let email: String?
    let emailVerified: Bool?
    let givenName: String?
    let familyName: String?
    let name: String?

    enum CodingKeys: String, CodingKey {
        case iss, sub, aud, exp, nonce, email, name
        case emailVerified = "email_verified"
        case givenName = "given_name"
        case familyName = "family_name"
    }

    /// Issuer, audience, expiry and nonce are checked by `OIDCProvider.verify` with the injected clock.
    func verify(using algorithm: some JWTAlgorithm) throws {}
}

/// Why a sign-in through the issuer failed; each becomes a friendly message on the sign-in page.
enum OIDCFailure: String, Error {
    case disabled = "oidc-disabled"
    case denied = "oidc-denied"
    case failed = "oidc-failed"
    case linkRequired = "oidc-link-required"
    case alreadyLinked = "oidc-already-linked"
    /// The issuer does not vouch for the address, so it cannot open an account that counts as verified.
    case unverifiedEmail = "oidc-unverified-email"
    /// Sign-ups are turned off, and no account has this address or this issuer's account.
    case registrationClosed = "oidc-registration-closed"
}

/// Talks to the issuer: reads its discovery document and keys (cached; the keys are fetched again when a token names
/// a key not seen yet), builds the authorization URL, exchanges a code and verifies the ID token it returns.
actor OIDCProvider {
    struct Discovery: Decodable {
        let issuer: String
        let authorizationEndpoint: String
        let tokenEndpoint: String
        let jwksURI: String

        enum CodingKeys: String, CodingKey {
            case issuer
            case authorizationEndpoint = "authorization_endpoint"
            case tokenEndpoint = "token_endpoint"
            case jwksURI = "jwks_uri"
        }
    }

    let settings: OIDCSettings
    let redirectURI: String
    private let clock: any AgoraClock
    private var discovery: (document: Discovery, fetched: Date)?
    private var keys: JWTKeyCollection?

    init(settings: OIDCSettings, redirectURI: String, clock: any AgoraClock) {
        self.settings = settings
        self.redirectURI = redirectURI
        self.clock = clock
    }

    func authorizationURL(state: String, nonce: String, codeChallenge: String) async throws -> String {
        guard var components = URLComponents(string: try await document().authorizationEndpoint) else { throw OIDCFailure.failed }
        let existing = components.queryItems ?? []
        components.queryItems = existing + [
            URLQueryItem(name: "response_type", value: "code"),
            URLQueryItem(name: "client_id", value: settings.clientID),
            URLQueryItem(name: "redirect_uri", value: redirectURI),
            URLQueryItem(name: "scope", value: "openid email profile"),
            URLQueryItem(name: "state", value: state),
            URLQueryItem(name: "nonce", value: nonce),
            URLQueryItem(name: "code_challenge", value: codeChallenge),
            URLQueryItem(name: "code_challenge_method", value: "S256"),
        ]
        guard let url = components.string else { throw OIDCFailure.failed }
        return url
    }

    /// Exchanges the code (with the PKCE verifier) and returns the verified claims of the ID token.
    func signIn(code: String, codeVerifier: String, nonce: String) async throws -> IDTokenClaims {
        let document = try await document()
        var form = URLComponents()
        form.queryItems = [
            URLQueryItem(name: "grant_type", value: "authorization_code"),
            URLQueryItem(name: "code", value: code),
            URLQueryItem(name: "redirect_uri", value: redirectURI),
            URLQueryItem(name: "code_verifier", value: codeVerifier),
        ]
        var request = HTTPClientRequest(url: document.tokenEndpoint)
        request.method = .POST
        let credentials = Data("\(Self.formEncode(settings.clientID)):\(Self.formEncode(settings.clientSecret))".utf8).base64EncodedString()
        request.headers.add(name: "Authorization", value: "Basic \(credentials)")
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        request.body = .bytes(ByteBuffer(string: form.percentEncodedQuery ?? ""))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(15))
        let body = try await response.body.collect(upTo: 1 << 20)
        struct TokenResponse: Decodable { let id_token: String? }
        guard response.status == .ok, let idToken = try? JSONDecoder().decode(TokenResponse.self, from: body).id_token else {
            throw OIDCFailure.failed
        }
        return try await verify(idToken, nonce: nonce, issuer: document.issuer)
    }

    private func verify(_ token: String, nonce: String, issuer: String) async throws -> IDTokenClaims {
        var claims: IDTokenClaims?
        for attempt in 0..<2 {
            let collection = try await keyCollection(refresh: attempt > 0)
            if let verified = try? await collection.verify(token, as: IDTokenClaims.self) {
                claims = verified
                break
            }
        }
        guard let claims, claims.iss.value == issuer, claims.aud.value.contains(settings.clientID),
              claims.exp.value > clock.now, claims.nonce == nonce
        else { throw OIDCFailure.failed }
        return claims
    }

    private func document() async throws -> Discovery {
        if let discovery, clock.now.timeIntervalSince(discovery.fetched) < 3_600 { return discovery.document }
        let fetched: Discovery = try await fetchJSON(settings.issuer + "/.well-known/openid-configuration")
        discovery = (fetched, clock.now)
        return fetched
    }

    private func keyCollection(refresh: Bool) async throws -> JWTKeyCollection {
        if let keys, !refresh { return keys }
        let document = try await document()
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: document.jwksURI), timeout: .seconds(15))
        let body = try await response.body.collect(upTo: 1 << 20)
        guard response.status == .ok else { throw OIDCFailure.failed }
        let collection = try await JWTKeyCollection().add(jwksJSON: String(buffer: body))
        keys = collection
        return collection
    }

    private func fetchJSON<T: Decodable>(_ url: String) async throws -> T {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(15))
        let body = try await response.body.collect(upTo: 1 << 20)
        guard response.status == .ok, let value = try? JSONDecoder().decode(T.self, from: body) else { throw OIDCFailure.failed }
        return value
    }

    /// `application/x-www-form-urlencoded` for the client id and secret in HTTP Basic (RFC 6749 §2.3.1).
    private static func formEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
