import Crypto
import Foundation

/// Seals a refresh token with AES-GCM so that its successor can be kept for the grace window without being
/// readable from the database alone. The key is derived from the signing key (HKDF), never stored; what a previous
/// signing key sealed still opens after a rotation.
struct TokenSealer: Sendable {
    private let key: SymmetricKey
    private let previous: [SymmetricKey]

    init(signingKey: [UInt8], previousKeys: [[UInt8]] = []) {
        key = Self.derive(signingKey)
        previous = previousKeys.map(Self.derive)
    }

    private static func derive(_ signingKey: [UInt8]) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: signingKey), info: Data("agora refresh successor".utf8), outputByteCount: 32)
    }

    func seal(_ token: String) throws -> String {
        guard let combined = try AES.GCM.seal(Data(token.utf8), using: key).combined else {
            throw CryptoKitError.incorrectParameterSize
        }
        return Base64URL.encode(combined)
    }

    func open(_ sealed: String) -> String? {
        guard let data = Base64URL.decode(sealed), let box = try? AES.GCM.SealedBox(combined: data) else { return nil }
        for candidate in [key] + previous {
            if let plain = try? AES.GCM.open(box, using: candidate) { return String(data: plain, encoding: .utf8) }
        }
        return nil
    }
}
