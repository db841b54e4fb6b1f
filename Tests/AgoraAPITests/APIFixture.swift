import AgoraAPI
import AgoraStore
import AgoraTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting

/// A service over a fresh store and a small hand-made site, plus a secret outside the site that no request
/// may reach.
struct APIFixture {
    let store: Store
    let site: URL
    let outside: URL

    static func with(_ engine: TestDatabase = .sqlite, migrated: Bool = true, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        try scratch.write("<!doctype html><title>Home</title><h1>Home</h1>", to: "Site/index.html")
        try scratch.write("<!doctype html><title>Not found</title><h1>We couldn't find that page</h1>", to: "Site/404.html")
        try scratch.write("<!doctype html><title>Ada</title>", to: "Site/providers/ada/index.html")
        try scratch.write("body { color: black; }", to: "Site/assets/site.css")
        try scratch.write("body { color: black; }", to: "Site/assets/site.0123456789.css")
        try scratch.write("<?xml version=\"1.0\"?><sitemapindex/>", to: "Site/sitemap.xml")
        try scratch.write("token=hidden", to: "Site/.env")
        try scratch.write("/team/ /about/ 301\n/sale https://shop.example/sale 302\n/old-offer/ /404.html 410\nnot a rule\n", to: "Site/_redirects")
        try scratch.write("root:x:0:0", to: "outside/passwd")
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/Site/escape", withDestinationPath: scratch.path + "/outside")
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/Site/escape.txt", withDestinationPath: scratch.path + "/outside/passwd")
        try await engine.withStore(migrated: migrated) { store in
            let app = try await buildApplication(
                configuration: try await TestConfiguration.make(site: scratch.url.appendingPathComponent("Site")),
                store: store
            )
            try await app.test(.router) { client in try await body(client) }
        }
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func json() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any] ?? [:]
    }
}
