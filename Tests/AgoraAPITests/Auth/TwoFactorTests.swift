@testable import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HummingbirdTesting
import SQLKit
import Testing

@Suite("Two-factor sign-in")
struct TwoFactorTests {
    /// RFC 6238, appendix B: the 8-digit codes of the three seeds at six moments.
    @Test("TOTP gives the RFC 6238 test vectors", arguments: [
        (59.0, "94287082", "46119246", "90693936"),
        (1_111_111_109, "07081804", "68084774", "25091201"),
        (1_111_111_111, "14050471", "67062674", "99943326"),
        (1_234_567_890, "89005924", "91819424", "93441116"),
        (2_000_000_000, "69279037", "90698825", "38618901"),
        (20_000_000_000, "65353130", "77737706", "47863826"),
    ])
    func rfc6238(seconds: Double, sha1: String, sha256: String, sha512: String) {
        let time = Date(timeIntervalSince1970: seconds)
        let seed = Array("1234567890".utf8)
        #expect(TOTP(secret: Array((seed + seed).prefix(20)), algorithm: .sha1, digits: 8).code(at: time) == sha1)
        #expect(TOTP(secret: Array((seed + seed + seed + seed).prefix(32)), algorithm: .sha256, digits: 8).code(at: time) == sha256)
        #expect(TOTP(secret: Array(Array(repeating: seed, count: 7).joined().prefix(64)), algorithm: .sha512, digits: 8).code(at: time) == sha512)
    }

    @Test("base32 gives the RFC 4648 test vectors (without padding)")
    func base32() {
        let vectors = ["": "", "f": "MY", "fo": "MZXQ", "foo": "MZXW6", "foob": "MZXW6YQ", "fooba": "MZXW6YTB", "foobar": "MZXW6YTBOI"]
        for (plain, encoded) in vectors { #expect(Base32.encode(Array(plain.utf8)) == encoded) }
    }

    @Test("a code matches within one step either side, and not beyond")
    func window() {
        let totp = TOTP(secret: Array("12345678901234567890".utf8))
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let step = totp.step(at: now)
        #expect(totp.matchingStep(totp.code(at: now.addingTimeInterval(-30)), at: now) == step - 1)
        #expect(totp.matchingStep(totp.code(at: now.addingTimeInterval(30)), at: now) == step + 1)
        #expect(totp.matchingStep(totp.code(at: now.addingTimeInterval(-90)), at: now) == nil)
        #expect(totp.matchingStep("12345", at: now) == nil)
    }

    @Test("recovery codes: ten, distinct, well formed, typed in any case with or without the dash")
    func recoveryCodes() {
        let codes = RecoveryCodes.generate()
        #expect(codes.count == 10 && Set(codes).count == 10)
        for code in codes {
            #expect(RecoveryCodes.isWellFormed(code))
            #expect(RecoveryCodes.hash(code.uppercased().replacingOccurrences(of: "-", with: " ")) == RecoveryCodes.hash(code))
        }
        #expect(!RecoveryCodes.isWellFormed("123456") && !RecoveryCodes.isWellFormed("abcde-fghi1"))
    }

    @Test("enrolment: a secret with its link and QR code, confirmed by a code; then sign-in asks for the second factor", arguments: TestDatabase.engines)
    func enrolmentAndSignIn(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            let ada = try await harness.signedUp("ada@example.com")
            let before = try await harness.send(.get, "/api/auth/two-factor", bearer: ada.accessToken).json()
            #expect(before["enabled"] as? Bool == false && before["required"] as? Bool == false)

            let started = try await harness.send(.post, "/api/auth/two-factor/enrolment", bearer: ada.accessToken)
            #expect(started.status == .created)
            let body = try started.json()
            let secret = try #require(body["secret"] as? String)
            #expect(secret.count == 32, "160 bits")
            #expect(body["otpauth_uri"] as? String == "otpauth://totp/Agora:ada%40example.com?secret=\(secret)&issuer=Agora&algorithm=SHA1&digits=6&period=30")
            #expect((body["qr_code_svg"] as? String)?.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\"") == true)
            let stored = try #require(try await TwoFactorRepository(store: harness.store).credential(userID: ada.userID))
            #expect(!stored.secretSealed.contains(secret), "the secret is sealed in the database")

            let wrong = try await harness.send(.post, "/api/auth/two-factor/enrolment/confirm", json: #"{"code": "000000"}"#, bearer: ada.accessToken)
            #expect(wrong.fieldErrors == ["code"])
            #expect(try await harness.send(.post, "/api/auth/two-factor/enrolment/confirm", json: #"{"code": 123456}"#, bearer: ada.accessToken).status == .unprocessableContent)
            let bytes = try #require(AuthHarness.base32Decode(secret))
            let confirmed = try await harness.send(
                .post, "/api/auth/two-factor/enrolment/confirm", json: #"{"code": "\#(TOTP(secret: bytes).code(at: harness.clock.now))"}"#, bearer: ada.accessToken
            )
            #expect(confirmed.status == .ok)
            let codes = try #require(try confirmed.json()["recovery_codes"] as? [String])
            #expect(codes.count == 10)
            let after = try await harness.send(.get, "/api/auth/two-factor", bearer: ada.accessToken).json()
            #expect(after["enabled"] as? Bool == true && after["recovery_codes_left"] as? Int == 10)
            #expect(try await harness.send(.post, "/api/auth/two-factor/enrolment", bearer: ada.accessToken).status == .conflict)
            #expect(try await harness.send(.post, "/api/auth/two-factor/enrolment/confirm", json: #"{"code": "123456"}"#, bearer: ada.accessToken).status == .conflict)

            let challenged = try await harness.login("ada@example.com")
            #expect(challenged.status == .unauthorized && challenged.problemType == ProblemType.secondFactorRequired.uri)
            #expect(challenged.headers[.setCookie] == nil, "no session before the second factor")
            let prompt = try #require(try challenged.json()["second_factor"] as? [String: Any])
            let challenge = try #require(prompt["challenge"] as? String)
            func complete(_ code: String, _ token: String = challenge) async throws -> TestResponse {
                try await harness.send(.post, "/api/auth/login/second-factor", json: #"{"challenge": "\#(token)", "code": "\#(code)"}"#)
            }
            let sameStep = try await complete(TOTP(secret: bytes).code(at: harness.clock.now))
            #expect(sameStep.problemType == ProblemType.invalidSecondFactor.uri, "the code of the step used to confirm works once")
            harness.clock.advance(by: 30)
            let code = TOTP(secret: bytes).code(at: harness.clock.now)
            let signedIn = try SignIn(try await complete(code))
            #expect(try await complete(code).problemType == ProblemType.challengeEnded.uri, "a challenge signs in once")
            #expect(try await harness.send(.get, "/api/auth/me", bearer: signedIn.accessToken).status == .ok)
            let events = try await AuthEventRepository(store: harness.store).events(userID: ada.userID)
            #expect(events.first?.kind == .secondFactor && events.first?.outcome == .success && events.first?.detail == "authenticator")
            #expect(events.contains { $0.kind == .twoFactorEnabled })

            // A recovery code, typed loosely, works once and is counted.
            let again = try await harness.login("ada@example.com")
            let second = try #require((try again.json()["second_factor"] as? [String: Any])?["challenge"] as? String)
            let recovered = try await complete(" " + codes[3].uppercased() + " ", second)
            #expect(recovered.status == .ok)
            let told = try #require(try await harness.emails(to: "ada@example.com").first)
            #expect(told.template == "recovery-code-used" && told.textBody.contains("9 of your recovery codes are left"))
            let third = try #require((try await harness.login("ada@example.com").json()["second_factor"] as? [String: Any])?["challenge"] as? String)
            #expect(try await complete(codes[3], third).problemType == ProblemType.invalidSecondFactor.uri)
            #expect(try await harness.send(.get, "/api/auth/two-factor", bearer: ada.accessToken).json()["recovery_codes_left"] as? Int == 9)
        }
    }

    @Test("a challenge ends after five wrong codes or five minutes; ten wrong codes for an account make the next wait", arguments: TestDatabase.engines)
    func challengeLimits(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            let ada = try await harness.signedUp("ada@example.com")
            try await harness.enrolTwoFactor(ada.accessToken)
            func challenge() async throws -> String {
                try #require((try await harness.login("ada@example.com").json()["second_factor"] as? [String: Any])?["challenge"] as? String)
            }
            func complete(_ token: String, _ code: String) async throws -> TestResponse {
                try await harness.send(.post, "/api/auth/login/second-factor", json: #"{"challenge": "\#(token)", "code": "\#(code)"}"#)
            }
            let first = try await challenge()
            for _ in 0..<5 { #expect(try await complete(first, "000000").problemType == ProblemType.invalidSecondFactor.uri) }
            harness.clock.advance(by: 30)
            #expect(try await complete(first, try await harness.authenticatorCode(userID: ada.userID)).problemType == ProblemType.challengeEnded.uri)

            let late = try await challenge()
            harness.clock.advance(by: 301)
            #expect(try await complete(late, try await harness.authenticatorCode(userID: ada.userID)).problemType == ProblemType.challengeEnded.uri)
            #expect(try await complete("not-a-token", "123456").problemType == ProblemType.challengeEnded.uri)
            #expect(try await harness.send(.post, "/api/auth/login/second-factor", json: #"{"challenge": "x"}"#).fieldErrors == ["code"])

            let next = try await challenge()
            for _ in 0..<5 { _ = try await complete(next, "111111") }
            let throttled = try await complete(try await challenge(), try await harness.authenticatorCode(userID: ada.userID))
            #expect(throttled.status == .tooManyRequests && throttled.headers[.retryAfter] != nil, "even the right code waits after ten wrong ones")
            harness.clock.advance(by: 15 * 60 + 1)
            #expect(try await complete(try await challenge(), try await harness.authenticatorCode(userID: ada.userID)).status == .ok)
        }
    }

    @Test("a sign-in link and an account's other ways in ask for the second factor too", arguments: TestDatabase.engines)
    func signInLinkAsksForSecondFactor(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine, adjust: { $0.signInThrottle.failuresBeforeCaptcha = 1 }) { harness in
            let ada = try await harness.signedUp("ada@example.com")
            try await harness.enrolTwoFactor(ada.accessToken)
            _ = try await harness.login("ada@example.com", password: "Wrong-Password-123!")
            let token = try #require(try await harness.latestLinkToken(to: "ada@example.com", template: "sign-in-attempts"))
            let answer = try await harness.send(.post, "/api/auth/sign-in-link", json: #"{"token": "\#(token)"}"#)
            #expect(answer.status == .unauthorized && answer.problemType == ProblemType.secondFactorRequired.uri)
            #expect(answer.headers[.setCookie] == nil)
        }
    }

    @Test("dangerous actions need a recent proof: the code for an account with two factors, the password otherwise", arguments: TestDatabase.engines)
    func reauthentication(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            let owner = try await harness.signedInAdministrator()
            let moderator = try await harness.signedInStaff("mo@example.com", role: .moderator)
            let change = { try await harness.send(.put, "/api/admin/staff/\(moderator.userID)/role", json: #"{"role": "support"}"#, bearer: owner.accessToken) }
            harness.clock.advance(by: 11 * 60)
            let stale = try await change()
            #expect(stale.status == .forbidden && stale.problemType == ProblemType.reauthenticationRequired.uri)
            #expect(try await harness.send(.post, "/api/auth/reauthenticate", json: #"{"password": "\#(AuthHarness.password)"}"#, bearer: owner.accessToken).fieldErrors == ["code"],
                    "an account with two factors proves itself with a code, not the password")
            #expect(try await harness.send(.post, "/api/auth/reauthenticate", json: #"{"code": "000000"}"#, bearer: owner.accessToken).problemType == ProblemType.invalidSecondFactor.uri)
            let proved = try await harness.send(
                .post, "/api/auth/reauthenticate", json: #"{"code": "\#(try await harness.authenticatorCode(userID: owner.userID))"}"#, bearer: owner.accessToken
            )
            #expect(try proved.status == .ok && proved.json()["valid_until"] as? String != nil)
            #expect(try await change().status == .ok)

            // Staff keep two factors; anyone else may turn them off after proving it is them.
            #expect(try await harness.send(.delete, "/api/auth/two-factor", bearer: owner.accessToken).status == .conflict)
            let ada = try await harness.signedUp("ada@example.com")
            try await harness.enrolTwoFactor(ada.accessToken)
            harness.clock.advance(by: 11 * 60)
            #expect(try await harness.send(.delete, "/api/auth/two-factor", bearer: ada.accessToken).problemType == ProblemType.reauthenticationRequired.uri)
            #expect(try await harness.send(.post, "/api/auth/two-factor/recovery-codes", bearer: ada.accessToken).problemType == ProblemType.reauthenticationRequired.uri)
            _ = try await harness.send(.post, "/api/auth/reauthenticate", json: #"{"code": "\#(try await harness.authenticatorCode(userID: ada.userID))"}"#, bearer: ada.accessToken)
            let replaced = try await harness.send(.post, "/api/auth/two-factor/recovery-codes", bearer: ada.accessToken)
            #expect((try replaced.json()["recovery_codes"] as? [String])?.count == 10)
            #expect(try await harness.send(.delete, "/api/auth/two-factor", bearer: ada.accessToken).status == .noContent)
            #expect(try await harness.login("ada@example.com").status == .ok, "off: the password alone signs in")
            #expect(try await harness.send(.delete, "/api/auth/two-factor", bearer: ada.accessToken).status == .conflict)

            let bob = try await harness.signedUp("bob@example.com")
            harness.clock.advance(by: 11 * 60)
            #expect(try await harness.send(.post, "/api/auth/reauthenticate", json: #"{"password": "Wrong-Password-123!"}"#, bearer: bob.accessToken).status == .unauthorized)
            #expect(try await harness.send(.post, "/api/auth/reauthenticate", json: #"{"password": "\#(AuthHarness.password)"}"#, bearer: bob.accessToken).status == .ok)
            #expect(try await harness.send(.post, "/api/auth/reauthenticate", json: "{}", bearer: bob.accessToken).fieldErrors == ["password"])
            #expect(try await harness.send(.post, "/api/auth/reauthenticate", json: "{}").status == .unauthorized)
            #expect(try await harness.send(.post, "/api/auth/two-factor/recovery-codes", bearer: bob.accessToken).status == .conflict,
                    "no recovery codes without two factors")
        }
    }

    @Test("re-authentication passwords are limited like codes; an account without a password is told what to do", arguments: TestDatabase.engines)
    func reauthenticationLimits(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            let bob = try await harness.signedUp("bob@example.com")
            for _ in 0..<10 {
                let wrong = try await harness.send(.post, "/api/auth/reauthenticate", json: #"{"password": "Wrong-Password-123!"}"#, bearer: bob.accessToken)
                #expect(wrong.status == .unauthorized)
            }
            let throttled = try await harness.send(.post, "/api/auth/reauthenticate", json: #"{"password": "\#(AuthHarness.password)"}"#, bearer: bob.accessToken)
            #expect(throttled.status == .tooManyRequests && throttled.headers[.retryAfter] != nil, "even the right password waits")
            harness.clock.advance(by: 15 * 60 + 1)
            let again = try await harness.signedUp("bob2@example.com")
            try await harness.store.sql.raw("UPDATE users SET password_hash = NULL WHERE id = \(bind: again.userID)").run()
            #expect(try await harness.send(.post, "/api/auth/reauthenticate", json: #"{"password": "anything"}"#, bearer: again.accessToken).status == .conflict)
        }
    }

    @Test("administration needs a session opened with two factors: one opened before enrolment is refused", arguments: TestDatabase.engines)
    func administrationNeedsTwoFactors(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            _ = try await harness.createStaff("grace@example.com")
            let earlier = try SignIn(try await harness.login("grace@example.com"))
            let current = try SignIn(try await harness.login("grace@example.com"))
            let refused = try await harness.send(.get, "/api/admin/staff", bearer: current.accessToken)
            #expect(refused.status == .forbidden && refused.problemType == ProblemType.twoFactorRequired.uri)
            #expect(try await harness.send(.get, "/api/auth/two-factor", bearer: current.accessToken).json()["required"] as? Bool == true)
            try await harness.enrolTwoFactor(current.accessToken)
            #expect(try await harness.send(.get, "/api/admin/staff", bearer: current.accessToken).status == .ok)
            #expect(try await harness.send(.get, "/api/admin/staff", bearer: earlier.accessToken).problemType == ProblemType.twoFactorRequired.uri)
            #expect(try await harness.signInWithSecondFactor("grace@example.com").accessToken.isEmpty == false)
        }
    }
}
