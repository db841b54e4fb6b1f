import Crypto
import Foundation

/// The keys that keep project messages unreadable at rest. A message body is sealed with AES-GCM under the current
/// key, bound to its project (a sealed body copied into another project's row does not open), and its row records
/// the key's id; the words it is found by are kept as keyed hashes (HMAC-SHA256, cut to 128 bits) of its normalised
/// words, a blind index that matches whole words and reveals nothing readable.
///
/// Rotation: put a new secret first and keep the old ones after it; messages sealed under an old key still open,
/// searches hash their words under every key, and `agora keys rotate` seals everything again under the first.
public struct MessageKeyring: Sendable {
    /// One key, derived from one secret: its id, the key that seals, the key that hashes words.
    public struct Key: Sendable {
        public let id: String
        let sealing: SymmetricKey
        let index: SymmetricKey

        init(secret: [UInt8]) {
            let material = SymmetricKey(data: secret)
            sealing = HKDF<SHA256>.deriveKey(inputKeyMaterial: material, info: Data("agora project messages v1".utf8), outputByteCount: 32)
            index = HKDF<SHA256>.deriveKey(inputKeyMaterial: material, info: Data("agora message index v1".utf8), outputByteCount: 32)
            let fingerprint = HKDF<SHA256>.deriveKey(inputKeyMaterial: material, info: Data("agora message key id v1".utf8), outputByteCount: 6)
            id = fingerprint.withUnsafeBytes { bytes in bytes.map { String(format: "%02x", $0) }.joined() }
        }
    }

    /// The current key first, then older ones still read.
    public let keys: [Key]

    /// `secrets` holds at least one secret; the first seals, every one opens.
    public init(secrets: [[UInt8]]) {
        precondition(!secrets.isEmpty, "a keyring needs a key")
        keys = secrets.map(Key.init(secret:))
    }

    public var current: Key { keys[0] }

    /// A message body sealed under the current key for `projectID`: base64 of nonce, ciphertext and tag.
    func seal(_ text: String, projectID: Int64) throws -> (sealed: String, keyID: String) {
        guard let combined = try AES.GCM.seal(Data(text.utf8), using: current.sealing, authenticating: Self.context(projectID)).combined else {
            throw CryptoKitError.incorrectParameterSize
        }
        return (combined.base64EncodedString(), current.id)
    }

    /// The text of a body sealed under the key `keyID` for `projectID`.
    func open(_ sealed: String, keyID: String, projectID: Int64) throws -> String {
        guard let key = keys.first(where: { $0.id == keyID }) else { throw MessageKeyError.unknownKey(keyID) }
        guard let combined = Data(base64Encoded: sealed) else { throw MessageKeyError.damaged }
        let plain = try AES.GCM.open(AES.GCM.SealedBox(combined: combined), using: key.sealing, authenticating: Self.context(projectID))
        return String(decoding: plain, as: UTF8.self)
    }

    /// The blind index entries of these normalised words under `key`.
    func terms(of words: [String], under key: Key) -> [String] {
        words.map { word in
            HMAC<SHA256>.authenticationCode(for: Data(word.utf8), using: key.index).prefix(16).map { String(format: "%02x", $0) }.joined()
        }
    }

    /// What a search looks for: each word's entries under every key, so that messages sealed before a rotation are
    /// found as well.
    func searchTerms(of words: [String]) -> [[String]] {
        words.map { word in keys.flatMap { terms(of: [word], under: $0) } }
    }

    private static func context(_ projectID: Int64) -> Data {
        Data("project:\(projectID)".utf8)
    }
}

/// A sealed message the keyring cannot open.
public enum MessageKeyError: Error, Equatable, CustomStringConvertible {
    /// Its key is no longer in the keyring: a secret was dropped before `agora keys rotate` finished.
    case unknownKey(String)
    case damaged

    public var description: String {
        switch self {
        case .unknownKey(let id): "a message is sealed under the key \(id), which is not among the message keys"
        case .damaged: "a sealed message is damaged"
        }
    }
}
