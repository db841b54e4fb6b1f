import AgoraDomain
import Crypto
import Foundation

/// The one-click unsubscribe links of optional mail (RFC 8058): the address, what the link stops
/// (`UnsubscribeScope`) and an HMAC of both under a key derived from the signing key, so a link works without a
/// database lookup and cannot be made for someone else's address or widened to another scope. Links made under a
/// previous signing key still work after a rotation.
public struct UnsubscribeLinks: Sendable {
    private let key: SymmetricKey
    private let previous: [SymmetricKey]
    let baseURL: String

    /// Where mail clients POST (`List-Unsubscribe`); a GET there describes the link without changing anything.
    public static let path = "/api/email/unsubscribe"

    public init(signingKey: [UInt8], previousKeys: [[UInt8]] = [], baseURL: String) {
        key = Self.derive(signingKey)
        previous = previousKeys.map(Self.derive)
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    }

    private static func derive(_ signingKey: [UInt8]) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: signingKey), info: Data("agora unsubscribe".utf8), outputByteCount: 32)
    }

    /// What is signed: the address alone for every optional email (as the first links were), the scope's name and the
    /// address otherwise. An address holds no line break, so no two scopes sign the same bytes.
    private static func signed(_ email: Email, _ scope: UnsubscribeScope) -> Data {
        scope == .allOptionalMail ? Data(email.value.utf8) : Data((scope.name + "\n" + email.value).utf8)
    }

    /// `address.mac` for every optional email, `address.scope.mac` for a narrower scope.
    public func token(for email: Email, scope: UnsubscribeScope = .allOptionalMail) -> String {
        let mac = Base64URL.encode(HMAC<SHA256>.authenticationCode(for: Self.signed(email, scope), using: key))
        let address = Base64URL.encode(Data(email.value.utf8))
        return scope == .allOptionalMail ? address + "." + mac : address + "." + scope.name + "." + mac
    }

    /// The URL for the `List-Unsubscribe` header, which mail clients POST to.
    public func url(for email: Email, scope: UnsubscribeScope = .allOptionalMail) -> String {
        baseURL + Self.path + "?token=" + token(for: email, scope: scope)
    }

    /// The page a person opens from the email's footer: it says what the link stops and asks before it does.
    public func pageURL(for email: Email, scope: UnsubscribeScope) -> String {
        baseURL + PagePaths.unsubscribe + "?token=" + token(for: email, scope: scope)
    }

    /// The address and scope a token was made for, if it is genuine.
    public func read(_ token: String) -> (email: Email, scope: UnsubscribeScope)? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 || parts.count == 3, let raw = Base64URL.decode(parts[0]), let mac = Base64URL.decode(parts[parts.count - 1]),
              let address = String(data: raw, encoding: .utf8), let email = try? Email(address), email.value == address,
              let scope = parts.count == 2 ? UnsubscribeScope.allOptionalMail : UnsubscribeScope(name: parts[1]),
              parts.count == 2 || scope != .allOptionalMail
        else { return nil }
        let signed = Self.signed(email, scope)
        guard ([key] + previous).contains(where: { HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: signed, using: $0) }) else { return nil }
        return (email, scope)
    }
}
