@testable import AgoraAPI
import AgoraTestSupport
import AgoraWorkflows
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Security headers")
struct SecurityHeadersTests {
    @Test("pages, files, problem documents, redirects and API answers all carry the browser hardening", arguments: [
        ("/", HTTPResponse.Status.ok), ("/assets/site.css", .ok), ("/no-such-page/", .notFound), ("/team/", .movedPermanently),
        ("/api/health", .ok), ("/api/auth/me", .unauthorized), ("/api/orders?status=nonsense", .unauthorized),
    ])
    func everyResponse(path: String, status: HTTPResponse.Status) async throws {
        try await APIFixture.with { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == status)
                let policy = try #require(response.headers[.contentSecurityPolicy])
                for directive in ["script-src 'self';", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "img-src 'self' data: blob:"] {
                    #expect(policy.contains(directive), "\(directive) missing on \(path)")
                }
                #expect(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "strict-origin-when-cross-origin")
                #expect(response.headers[HTTPField.Name("Permissions-Policy")!]?.contains("camera=()") == true)
                #expect(response.headers[.strictTransportSecurity] == nil, "the test service's public URL is http")
            }
        }
    }

    @Test("HSTS is sent when the public URL is https; a hosted CAPTCHA's origins are the only others allowed")
    func httpsAndCaptcha() {
        let https = SecurityHeadersMiddleware<AgoraRequestContext>(publicBaseURL: "https://agora.example", captcha: .off)
        #expect(https.headers[.strictTransportSecurity] == "max-age=31536000; includeSubDomains")
        #expect(SecurityHeadersMiddleware<AgoraRequestContext>(publicBaseURL: "http://127.0.0.1:8080", captcha: .off).headers[.strictTransportSecurity] == nil)
        let plain = SecurityHeadersMiddleware<AgoraRequestContext>.contentSecurityPolicy(captcha: .proofOfWork(difficulty: 18))
        #expect(!plain.contains("https:") && plain.contains("frame-src 'none'"))
        let turnstile = SecurityHeadersMiddleware<AgoraRequestContext>.contentSecurityPolicy(
            captcha: .hosted(HostedCaptcha(service: .turnstile, siteKey: "key", secret: "secret"))
        )
        #expect(turnstile.contains("script-src 'self' https://challenges.cloudflare.com;"))
        #expect(turnstile.contains("frame-src https://challenges.cloudflare.com;"))
    }

    @Test("with Stripe as the processor, Stripe.js's origins may run script, frames and requests, and nothing else is opened")
    func stripeCheckout() async throws {
        let settings = StripeSettings(secretKey: "sk_test_1234", publishableKey: "pk_test_1234", webhookSecret: "whsec_1234")
        let checkout = try await TestDatabase.sqlite.withStore { store in StripePaymentProcessor(settings: settings, store: store).checkoutScript }
        let policy = SecurityHeadersMiddleware<AgoraRequestContext>.contentSecurityPolicy(captcha: .off, checkout: checkout)
        #expect(policy.contains("script-src 'self' https://js.stripe.com https://api.stripe.com https://hooks.stripe.com;"))
        #expect(policy.contains("connect-src 'self' https://js.stripe.com https://api.stripe.com https://hooks.stripe.com;"))
        #expect(policy.contains("frame-src https://js.stripe.com https://api.stripe.com https://hooks.stripe.com;"))
        #expect(policy.contains("style-src 'self';") && !policy.contains("secret") && !policy.contains("sk_"))
    }
}

@Suite("The security guide")
struct SecurityGuideTests {
    @Test("the nginx example sends the same Content-Security-Policy as the service")
    func nginxExampleMatches() throws {
        let guide = try String(contentsOf: RepositoryPaths.root.appendingPathComponent("docs/security.md"), encoding: .utf8)
        let marker = "add_header Content-Security-Policy \""
        let start = try #require(guide.range(of: marker)).upperBound
        let policy = guide[start...].prefix { $0 != "\"" }
        #expect(String(policy) == SecurityHeadersMiddleware<AgoraRequestContext>.contentSecurityPolicy(captcha: .proofOfWork(difficulty: 18)))
        #expect(guide.contains("| `Content-Security-Policy` | `\(policy)`"), "the table shows the same policy")
    }
}
