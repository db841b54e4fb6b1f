import AgoraDomain
import AgoraQRCode
import AgoraStore
import Foundation

/// Two-factor sign-in with an authenticator app (TOTP, RFC 6238) and recovery codes: enrolment, checking a code,
/// new recovery codes, turning it off. Staff accounts must keep it; anyone may turn it on.
struct TwoFactorService: Sendable {
    let store: Store
    /// Seals the authenticator secrets (`TokenSealer.Purpose.authenticatorSecret`).
    let sealer: TokenSealer
    let journal: AuthJournal
    let clock: any AgoraClock
    /// The name authenticator apps show beside the account.
    let issuerName: String
    /// Wrong codes (and re-authentication passwords) per account, across challenges, before the next must wait.
    let failureLimit: Int
    let failureWindow: TimeInterval

    /// What the security settings show.
    struct Status: Sendable {
        let enabled: Bool
        let enrolmentPending: Bool
        let recoveryCodesLeft: Int
        /// Staff accounts cannot turn two factors off.
        let required: Bool
    }

    /// A started enrolment: the secret for typing by hand, and the same in a link and a QR code.
    struct Enrolment: Sendable {
        let secret: String
        let uri: String
        let qrCodeSVG: String
    }

    func status(userID: Int64) async throws -> Status {
        let repository = TwoFactorRepository(store: store)
        let credential = try await repository.credential(userID: userID)
        return Status(
            enabled: credential?.isConfirmed ?? false,
            enrolmentPending: credential.map { !$0.isConfirmed } ?? false,
            recoveryCodesLeft: try await repository.unusedRecoveryCodes(userID: userID),
            required: try await StaffRepository(store: store).role(of: userID) != nil
        )
    }

    /// Starts an enrolment with a new secret (an unconfirmed one is replaced). 409 when two factors are already on.
    func beginEnrolment(_ identity: Identity) async throws -> Enrolment {
        guard let user = try await UserRepository(store: store).find(id: identity.userID) else { throw Problem.unauthenticated }
        var generator = SystemRandomNumberGenerator()
        let secret = (0..<20).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let encoded = Base32.encode(secret)
        guard try await TwoFactorRepository(store: store).beginEnrolment(
            userID: user.id, secretSealed: try sealer.seal(Base64URL.encode(secret)), now: clock.now
        ) else {
            throw Problem(status: .conflict, detail: "Two-factor sign-in is already on. Turn it off first to use another authenticator.")
        }
        let uri = TOTP(secret: secret).provisioningURI(account: user.email.value, issuer: issuerName)
        let svg = try QRCode(text: uri, errorCorrection: .medium).svg(label: "QR code to add \(issuerName) to an authenticator app")
        return Enrolment(secret: encoded, uri: uri, qrCodeSVG: svg)
    }

    /// Confirms the enrolment with a code from the app, turns two factors on, and returns the recovery codes (shown
    /// once). The session it happens in counts as signed in with two factors.
    func confirmEnrolment(_ identity: Identity, code: String, client: ClientInfo) async throws -> [String] {
        let now = clock.now
        guard let credential = try await TwoFactorRepository(store: store).credential(userID: identity.userID), !credential.isConfirmed else {
            throw Problem(status: .conflict, detail: "There is no enrolment to confirm. Start again from the security settings.")
        }
        guard Self.isAuthenticatorCode(code), let secret = open(credential), let step = TOTP(secret: secret).matchingStep(code, at: now) else {
            throw ValidationError(field: "code", message: "is not the code your app shows now")
        }
        let codes = RecoveryCodes.generate()
        try await store.inTransaction { transaction in
            let repository = TwoFactorRepository(store: store, in: transaction)
            guard try await repository.confirm(userID: identity.userID, step: step, now: now) else {
                throw Problem(status: .conflict, detail: "There is no enrolment to confirm. Start again from the security settings.")
            }
            try await repository.replaceRecoveryCodes(userID: identity.userID, hashes: codes.map(RecoveryCodes.hash), now: now)
            try await SessionRepository(store: store, in: transaction).markReauthenticated(family: identity.session, secondFactor: true, now: now)
            try await journal.record(.twoFactorEnabled, .success, user: identity.userID, client: client, in: transaction)
        }
        return codes
    }

    /// Replaces every recovery code; the old ones stop working.
    func replaceRecoveryCodes(_ identity: Identity, client: ClientInfo) async throws -> [String] {
        guard try await TwoFactorRepository(store: store).isEnabled(userID: identity.userID) else {
            throw Problem(status: .conflict, detail: "Two-factor sign-in is off: there are no recovery codes to replace.")
        }
        let codes = RecoveryCodes.generate()
        try await store.inTransaction { transaction in
            try await TwoFactorRepository(store: store, in: transaction).replaceRecoveryCodes(
                userID: identity.userID, hashes: codes.map(RecoveryCodes.hash), now: clock.now
            )
            try await journal.record(.recoveryCodesReplaced, .success, user: identity.userID, client: client, in: transaction)
        }
        return codes
    }

    /// Turns two factors off. Staff accounts keep them (409).
    func disable(_ identity: Identity, client: ClientInfo) async throws {
        guard try await StaffRepository(store: store).role(of: identity.userID) == nil else {
            throw Problem(status: .conflict, detail: "Staff accounts must sign in with two factors; it cannot be turned off.")
        }
        guard try await TwoFactorRepository(store: store).credential(userID: identity.userID) != nil else {
            throw Problem(status: .conflict, detail: "Two-factor sign-in is already off.")
        }
        try await store.inTransaction { transaction in
            try await TwoFactorRepository(store: store, in: transaction).remove(userID: identity.userID)
            try await journal.record(.twoFactorDisabled, .success, user: identity.userID, client: client, in: transaction)
        }
    }

    /// Checks a code typed as a second factor (six digits from the app, or a recovery code) and uses it up; a code
    /// works once. The caller logs the success, with what it opened. Wrong codes are logged as `kind` failures, and too many for the account within the window make
    /// the next ones wait (429), whichever challenge or session they come from.
    func check(_ typed: String, userID: Int64, kind: AuthEvent.Kind, client: ClientInfo) async throws -> SecondFactorMethod {
        let now = clock.now
        try await requireGuessesLeft(userID: userID)
        let repository = TwoFactorRepository(store: store)
        if Self.isAuthenticatorCode(typed) {
            if let credential = try await repository.credential(userID: userID), credential.isConfirmed, let secret = open(credential),
               let step = TOTP(secret: secret).matchingStep(typed, at: now),
               try await repository.use(step: step, userID: userID) {
                return .authenticator
            }
        } else if RecoveryCodes.isWellFormed(typed),
                  try await repository.useRecoveryCode(hash: RecoveryCodes.hash(typed), userID: userID, now: now) {
            return .recoveryCode
        }
        try await journal.record(kind, .failure, user: userID, client: client, detail: "wrong code")
        throw Problem.invalidSecondFactor
    }

    /// Refuses (429) once the account had `failureLimit` wrong proofs within `failureWindow`: codes, and the passwords
    /// of re-authentication, whichever session or challenge they came from.
    func requireGuessesLeft(userID: Int64) async throws {
        let failures = try await AuthEventRepository(store: store).failedProofs(
            userID: userID, since: clock.now.addingTimeInterval(-failureWindow), limit: failureLimit
        )
        if failures >= failureLimit { throw Problem.secondFactorThrottled(retryAfter: Int(failureWindow)) }
    }

    static func isAuthenticatorCode(_ typed: String) -> Bool {
        typed.utf8.count == 6 && typed.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    private func open(_ credential: TwoFactorCredential) -> [UInt8]? {
        sealer.open(credential.secretSealed).flatMap(Base64URL.decode).map(Array.init)
    }
}
