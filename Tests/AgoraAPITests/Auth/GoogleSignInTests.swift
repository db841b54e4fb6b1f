import AgoraAPI
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Sign-in through an OpenID Connect issuer, against a real one: Debian's glewlwyd on loopback, which requires PKCE.
@Suite("Sign in with Google (OpenID Connect) against glewlwyd", .serialized)
struct GoogleSignInTests {
    static let redirectURI = TestConfiguration.baseURL + "/api/auth/google/callback"

    func withIssuer(_ body: @escaping @Sendable (AuthHarness, OIDCProviderServer) async throws -> Void) async throws {
        let issuer = try await OIDCProviderServer(redirectURI: Self.redirectURI)
        try await AuthHarness.with(adjust: { settings in
            settings.oidc = OIDCSettings(issuer: issuer.ready.issuer, clientID: issuer.ready.client_id, clientSecret: issuer.ready.client_secret)
        }) { auth in
            try await body(auth, issuer)
        }
    }

    /// Starts a sign-in at Agora: the issuer URL and the attempt's cookie.
    func start(_ auth: AuthHarness, next: String = "/settings/security/") async throws -> (url: String, cookie: String) {
        let response = try await auth.send(.get, "/api/auth/google?next=\(next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
        #expect(response.status == .found)
        let location = try #require(response.headers[.location])
        let setCookie = try #require(response.headers[.setCookie])
        #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax") && setCookie.contains("Path=/api/auth/google"))
        return (location, String(setCookie.prefix { $0 != ";" }))
    }

    /// Follows the issuer's redirect back into Agora's callback, with the attempt's cookie.
    func callback(_ auth: AuthHarness, _ location: String, cookie: String) async throws -> TestResponse {
        let path = try #require(location.range(of: "/api/auth/google/callback")).lowerBound
        return try await auth.client.execute(uri: String(location[path...]), method: .get, headers: [.cookie: cookie])
    }

    @Test("a new person signs in: PKCE, a verified ID token, a new verified account, and the same account next time")
    func newAccount() async throws {
        try await withIssuer { auth, issuer in
            let (url, cookie) = try await start(auth)
            #expect(url.hasPrefix(issuer.ready.issuer + "/auth?"))
            #expect(url.contains("code_challenge_method=S256") && url.contains("nonce=") && url.contains("state="))
            let back = try await issuer.authorize(url, as: issuer.user("grace"))
            let signedIn = try await callback(auth, back, cookie: cookie)
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.headers[.location] == "/settings/security/")
            let refresh = try #require(signedIn.headers[values: .setCookie].compactMap(SignIn.cookieValue).first)
            let session = try SignIn(try await auth.send(.post, "/api/auth/refresh", cookie: refresh))
            let me = try await auth.send(.get, "/api/auth/me", bearer: session.accessToken).json()
            #expect(me["email"] as? String == "grace@example.com")
            #expect(me["verification_status"] as? String == "verified")
            #expect(me["first_name"] as? String == "Grace")

            let (again, secondCookie) = try await start(auth)
            let second = try await callback(auth, try await issuer.authorize(again, as: issuer.user("grace")), cookie: secondCookie)
            let secondRefresh = try #require(second.headers[values: .setCookie].compactMap(SignIn.cookieValue).first)
            #expect(try SignIn(try await auth.send(.post, "/api/auth/refresh", cookie: secondRefresh)).userID == session.userID)
            #expect(try await UserRepository(store: auth.store).count() == 1)
        }
    }

    @Test("an address the issuer has not verified opens no account: the sign-in page says why")
    func unverifiedAddress() async throws {
        try await withIssuer { auth, issuer in
            let (url, cookie) = try await start(auth)
            let refused = try await callback(auth, try await issuer.authorize(url, as: issuer.user("linus")), cookie: cookie)
            #expect(refused.headers[.location] == "/login/?error=oidc-unverified-email")
            #expect(refused.headers[values: .setCookie].compactMap(SignIn.cookieValue).isEmpty)
            #expect(try await UserRepository(store: auth.store).count() == 0)
        }
    }

    @Test("an existing account is not taken over: the person signs in with the password and links from settings")
    func linking() async throws {
        try await withIssuer { auth, issuer in
            let local = try await auth.signedUp("ada@example.com")
            let (url, cookie) = try await start(auth)
            let refused = try await callback(auth, try await issuer.authorize(url, as: issuer.user("ada")), cookie: cookie)
            #expect(refused.headers[.location] == "/login/?error=oidc-link-required")
            #expect(refused.headers[values: .setCookie].compactMap(SignIn.cookieValue).isEmpty)

            let linkStart = try await auth.send(.post, "/api/auth/google/link", bearer: local.accessToken)
            let linkURL = try #require(try linkStart.json()["url"] as? String)
            let linkCookie = String(try #require(linkStart.headers[.setCookie]).prefix { $0 != ";" })
            let linked = try await callback(auth, try await issuer.authorize(linkURL, as: issuer.user("ada")), cookie: linkCookie)
            #expect(linked.headers[.location] == "/settings/security/?linked=google")

            let (again, againCookie) = try await start(auth)
            let signedIn = try await callback(auth, try await issuer.authorize(again, as: issuer.user("ada")), cookie: againCookie)
            let refresh = try #require(signedIn.headers[values: .setCookie].compactMap(SignIn.cookieValue).first)
            #expect(try SignIn(try await auth.send(.post, "/api/auth/refresh", cookie: refresh)).userID == local.userID)
        }
    }

    @Test("a forged state, a missing cookie, a refused consent and a replayed code land on the sign-in page")
    func failures() async throws {
        try await withIssuer { auth, issuer in
            let (url, cookie) = try await start(auth)
            let back = try await issuer.authorize(url, as: issuer.user("grace"))
            #expect(try await callback(auth, back, cookie: "agora_oidc=forged").headers[.location] == "/login/?error=oidc-failed")
            let state = try #require(URLComponents(string: back)?.queryItems?.first { $0.name == "state" }?.value)
            let denied = try await auth.client.execute(
                uri: "/api/auth/google/callback?error=access_denied&state=\(state)", method: .get, headers: [.cookie: cookie]
            )
            #expect(denied.headers[.location] == "/login/?error=oidc-denied")
            let wrongState = back.replacingOccurrences(of: "state=\(state)", with: "state=another")
            #expect(try await callback(auth, wrongState, cookie: cookie).headers[.location] == "/login/?error=oidc-failed")
            #expect(try await callback(auth, back, cookie: cookie).status == .seeOther)
            #expect(try await callback(auth, back, cookie: cookie).headers[.location] == "/login/?error=oidc-failed")
            let events = try await auth.store.sql.raw("SELECT COUNT(*) AS n FROM auth_events WHERE kind = 'oidc_login' AND outcome = 'failure'")
                .first()?.decode(column: "n", as: Int.self)
            #expect(events == 4)
        }
    }

    @Test("without an issuer configured the button's route says so on the sign-in page, and linking is not found")
    func disabled() async throws {
        try await AuthHarness.with { auth in
            #expect(try await auth.send(.get, "/api/auth/google").headers[.location] == "/login/?error=oidc-disabled")
            let session = try await auth.signedUp("ada@example.com")
            #expect(try await auth.send(.post, "/api/auth/google/link", bearer: session.accessToken).status == .notFound)
            #expect(try await auth.send(.get, "/api/auth/registration-form").json()["social_sign_in"] as? [String] == [])
        }
    }
}
