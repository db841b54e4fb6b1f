@testable import AgoraAPI
import AgoraTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Serving redirects")
struct RedirectServingTests {
    @Test("published redirects answer with their real status codes", arguments: [
        ("/team/", HTTPResponse.Status.movedPermanently, "/about/"),
        ("/sale", .found, "https://shop.example/sale"),
    ])
    func redirects(path: String, status: HTTPResponse.Status, location: String) async throws {
        try await APIFixture.with { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == status)
                #expect(response.headers[.location] == location)
            }
        }
    }

    @Test("a gone page answers 410 with the site's not-found page; an API client gets a problem")
    func gone() async throws {
        try await APIFixture.with { client in
            try await client.execute(uri: "/old-offer/", method: .get) { response in
                #expect(response.status == .gone)
                #expect(response.text.contains("We couldn't find that page"))
            }
            try await client.execute(uri: "/team/", method: .post) { response in
                #expect(response.status != .movedPermanently)
            }
        }
    }
}

@Suite("The redirect table")
struct RedirectTableTests {
    @Test("a build's new redirects are answered once the file changes, and a missing file answers none")
    func reloads() async throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let table = RedirectTable()
        #expect(await table.lookup("/team/", in: scratch.url) == nil, "no file yet: no redirect, no error")
        try scratch.write("/team/ /about/ 301\n", to: "_redirects")
        try await Task.sleep(for: RedirectTable.recheck + .milliseconds(100))
        #expect(await table.lookup("/team/", in: scratch.url)?.to == "/about/")
        try scratch.write("/team/ /people/ 301\n", to: "_redirects")
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(5)], ofItemAtPath: scratch.url.appendingPathComponent("_redirects").path)
        try await Task.sleep(for: RedirectTable.recheck + .milliseconds(100))
        #expect(await table.lookup("/team/", in: scratch.url)?.to == "/people/")
    }
}
