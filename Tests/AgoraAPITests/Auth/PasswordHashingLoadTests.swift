@testable import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import Logging
import Testing

extension MachineBound {
    @Suite("Password hashing under load")
    struct PasswordHashingLoadTests {
        static let client = ClientInfo(ipAddress: "203.0.113.9", userAgent: "test")

        /// The auth services over `store` with a hashing queue of one place, which the body can fill.
        func withServices(
            _ engine: TestDatabase, _ body: @escaping @Sendable (AuthServices, HashingQueue, Store) async throws -> Void
        ) async throws {
            try await engine.withStore { store async throws in
                let configuration = try await TestConfiguration.make(site: URL(fileURLWithPath: "/nonexistent"))
                let queue = HashingQueue(capacity: 1)
                let auth = try await AuthServices(
                    store: store, settings: configuration.auth, mail: configuration.email, rateLimiter: RateLimiter(store: store, clock: SystemClock(), settings: LivePlatformSettings(store: store)),
                    captcha: Captcha(mode: .off, signingKey: configuration.auth.signingKey, clock: SystemClock()),
                    platformSettings: LivePlatformSettings(store: store), clock: SystemClock(), logger: Logger(label: "test"),
                    hasher: BcryptPasswordHasher(cost: configuration.auth.bcryptCost, queue: queue)
                )
                try await body(auth, queue, store)
            }
        }

        /// Runs `body` while the queue's one place is taken by a hash that does not end before it.
        func whileQueueIsFull(_ queue: HashingQueue, _ body: () async throws -> Void) async throws {
            let (gate, open) = AsyncStream<Void>.makeStream()
            let occupant = Task { try await queue.run { for await _ in gate {} } }
            while queue.count < 1 { try await Task.sleep(for: .milliseconds(1)) }
            do {
                try await body()
            } catch {
                open.finish()
                throw error
            }
            open.finish()
            try await occupant.value
        }

        @Test("made-up reset tokens cost a lookup, never a hash, and are limited per client", arguments: TestDatabase.engines)
        func madeUpResetTokens(engine: TestDatabase) async throws {
            try await withServices(engine) { auth, queue, _ in
                try await whileQueueIsFull(queue) {
                    // With the queue full, any request that hashed would be refused as busy: these are refused as bad links.
                    for _ in 0..<RateLimit.passwordReset.count(under: PlatformSettings()) {
                        await #expect(throws: Problem.invalidLink) {
                            try await auth.passwords.resetPassword(token: SecureToken.generate(), newPassword: PasswordAndSessionTests.newPassword, client: Self.client)
                        }
                    }
                    let limited = await #expect(throws: Problem.self) {
                        try await auth.passwords.resetPassword(token: SecureToken.generate(), newPassword: PasswordAndSessionTests.newPassword, client: Self.client)
                    }
                    #expect(limited?.status == 429 && limited?.retryAfter ?? 0 > 0)
                }
            }
        }

        @Test("a full hashing queue sheds sign-ins, registrations and good resets with 503 and Retry-After, and serves them once it drains")
        func fullQueueSheds() async throws {
            try await withServices(.sqlite) { auth, queue, store in
                func form(_ email: String) -> RegistrationForm {
                    RegistrationForm(
                        firstName: "Ada", lastName: "Lovelace", email: email, password: AuthHarness.password, phone: "+33 6 12 34 56 78",
                        country: "FR", userType: "client", acceptedTermsVersion: "2026-11-01", acceptedPrivacyVersion: "2026-11-01"
                    )
                }
                try await auth.registration.register(form("ada@example.com"), captchaChallenge: nil, captchaSolution: nil, client: Self.client)
                try await auth.passwords.forgotPassword(email: "ada@example.com", client: Self.client)
                let mail = try #require(try await EmailOutbox(store: store).messages(to: "ada@example.com").first { $0.template == "password-reset" })
                let token = try #require(AuthHarness.token(inLinkOf: mail.textBody))
                let busy = Problem.hashingBusy(retryAfter: HashingQueue.retryAfter)
                try await whileQueueIsFull(queue) {
                    let login = await #expect(throws: Problem.self) {
                        try await auth.signIn.login(email: "ada@example.com", password: AuthHarness.password, rememberMe: false, captcha: CaptchaAnswer(challenge: nil, solution: nil), client: Self.client)
                    }
                    #expect(login?.type == ProblemType.serviceBusy.uri && login?.status == 503 && login?.retryAfter == HashingQueue.retryAfter)
                    await #expect(throws: busy) {
                        try await auth.registration.register(form("grace@example.com"), captchaChallenge: nil, captchaSolution: nil, client: Self.client)
                    }
                    let shed = try await UserRepository(store: store).find(email: Email("grace@example.com"))
                    #expect(shed == nil, "a shed registration leaves nothing")
                    await #expect(throws: busy) {
                        try await auth.passwords.resetPassword(token: token, newPassword: PasswordAndSessionTests.newPassword, client: Self.client)
                    }
                }
                #expect(queue.count == 0)
                try await auth.passwords.resetPassword(token: token, newPassword: PasswordAndSessionTests.newPassword, client: Self.client)
                try await auth.registration.register(form("grace@example.com"), captchaChallenge: nil, captchaSolution: nil, client: Self.client)
                let registered = try await UserRepository(store: store).find(email: Email("grace@example.com"))
                #expect(registered != nil, "the reset link still worked and the registration went through once the queue drained")
            }
        }
    }
}
