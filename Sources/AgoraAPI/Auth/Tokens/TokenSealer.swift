import Crypto
import Foundation

/// Seals a refresh token with AES-GCM so that its successor can be kept for the grace window without being
/// readable from the database alone. The key is derived from the signing key (HKDF), never stored.
struct TokenSealer: Sendable {
    private let key: SymmetricKey

    init(signingKey: [UInt8]) {
        key = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: signingKey),
            info: Data("agora refresh successor".utf8),
            outputByteCount: 32
        )
    }

    func seal(_ token: String) throws -> String {
        guard let combined = try AES.GCM.seal(Data(token.utf8), using: key).combined else {
            throw CryptoKitError.incorrectParameterSize
        }
        return Base64URL.encode(combined)
    }

    func open(_ sealed: String) -> String? {
        guard let data = Base64URL.decode(sealed),
              let box = try? AES.GCM.SealedBox(combined: data),
              let plain = try? AES.GCM.open(box, using: key)
        else { return nil }
        return String(data: plain, encoding: .utf8)
    }
}
