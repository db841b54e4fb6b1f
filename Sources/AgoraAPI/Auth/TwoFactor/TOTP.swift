import AgoraDomain
import Crypto
import Foundation

/// Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): the codes an authenticator app shows. Accounts
/// use SHA-1, six digits and 30-second steps, which every app supports; the other algorithms exist for the RFC's
/// test vectors and for apps that ask for them.
struct TOTP: Sendable {
    enum Algorithm: String, Sendable {
        case sha1 = "SHA1"
        case sha256 = "SHA256"
        case sha512 = "SHA512"
    }

    let secret: [UInt8]
    var algorithm = Algorithm.sha1
    var digits = 6
    var period: TimeInterval = 30

    /// The time step a moment falls in.
    func step(at date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / period).rounded(.down))
    }

    func code(at date: Date) -> String { code(step: step(at: date)) }

    /// HOTP of a counter: dynamic truncation of the HMAC, `digits` decimal digits with leading zeros.
    func code(step: Int64) -> String {
        let counter = withUnsafeBytes(of: UInt64(bitPattern: step).bigEndian) { Array($0) }
        let key = SymmetricKey(data: secret)
        let mac: [UInt8] = switch algorithm {
        case .sha1: Array(HMAC<Insecure.SHA1>.authenticationCode(for: counter, using: key))
        case .sha256: Array(HMAC<SHA256>.authenticationCode(for: counter, using: key))
        case .sha512: Array(HMAC<SHA512>.authenticationCode(for: counter, using: key))
        }
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let binary = (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16)
            | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        let modulus = (0..<digits).reduce(UInt32(1)) { value, _ in value * 10 }
        let number = String(binary % modulus)
        return String(repeating: "0", count: digits - number.count) + number
    }

    /// The step, within `window` steps either side of `date` (clocks drift), whose code is the one typed; nil if
    /// none. Every candidate is compared in full, so the time taken says nothing about how close a guess was.
    func matchingStep(_ typed: String, at date: Date, window: Int64 = 1) -> Int64? {
        let now = step(at: date)
        var found: Int64?
        for candidate in (now - window)...(now + window) where ConstantTime.equal(code(step: candidate), typed) {
            found = found ?? candidate
        }
        return found
    }

    /// The `otpauth://` link an authenticator app reads from the enrolment QR code.
    func provisioningURI(account: String, issuer: String) -> String {
        let label = Self.escape(issuer) + ":" + Self.escape(account)
        return "otpauth://totp/\(label)?secret=\(Base32.encode(secret))&issuer=\(Self.escape(issuer))"
            + "&algorithm=\(algorithm.rawValue)&digits=\(digits)&period=\(Int(period))"
    }

    private static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
    }
}
