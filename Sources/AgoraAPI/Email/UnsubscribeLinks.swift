import AgoraDomain
import Crypto
import Foundation

/// The one-click unsubscribe links of optional mail: the address and an HMAC of it under a key derived from the
/// signing key, so a link works without a database lookup and cannot be made for someone else's address.
public struct UnsubscribeLinks: Sendable {
    private let key: SymmetricKey
    let baseURL: String

    static let path = "/api/email/unsubscribe"

    public init(signingKey: [UInt8], baseURL: String) {
        key = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: signingKey), info: Data("agora unsubscribe".utf8), outputByteCount: 32
        )
        self.baseURL = baseURL
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
              HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: raw, using: key),
              let address = String(data: raw, encoding: .utf8)
        else { return nil }
        return try? Email(address)
    }
}
