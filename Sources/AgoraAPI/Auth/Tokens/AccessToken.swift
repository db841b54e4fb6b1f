import AgoraDomain
import Foundation
import Crypto
import JWTKit

/// The claims of an access token: who (`sub`), in which role, in which session (`sid`), and until when. Nothing
/// personal: a token copied into a log reveals no name or address. A read-only view of an account for a staff member
/// (`viewer`, the staff account's id) lives in the staff member's session.
struct AccessClaims: JWTPayload, Equatable {
    var sub: SubjectClaim
    var role: String
    var sid: String
    var viewer: String?
    var jti: IDClaim
    var iat: IssuedAtClaim
    var exp: ExpirationClaim

    /// Expiry is checked by `AccessTokens.verify` against the injected clock, not the wall clock.
    func verify(using algorithm: some JWTAlgorithm) throws {}
}

/// Signs and checks access tokens (HS256). The current signing key signs, its id in the token's `kid`; tokens
/// signed by a previous key (`AGORA_JWT_PREVIOUS_SECRET`) are still accepted, found by their `kid`, so a rotation
/// signs nobody out. A token without a `kid` is checked with the current key.
struct AccessTokens: Sendable {
    private let keys: JWTKeyCollection
    private let currentID: JWKIdentifier
    let lifetime: TimeInterval

    init(signingKey: [UInt8], previousKeys: [[UInt8]] = [], lifetime: TimeInterval) async {
        keys = JWTKeyCollection()
        currentID = JWKIdentifier(string: SigningKeyID.of(signingKey))
        // The current key is added first: it is also the one for tokens without a `kid`.
        for key in [signingKey] + previousKeys {
            await keys.add(hmac: HMACKey(key: SymmetricKey(data: key)), digestAlgorithm: .sha256, kid: JWKIdentifier(string: SigningKeyID.of(key)))
        }
        self.lifetime = lifetime
    }

    func issue(userID: Int64, role: UserType, session: String, now: Date, viewer: Int64? = nil, lifetime: TimeInterval? = nil) async throws -> String {
        let claims = AccessClaims(
            sub: SubjectClaim(value: String(userID)),
            role: role.rawValue,
            sid: session,
            viewer: viewer.map(String.init),
            jti: IDClaim(value: UUID().uuidString.lowercased()),
            iat: IssuedAtClaim(value: now),
            exp: ExpirationClaim(value: now.addingTimeInterval(lifetime ?? self.lifetime))
        )
        return try await keys.sign(claims, kid: currentID)
    }

    /// The claims of a token this service signed and that has not expired at `now`; nil otherwise, whatever the
    /// reason (malformed, another key or algorithm, `alg: none`, expired).
    func verify(_ token: String, now: Date) async -> AccessClaims? {
        guard let claims = try? await keys.verify(token, as: AccessClaims.self) else { return nil }
        guard claims.exp.value > now else { return nil }
        return claims
    }
}
