import Crypto
import Foundation

/// Encrypts verification documents at rest with AES-256-GCM. The key is derived (HKDF-SHA256) from the configured
/// secret (`AGORA_DOCUMENT_KEY`); each file's storage name is authenticated with it, so a file moved under another
/// request's name does not open.
struct DocumentCipher: Sendable {
    private let key: SymmetricKey

    init(secret: [UInt8]) {
        key = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: secret), info: Data("agora verification documents v1".utf8), outputByteCount: 32
        )
    }

    /// Nonce, ciphertext and tag, together.
    func seal(_ plain: Data, name: String) throws -> Data {
        guard let combined = try AES.GCM.seal(plain, using: key, authenticating: Data(name.utf8)).combined else {
            throw CryptoKitError.incorrectParameterSize
        }
        return combined
    }

    func open(_ sealed: Data, name: String) throws -> Data {
        try AES.GCM.open(AES.GCM.SealedBox(combined: sealed), using: key, authenticating: Data(name.utf8))
    }
}
