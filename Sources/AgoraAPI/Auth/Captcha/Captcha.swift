import AgoraDomain
import Crypto
import Foundation

/// A challenge the register page must solve before the form is accepted.
struct CaptchaChallenge: Codable, Sendable, Equatable {
    /// `proof-of-work`, `hcaptcha`, `turnstile` or `off`.
    let mode: String
    /// Opaque; sent back with the solution.
    let challenge: String?
    /// Leading zero bits the SHA-256 of `challenge:solution` must have.
    let difficulty: Int?
    /// The public key of a hosted widget.
    let siteKey: String?

    init(mode: String, challenge: String? = nil, difficulty: Int? = nil, siteKey: String? = nil) {
        self.mode = mode
        self.challenge = challenge
        self.difficulty = difficulty
        self.siteKey = siteKey
    }
}

/// What a request sends back for a challenge: the challenge itself (proof of work) and the solution or the hosted
/// widget's token.
struct CaptchaAnswer: Sendable {
    let challenge: String?
    let solution: String?
}

/// Proof of work by default: the server signs a random challenge with an expiry (no state until it is used), the
/// browser searches for a solution, and the server checks the hash and remembers used challenges until they expire
/// so one solution opens one account. With a hosted service the solution is the widget's token, which the service
/// checks (`SiteVerify`).
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

    /// A challenge to solve; a proof of work `extraBits` harder than the configured one (each bit doubles the work).
    func challenge(extraBits: Int = 0) -> CaptchaChallenge {
        switch mode {
        case .off:
            return CaptchaChallenge(mode: "off")
        case .hosted(let hosted):
            return CaptchaChallenge(mode: hosted.service.rawValue, siteKey: hosted.siteKey)
        case .proofOfWork(let configured):
            let difficulty = configured + extraBits
            let expires = Int(clock.now.addingTimeInterval(Self.lifetime).timeIntervalSince1970)
            let payload = "\(difficulty).\(expires).\(SecureToken.generate(bytes: 16))"
            return CaptchaChallenge(mode: "proof-of-work", challenge: "\(payload).\(signature(of: payload))", difficulty: difficulty)
        }
    }

    /// Throws a validation error on the `captcha` field unless the answer solves a live, unused challenge at least
    /// `extraBits` harder than the configured one (or the hosted service accepts its token); a 503 problem when the
    /// hosted service cannot be asked.
    func check(challenge: String?, solution: String?, remoteIP: String, extraBits: Int = 0) async throws {
        let invalid = ValidationError(field: "captcha", message: "was not solved; reload the page and try again")
        let minimumDifficulty: Int
        switch mode {
        case .off:
            return
        case .hosted(let hosted):
            guard let solution, !solution.isEmpty else { throw invalid }
            guard try await SiteVerify.accepts(solution, with: hosted, remoteIP: remoteIP) else { throw invalid }
            return
        case .proofOfWork(let configured):
            minimumDifficulty = configured + extraBits
        }
        guard let challenge, let solution, solution.count <= 32 else { throw invalid }
        let parts = challenge.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, let difficulty = Int(parts[0]), difficulty >= minimumDifficulty, let expires = Double(parts[1]),
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
