import AgoraDomain
import Crypto
import Foundation

/// The private calendar feed links: `/api/calendar/{token}.ics`, the token being the person, the generation of their
/// link and an HMAC of both under a key derived from the signing key. Nothing secret is stored: rotating moves the
/// stored generation on, and every link of an earlier one stops at once. Links made under a previous signing key
/// still work after a rotation of the key.
public struct CalendarFeedLinks: Sendable {
    private let key: SymmetricKey
    private let previous: [SymmetricKey]
    let baseURL: String

    public init(signingKey: [UInt8], previousKeys: [[UInt8]] = [], baseURL: String) {
        key = Self.derive(signingKey)
        previous = previousKeys.map(Self.derive)
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    }

    private static func derive(_ signingKey: [UInt8]) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: signingKey), info: Data("agora calendar feed".utf8), outputByteCount: 32)
    }

    /// `{user}.{generation}.{mac}` (the MAC in base64url, which may hold `-`).
    public func token(userID: Int64, generation: Int) -> String {
        "\(userID).\(generation)." + Self.mac(userID: userID, generation: generation, key: key)
    }

    public func url(userID: Int64, generation: Int) -> String {
        baseURL + "/api/calendar/" + token(userID: userID, generation: generation) + ".ics"
    }

    /// The person and generation a token names, when its MAC is right; whether the generation is still the
    /// current one is the caller's to check.
    public func read(_ token: String) -> (userID: Int64, generation: Int)? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let userID = Int64(parts[0]), let generation = Int(parts[1]), parts[2].count <= 64 else { return nil }
        let given = String(parts[2])
        guard ([key] + previous).contains(where: { ConstantTime.equal(Self.mac(userID: userID, generation: generation, key: $0), given) }) else { return nil }
        return (userID, generation)
    }

    private static func mac(userID: Int64, generation: Int, key: SymmetricKey) -> String {
        Base64URL.encode(HMAC<SHA256>.authenticationCode(for: Data("\(userID)\n\(generation)".utf8), using: key))
    }
}
