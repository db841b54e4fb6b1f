import Crypto

/// The id of a signing key, carried in the `kid` of the access tokens it signs: the first 12 hex digits of its
/// SHA-256, which names the key without revealing it. After a rotation the previous key is still found by its id.
enum SigningKeyID {
    static func of(_ key: [UInt8]) -> String {
        SHA256.hash(data: key).prefix(6).map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
    }
}
