import AgoraDomain
import Crypto
import Foundation

/// Opaque secrets handed to users (refresh, verification and reset tokens): 32 bytes from the system's secure
/// generator, base64url without padding (43 characters). Only their SHA-256 is stored.
enum SecureToken {
    static let byteCount = 32
    static let encodedLength = 43

    static func generate(bytes: Int = byteCount) -> String {
        var generator = SystemRandomNumberGenerator()
        let raw = (0..<bytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Base64URL.encode(raw)
    }

    /// The stored form of a token: lower-case hex SHA-256.
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).hexadecimal
    }

    /// Whether `text` could be a token this service issued, checked before any database lookup.
    static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == encodedLength && text.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
    }
}
