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
