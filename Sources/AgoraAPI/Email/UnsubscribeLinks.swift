import AgoraDomain
import Crypto
import Foundation

/// The one-click unsubscribe links of optional mail: the address and an HMAC of it under a key derived from the
/// signing key, so a link works without a database lookup and cannot be made for someone else's address. Links
/// made under a previous signing key still work after a rotation.
public struct UnsubscribeLinks: Sendable {
    private let key: SymmetricKey
    private let previous: [SymmetricKey]
    let baseURL: String

    static let path = "/api/email/unsubscribe"

    public init(signingKey: [UInt8], previousKeys: [[UInt8]] = [], baseURL: String) {
        key = Self.derive(signingKey)
        previous = previousKeys.map(Self.derive)
        self.baseURL = baseURL
    }

    private static func derive(_ signingKey: [UInt8]) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: signingKey), info: Data("agora unsubscribe".utf8), outputByteCount: 32)
    }

    func token(for email: Email) -> String {
        Base64URL.encode(Data(email.value.utf8)) + "." + Base64URL.encode(HMAC<SHA256>.authenticationCode(for: Data(email.value.utf8), using: key))
    }

    /// The URL for the `List-Unsubscribe` header.
    public func url(for email: Email) -> String {
        baseURL + Self.path + "?token=" + token(for: email)
    }

    /// The address a token was made for, if it is genuine.
    func email(in token: String) -> Email? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let raw = Base64URL.decode(String(parts[0])), let mac = Base64URL.decode(String(parts[1])),
              ([key] + previous).contains(where: { HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: raw, using: $0) }),
              let address = String(data: raw, encoding: .utf8)
        else { return nil }
        return try? Email(address)
    }
}
