import Foundation

/// One-time codes that stand in for the authenticator when the phone is lost: ten per account, 50 random bits each,
/// shown once as `xxxxx-xxxxx` and stored only as hashes. Typing ignores case, spaces and dashes.
enum RecoveryCodes {
    static let count = 10

    static func generate() -> [String] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            let bytes = (0..<7).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            let text = Base32.encode(bytes).lowercased().prefix(10)
            return text.prefix(5) + "-" + text.suffix(5)
        }
    }

    /// The stored form of a typed code: its canonical text, hashed.
    static func hash(_ typed: String) -> String {
        SecureToken.hash(canonical(typed))
    }

    static func canonical(_ typed: String) -> String {
        String(typed.lowercased().unicodeScalars.filter { $0 != " " && $0 != "-" })
    }

    /// Whether a typed code has the shape of a recovery code (ten letters and digits), checked before any lookup.
    static func isWellFormed(_ typed: String) -> Bool {
        let text = canonical(typed)
        return text.utf8.count == 10 && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("2"..."7").contains($0) }
    }
}
