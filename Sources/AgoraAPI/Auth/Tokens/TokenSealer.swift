import AgoraDomain
import Crypto
import Foundation

/// Seals a secret the service must read back later with AES-GCM, so that it is not readable from the database
/// alone: a refresh token's successor, kept for the grace window, and an authenticator's secret. The key is derived
/// from the signing key (HKDF, one key per purpose), never stored; what a previous signing key sealed still opens
/// after a rotation.
struct TokenSealer: Sendable {
    /// What is sealed; each purpose has a key of its own.
    enum Purpose: String, Sendable {
        case refreshSuccessor = "agora refresh successor"
        case authenticatorSecret = "agora authenticator secret"
    }

    private let key: SymmetricKey
    private let previous: [SymmetricKey]

    init(signingKey: [UInt8], previousKeys: [[UInt8]] = [], purpose: Purpose = .refreshSuccessor) {
        key = Self.derive(signingKey, purpose)
        previous = previousKeys.map { Self.derive($0, purpose) }
    }

    private static func derive(_ signingKey: [UInt8], _ purpose: Purpose) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: signingKey), info: Data(purpose.rawValue.utf8), outputByteCount: 32)
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
