@testable import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import AgoraWorkflows
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Signing key rotation")
struct KeyRotationTests {
    static let old = Array("the-signing-key-before-the-rotation-32b".utf8)
    static let new = Array("the-signing-key-after-the-rotation-32by".utf8)

    @Test("tokens name their key; after a rotation the previous key's tokens, sealed values and links still work, and without it they fail")
    func rotation() async throws {
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let before = await AccessTokens(signingKey: Self.old, lifetime: 900)
        let token = try await before.issue(userID: 7, role: .client, session: "s", now: now)
        let header = try #require(Base64URL.decode(String(token.split(separator: ".")[0])))
        #expect(String(decoding: header, as: UTF8.self).contains(#""kid":"\#(SigningKeyID.of(Self.old))""#))

        let rotated = await AccessTokens(signingKey: Self.new, previousKeys: [Self.old], lifetime: 900)
        #expect(await rotated.verify(token, now: now)?.sub.value == "7")
        let fresh = try await rotated.issue(userID: 8, role: .client, session: "s", now: now)
        #expect(await rotated.verify(fresh, now: now)?.sub.value == "8")
        #expect(await before.verify(fresh, now: now) == nil, "the old key alone does not accept the new key's tokens")
        #expect(await AccessTokens(signingKey: Self.new, lifetime: 900).verify(token, now: now) == nil, "dropped keys are refused")

        let sealed = try TokenSealer(signingKey: Self.old).seal("successor")
        #expect(TokenSealer(signingKey: Self.new, previousKeys: [Self.old]).open(sealed) == "successor")
        #expect(TokenSealer(signingKey: Self.new).open(sealed) == nil)

        let email = try Email("ada@example.com")
        let link = UnsubscribeLinks(signingKey: Self.old, baseURL: "").token(for: email, scope: .digest)
        #expect(UnsubscribeLinks(signingKey: Self.new, previousKeys: [Self.old], baseURL: "").read(link)?.email == email)
        #expect(UnsubscribeLinks(signingKey: Self.new, baseURL: "").read(link) == nil)
    }

    @Test("a person signed in before a rotation stays signed in after it")
    func signedInAcrossRotation() async throws {
        try await TestDatabase.sqlite.withStore { store async throws in
            var configuration = try await TestConfiguration.make(site: URL(fileURLWithPath: "/nonexistent"))
            configuration.auth.signingKey = Self.old
            let before = try await buildApplication(configuration: configuration, store: store)
            let signedIn = try await before.test(.router) { client in
                _ = try await client.execute(uri: "/api/auth/register", method: .post, headers: [.contentType: "application/json"],
                                             body: ByteBuffer(string: AuthHarness.registration(email: "ada@example.com")))
                let mail = try #require(try await EmailOutbox(store: store).messages(to: "ada@example.com").first)
                let token = try #require(AuthHarness.token(inLinkOf: mail.textBody))
                return try SignIn(try await client.execute(uri: "/api/auth/verify-email/\(token)", method: .get))
            }
            configuration.auth.signingKey = Self.new
            configuration.auth.previousSigningKeys = [Self.old]
            try await buildApplication(configuration: configuration, store: store).test(.router) { client in
                let me = try await client.execute(uri: "/api/auth/me", method: .get, headers: [.authorization: "Bearer \(signedIn.accessToken)"])
                #expect(me.status == .ok)
            }
            configuration.auth.previousSigningKeys = []
            try await buildApplication(configuration: configuration, store: store).test(.router) { client in
                let me = try await client.execute(uri: "/api/auth/me", method: .get, headers: [.authorization: "Bearer \(signedIn.accessToken)"])
                #expect(me.status == .unauthorized, "once the previous key is dropped, its tokens are refused")
                let refreshed = try await client.execute(uri: "/api/auth/refresh", method: .post, headers: [.cookie: "agora_refresh=\(signedIn.refreshCookie)"])
                #expect(refreshed.status == .ok, "the refresh cookie is no signature: a new access token comes from it")
            }
        }
    }
}
