import AgoraTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Serving the site")
struct StaticSiteTests {
    @Test("pages, assets and the sitemap are served with their content types; directories serve index.html", arguments: [
        ("/", "text/html", "<h1>Home</h1>"),
        ("/providers/ada/", "text/html", "<title>Ada</title>"),
        ("/assets/site.css", "text/css", "color: black"),
        ("/sitemap.xml", "application/xml", "<sitemapindex/>"),
    ])
    func serves(path: String, type: String, fragment: String) async throws {
        try await APIFixture.with { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix(type) == true)
                #expect(response.text.contains(fragment))
                #expect(response.headers[.eTag] != nil)
                #expect(response.headers[.lastModified] != nil)
            }
        }
    }

    @Test("fingerprinted assets may be cached for a year; other files are revalidated", arguments: [
        ("/assets/site.0123456789.css", "public, max-age=31536000, immutable"),
        ("/assets/site.css", "no-cache"),
        ("/", "no-cache"),
    ])
    func cacheHeaders(path: String, cacheControl: String) async throws {
        try await APIFixture.with { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.cacheControl] == cacheControl)
            }
        }
    }

    @Test("a directory without its slash is redirected to it")
    func directoryRedirect() async throws {
        try await APIFixture.with { client in
            try await client.execute(uri: "/providers/ada", method: .get) { response in
                #expect(response.status == .movedPermanently)
                #expect(response.headers[.location] == "/providers/ada/")
            }
        }
    }

    @Test("a matching ETag or date gets 304 Not Modified without a body")
    func conditionalRequests() async throws {
        try await APIFixture.with { client in
            let first = try await client.execute(uri: "/", method: .get)
            let etag = try #require(first.headers[.eTag])
            let modified = try #require(first.headers[.lastModified])
            try await client.execute(uri: "/", method: .get, headers: [.ifNoneMatch: etag]) { response in
                #expect(response.status == .notModified)
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/", method: .get, headers: [.ifModifiedSince: modified]) { response in
                #expect(response.status == .notModified)
            }
            try await client.execute(uri: "/", method: .get, headers: [.ifNoneMatch: "\"other\""]) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("a missing page gets the site's own 404 page with status 404")
    func notFoundPage() async throws {
        try await APIFixture.with { client in
            try await client.execute(uri: "/no/such/page/", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(response.text.contains("We couldn't find that page"))
            }
        }
    }

    @Test("nothing outside the site is ever served", arguments: [
        "/../outside/passwd",
        "/..%2foutside%2fpasswd",
        "/%2e%2e/outside/passwd",
        "/%2E%2E%2Foutside%2Fpasswd",
        "/assets/..%2f..%2foutside/passwd",
        "/..\\outside\\passwd",
        "/%5c..%5coutside%5cpasswd",
        "/escape/passwd",
        "/escape.txt",
        "/.env",
        "/%2eenv",
        "/assets/%00site.css",
    ])
    func traversal(path: String) async throws {
        try await APIFixture.with { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .badRequest || response.status == .notFound, "\(path) answered \(response.status)")
                #expect(!response.text.contains("root:x:0:0"))
                #expect(!response.text.contains("token=hidden"))
            }
        }
    }
}
