@testable import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@Suite("Role guard")
struct RoleGuardTests {
    @Test("a route for providers lets providers in, refuses clients with 403 and strangers with 401")
    func providersOnly() async throws {
        try await TestDatabase.sqlite.withStore { store async throws in
            let configuration = try await TestConfiguration.make(site: URL(fileURLWithPath: "/nonexistent"))
            let router = try await buildRouter(configuration: configuration, store: store, logger: Logger(label: "test"))
            let auth = try await AuthServices(
                store: store, settings: configuration.auth, mail: configuration.email, rateLimiter: RateLimiter(store: store, clock: SystemClock(), settings: LivePlatformSettings(store: store)),
                captcha: Captcha(mode: configuration.auth.captcha, signingKey: configuration.auth.signingKey, clock: SystemClock()),
                platformSettings: LivePlatformSettings(store: store), clock: SystemClock(), logger: Logger(label: "test")
            )
            router.group("api/provider-only").add(middleware: AuthenticationMiddleware(signIn: auth.signIn, roles: [.provider]))
                .get { _, context in "hello \(try context.requireIdentity().role.rawValue)" }
            try await Application(router: router).test(.router) { client in
                var tokens: [String: String] = [:]
                for type in ["client", "provider"] {
                    let email = "\(type)@example.com"
                    _ = try await client.execute(uri: "/api/auth/register", method: .post, headers: [.contentType: "application/json"],
                                                 body: ByteBuffer(string: AuthHarness.registration(email: email, type: type)))
                    let mail = try #require(try await EmailOutbox(store: store).messages(to: email).first)
                    let token = try #require(AuthHarness.token(inLinkOf: mail.textBody))
                    tokens[type] = try SignIn(try await client.execute(uri: "/api/auth/verify-email/\(token)", method: .get)).accessToken
                }
                let provider = try await client.execute(uri: "/api/provider-only", method: .get, headers: [.authorization: "Bearer \(tokens["provider"]!)"])
                #expect(provider.status == .ok)
                #expect(provider.text == "hello provider")
                let clientAnswer = try await client.execute(uri: "/api/provider-only", method: .get, headers: [.authorization: "Bearer \(tokens["client"]!)"])
                #expect(clientAnswer.status == .forbidden)
                #expect(clientAnswer.problemType == "urn:agora:problem:forbidden")
                #expect(try await client.execute(uri: "/api/provider-only", method: .get).status == .unauthorized)
            }
        }
    }
}
