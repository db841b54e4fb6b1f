@testable import AgoraAPI
import Testing

@Suite("Redirects after signing in")
struct SameSiteRedirectTests {
    /// Targets that reach another origin once a browser has read them, or are no path at all.
    static let refused = [
        "/\t/evil.example", "/%09/evil.example".removingPercentEncoding!, "/\\evil.example", "/%5Cevil.example".removingPercentEncoding!,
        "//evil.example", "///evil.example", "/\n/evil.example", "/\r\n/evil.example", "/\u{7F}/evil.example", "/a\\b",
        "https:evil.example", "https://evil.example/", "javascript:alert(1)", "evil.example", "", "/" + String(repeating: "a", count: 500),
    ]

    @Test("a target that could leave the site is refused", arguments: refused)
    func refusesOtherOrigins(target: String) {
        #expect(SameSiteRedirect.path(target) == nil)
        #expect(OIDCRoutes.safeNext(target) == "/settings/security/")
    }

    @Test("a path on the site is kept as given, query and fragment included")
    func keepsPaths() {
        for target in ["/", "/orders/", "/orders/view/?id=ORD-2026-000001", "/search/?q=swift%20developer#results", "/%09/stays-a-path"] {
            #expect(SameSiteRedirect.path(target) == target)
        }
        #expect(SameSiteRedirect.path(nil) == nil)
    }
}
