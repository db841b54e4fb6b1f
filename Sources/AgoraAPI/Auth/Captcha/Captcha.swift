import AgoraDomain
import Crypto
import Foundation

/// A challenge the register page must solve before the form is accepted.
struct CaptchaChallenge: Codable, Sendable, Equatable {
    let mode: String
    /// Opaque; sent back with the solution.
    let challenge: String?
    /// Leading zero bits the SHA-256 of `challenge:solution` must have.
    let difficulty: Int?
}

/// Proof of work by default: the server signs a random challenge with an expiry (no state until it is used), the
/// browser searches for a solution, and the server checks the hash and remembers used challenges until they expire
/// so one solution opens one account.
actor Captcha {
    private let mode: CaptchaMode
    private let key: SymmetricKey
    private let clock: any AgoraClock
    private var used: [String: Date] = [:]
    static let lifetime: TimeInterval = 10 * 60

    init(mode: CaptchaMode, signingKey: [UInt8], clock: any AgoraClock) {
        self.mode = mode
        self.key = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: signingKey), info: Data("agora captcha".utf8), outputByteCount: 32
        )
        self.clock = clock
    }

    func challenge() -> CaptchaChallenge {
        switch mode {
        case .off:
            return CaptchaChallenge(mode: "off", challenge: nil, difficulty: nil)
        case .proofOfWork(let difficulty):
            let expires = Int(clock.now.addingTimeInterval(Self.lifetime).timeIntervalSince1970)
            let payload = "\(difficulty).\(expires).\(SecureToken.generate(bytes: 16))"
            return CaptchaChallenge(mode: "proof-of-work", challenge: "\(payload).\(signature(of: payload))", difficulty: difficulty)
        }
    }

    /// Throws a validation error on the `captcha` field unless the answer solves a live, unused challenge.
    func check(challenge: String?, solution: String?) throws {
        guard case .proofOfWork = mode else { return }
        let invalid = ValidationError(field: "captcha", message: "was not solved; reload the page and try again")
        guard let challenge, let solution, solution.count <= 32 else { throw invalid }
        let parts = challenge.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, let difficulty = Int(parts[0]), let expires = Double(parts[1]),
              signature(of: parts[0...2].joined(separator: ".")) == parts[3]
        else { throw invalid }
        let now = clock.now
        guard Date(timeIntervalSince1970: expires) > now else {
            throw ValidationError(field: "captcha", message: "has expired; solve it again")
        }
        guard used[challenge] == nil else {
            throw ValidationError(field: "captcha", message: "was already used; solve a new one")
        }
        guard Self.leadingZeroBits(SHA256.hash(data: Data("\(challenge):\(solution)".utf8))) >= difficulty else {
            throw invalid
        }
        used = used.filter { $0.value > now }
        used[challenge] = Date(timeIntervalSince1970: expires)
    }

    private func signature(of payload: String) -> String {
        Base64URL.encode(HMAC<SHA256>.authenticationCode(for: Data(payload.utf8), using: key))
    }

    static func leadingZeroBits(_ digest: some Sequence<UInt8>) -> Int {
        var bits = 0
        for byte in digest {
            if byte == 0 {
                bits += 8
                continue
            }
            bits += byte.leadingZeroBitCount
            break
        }
        return bits
    }
}
