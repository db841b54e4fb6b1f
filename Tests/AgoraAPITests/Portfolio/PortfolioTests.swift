@testable import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import AgoraWorkflows
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Portfolios")
struct PortfolioTests {
    static func upload(
        _ harness: AuthHarness, item: Int64, _ parts: [(name: String, fileName: String?, bytes: [UInt8])], bearer: String
    ) async throws -> TestResponse {
        var headers = HTTPFields()
        headers[.contentType] = "multipart/form-data; boundary=\(OrderFileTests.boundary)"
        headers[.authorization] = "Bearer \(bearer)"
        return try await harness.client.execute(uri: "/api/portfolio/\(item)/files", method: .post, headers: headers, body: OrderFileTests.multipart(parts))
    }

    static func create(_ harness: AuthHarness, _ json: String, bearer: String) async throws -> Int64 {
        let created = try await harness.send(.post, "/api/portfolio", json: json, bearer: bearer)
        try #require(created.status == .created, "\(created.text)")
        return try #require((try created.json()["id"] as? NSNumber)?.int64Value)
    }

    static func imageFolders(_ harness: AuthHarness) -> [String] {
        MediaStorage(storageDirectory: harness.storage).folders(of: PortfolioImage.self).map(\.key)
    }

    static func publicPortfolio(_ harness: AuthHarness, _ slug: String) async throws -> [[String: Any]] {
        try #require(try await harness.send(.get, "/api/providers/\(slug)").json()["portfolio"] as? [[String: Any]])
    }

    @Test("an item is drafted, illustrated, published, reordered, captioned and deleted; the public sees only what is published, the page follows", arguments: TestDatabase.engines)
    func lifecycle(engine: TestDatabase) async throws {
        try await ProfileTests.with(engine) { harness, rita, category in
            let slug = try await ProfileTests.publish(harness, rita, category)
            let first = try await Self.create(harness, #"""
                {"title": "Booking site for Le Fournil", "description": "Online orders and opening hours.\n\nBuilt in six weeks.",
                 "category": "\#(category)", "skills": ["Swift", "swift", "Booking systems"], "link": "https://lefournil.example/",
                 "client_name": "Le Fournil", "completed_on": "2026-03-14"}
                """#, bearer: rita.accessToken)
            let draft = try await harness.send(.get, "/api/portfolio/\(first)", bearer: rita.accessToken).json()
            #expect(draft["status"] as? String == "draft")
            #expect(draft["skills"] as? [String] == ["Swift", "Booking systems"], "duplicates in any case are dropped")
            #expect(draft["client_name"] as? String == "Le Fournil", "the owner sees the client's name")
            #expect(try await Self.publicPortfolio(harness, slug).isEmpty, "a draft is not public")

            let uploaded = try await Self.upload(harness, item: first, [("caption", nil, Array("The order page".utf8)), ("file", "site.png", try TestImages.bytes("wide.png"))], bearer: rita.accessToken)
            #expect(uploaded.status == .created, "\(uploaded.text)")
            let image = try #require((try uploaded.json()["images"] as? [[String: Any]])?.first)
            #expect(image["caption"] as? String == "The order page")
            #expect(image["width"] as? Int == 960 && image["height"] as? Int == 480)
            let large = try #require(image["large_url"] as? String)
            #expect(large.hasPrefix("/media/portfolio/") && large.hasSuffix("/960.jpg"))
            #expect(try await harness.send(.get, large).status == .ok)

            let queuedBefore = try await SiteChangeQueue(store: harness.store).recent().count
            let published = try await harness.send(.patch, "/api/portfolio/\(first)", json: #"{"status": "published"}"#, bearer: rita.accessToken)
            #expect(published.status == .ok, "\(published.text)")
            #expect(try published.json()["status"] as? String == "published")
            let queued = try await SiteChangeQueue(store: harness.store).recent()
            let page = SiteChange.provider(try Slug(slug))
            #expect(queued.prefix(queued.count - queuedBefore).contains { $0.change == page }, "the provider's page is queued")
            let shown = try #require(try await Self.publicPortfolio(harness, slug).first)
            #expect(shown["title"] as? String == "Booking site for Le Fournil")
            #expect(shown["client_name"] == nil, "the client did not agree to be named")
            #expect((shown["images"] as? [[String: Any]])?.count == 1)

            let second = try await Self.create(harness, #"{"title": "Menu boards for a bakery chain", "client_name": "Pains & Co", "shows_client": true}"#, bearer: rita.accessToken)
            #expect(try await harness.send(.patch, "/api/portfolio/\(second)", json: #"{"status": "published"}"#, bearer: rita.accessToken).status == .ok)
            let reordered = try await harness.send(.put, "/api/portfolio/order", json: #"{"ids": [\#(second), \#(first)]}"#, bearer: rita.accessToken)
            #expect(reordered.status == .ok, "\(reordered.text)")
            let order = try await Self.publicPortfolio(harness, slug).map { ($0["id"] as? NSNumber)?.int64Value }
            #expect(order == [second, first])
            #expect(try await Self.publicPortfolio(harness, slug).first?["client_name"] as? String == "Pains & Co", "named with the client's consent")

            let fileID = try #require((image["id"] as? NSNumber)?.int64Value)
            let captioned = try await harness.send(.patch, "/api/portfolio/\(first)/files/\(fileID)", json: #"{"caption": "Orders, as customers see them"}"#, bearer: rita.accessToken)
            #expect((try captioned.json()["images"] as? [[String: Any]])?.first?["caption"] as? String == "Orders, as customers see them")
            #expect(Self.imageFolders(harness).count == 1)
            let withoutImage = try await harness.send(.delete, "/api/portfolio/\(first)/files/\(fileID)", bearer: rita.accessToken)
            #expect((try withoutImage.json()["images"] as? [Any])?.isEmpty == true)
            #expect(Self.imageFolders(harness).isEmpty, "its files are gone")
            #expect(try await harness.send(.get, large).status == .notFound)

            _ = try await Self.upload(harness, item: first, [("file", "again.webp", try TestImages.bytes("photo.webp"))], bearer: rita.accessToken)
            let backToDraft = try await harness.send(.patch, "/api/portfolio/\(second)", json: #"{"status": "draft"}"#, bearer: rita.accessToken)
            #expect(try backToDraft.json()["status"] as? String == "draft")
            #expect(try await Self.publicPortfolio(harness, slug).count == 1)
            #expect(try await harness.send(.delete, "/api/portfolio/\(first)", bearer: rita.accessToken).status == .noContent)
            #expect(Self.imageFolders(harness).isEmpty, "a deleted item's images go with it")
            #expect(try await Self.publicPortfolio(harness, slug).isEmpty)
            let left = try await harness.send(.get, "/api/portfolio", bearer: rita.accessToken).json()["items"] as? [[String: Any]]
            #expect(left?.map { ($0["id"] as? NSNumber)?.int64Value } == [second])
        }
    }

    @Test("each bad field is named; a change names only what it changes; wrong images are refused and nothing is half-stored", arguments: TestDatabase.engines)
    func badInput(engine: TestDatabase) async throws {
        try await ProfileTests.with(engine) { harness, rita, _ in
            let refused = try await harness.send(.post, "/api/portfolio", json: #"""
                {"title": "ab", "category": "no-such-category", "skills": ["", "ok"], "link": "javascript:alert(1)", "shows_client": true,
                 "completed_on": "2999-01-01", "status": "published", "colour": "red"}
                """#, bearer: rita.accessToken)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.fieldErrors == ["colour"], "an unknown field is refused first, by name")
            let invalid = try await harness.send(.post, "/api/portfolio", json: #"""
                {"title": "ab", "skills": ["", "ok"], "link": "javascript:alert(1)", "shows_client": true, "completed_on": "2999-01-01"}
                """#, bearer: rita.accessToken)
            #expect(Set(invalid.fieldErrors) == ["title", "skills[0]", "link", "shows_client", "completed_on"], "\(invalid.text)")
            let closedCategory = try await harness.send(.post, "/api/portfolio", json: #"{"title": "A real title", "category": "no-such-category"}"#, bearer: rita.accessToken)
            #expect(closedCategory.fieldErrors == ["category"])
            #expect(try await harness.send(.post, "/api/portfolio", json: #"{"title": "A real title", "status": "published"}"#, bearer: rita.accessToken).fieldErrors == ["status"])

            let id = try await Self.create(harness, #"{"title": "Logo for a bakery", "description": "Two weeks of sketches."}"#, bearer: rita.accessToken)
            let changed = try await harness.send(.patch, "/api/portfolio/\(id)", json: #"{"title": "Logo and signs for a bakery"}"#, bearer: rita.accessToken)
            #expect(try changed.json()["description"] as? String == "Two weeks of sketches.", "fields not sent keep their value")
            #expect(try await harness.send(.patch, "/api/portfolio/\(id)", json: #"{"status": "pending"}"#, bearer: rita.accessToken).fieldErrors == ["status"])
            #expect(try await harness.send(.patch, "/api/portfolio/\(id)", json: #"{"title": ""}"#, bearer: rita.accessToken).fieldErrors == ["title"])
            #expect(try await harness.send(.put, "/api/portfolio/order", json: #"{"ids": [\#(id), \#(id)]}"#, bearer: rita.accessToken).fieldErrors == ["ids"])
            #expect(try await harness.send(.put, "/api/portfolio/order", json: #"{"ids": []}"#, bearer: rita.accessToken).fieldErrors == ["ids"])

            let svg = Array(#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#.utf8)
            let notImage = try await Self.upload(harness, item: id, [("file", "x.svg", svg)], bearer: rita.accessToken)
            #expect(notImage.status == .unsupportedMediaType)
            let thin = try await Self.upload(harness, item: id, [("file", "wide.png", try TestImages.bytes("panorama.png"))], bearer: rita.accessToken)
            #expect(thin.status == .unprocessableContent && thin.fieldErrors == ["file"], "\(thin.text)")
            let bomb = try await Self.upload(harness, item: id, [("file", "big.png", try TestImages.bytes("bomb.png"))], bearer: rita.accessToken)
            #expect(bomb.fieldErrors == ["file"])
            let longCaption = String(repeating: "a", count: 201)
            let captioned = try await Self.upload(harness, item: id, [("caption", nil, Array(longCaption.utf8)), ("file", "w.png", try TestImages.bytes("wide.png"))], bearer: rita.accessToken)
            #expect(captioned.fieldErrors == ["caption"])
            #expect(Self.imageFolders(harness).isEmpty, "no refused image left variants")
            let item = try await harness.send(.get, "/api/portfolio/\(id)", bearer: rita.accessToken).json()
            #expect((item["images"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("another provider's items are not found; clients and visitors are refused; nothing leaks", arguments: TestDatabase.engines)
    func access(engine: TestDatabase) async throws {
        try await ProfileTests.with(engine) { harness, rita, _ in
            let id = try await Self.create(harness, #"{"title": "Private draft", "client_name": "Secret Client"}"#, bearer: rita.accessToken)
            let uploaded = try await Self.upload(harness, item: id, [("file", "w.png", try TestImages.bytes("wide.png"))], bearer: rita.accessToken)
            let fileID = try #require(((try uploaded.json()["images"] as? [[String: Any]])?.first?["id"] as? NSNumber)?.int64Value)
            let other = try await harness.signedUp("otto@example.com", type: "provider")
            for (method, path, body) in [
                (HTTPRequest.Method.get, "/api/portfolio/\(id)", nil), (.patch, "/api/portfolio/\(id)", #"{"title": "Taken over"}"#),
                (.delete, "/api/portfolio/\(id)", nil), (.patch, "/api/portfolio/\(id)/files/\(fileID)", #"{"caption": "mine"}"#),
                (.delete, "/api/portfolio/\(id)/files/\(fileID)", nil),
            ] as [(HTTPRequest.Method, String, String?)] {
                let answer = try await harness.send(method, path, json: body, bearer: other.accessToken)
                #expect(answer.status == .notFound, "\(method) \(path)")
                #expect(!answer.text.contains("Secret Client") && !answer.text.contains("Private draft"))
            }
            #expect(try await Self.upload(harness, item: id, [("file", "w.png", try TestImages.bytes("wide.png"))], bearer: other.accessToken).status == .notFound)
            #expect((try await harness.send(.get, "/api/portfolio", bearer: other.accessToken).json()["items"] as? [Any])?.isEmpty == true)
            #expect(try await harness.send(.put, "/api/portfolio/order", json: #"{"ids": [\#(id)]}"#, bearer: other.accessToken).fieldErrors == ["ids"])
            let client = try await harness.signedUp("carla@example.com", type: "client")
            #expect(try await harness.send(.get, "/api/portfolio", bearer: client.accessToken).status == .forbidden)
            #expect(try await harness.send(.post, "/api/portfolio", json: #"{"title": "Mine"}"#, bearer: client.accessToken).status == .forbidden)
            #expect(try await harness.send(.get, "/api/portfolio").status == .unauthorized)
            #expect(try await harness.send(.get, "/api/portfolio/\(id)", bearer: rita.accessToken).json()["title"] as? String == "Private draft", "the owner's item is untouched")
        }
    }

    @Test("with pre-approval on, a published item waits for a moderator; approval shows it, removal refuses it", arguments: TestDatabase.engines)
    func moderation(engine: TestDatabase) async throws {
        try await ProfileTests.with(engine) { harness, rita, category in
            let slug = try await ProfileTests.publish(harness, rita, category)
            let admin = try await harness.signedInAdministrator()
            #expect(try await harness.send(.put, "/api/admin/settings/moderation.pre-approval", json: #"{"value": ["portfolio"], "version": 0}"#, bearer: admin.accessToken).status == .ok)
            let id = try await Self.create(harness, #"{"title": "Shop window lettering"}"#, bearer: rita.accessToken)
            let asked = try await harness.send(.patch, "/api/portfolio/\(id)", json: #"{"status": "published"}"#, bearer: rita.accessToken)
            #expect(try asked.json()["status"] as? String == "pending")
            #expect(try await Self.publicPortfolio(harness, slug).isEmpty)
            let item = try #require(try await ModerationTests.items(harness, admin.accessToken, "?kind=pre-approval").first { $0["subject"] as? String == "portfolio" })
            let approved = try await harness.send(.post, "/api/admin/moderation/items/\(ModerationTests.id(item))/decision", json: #"{"decision": "approve", "reason": "Fine."}"#, bearer: admin.accessToken)
            #expect(approved.status == .ok, "\(approved.text)")
            #expect(try await harness.send(.get, "/api/portfolio/\(id)", bearer: rita.accessToken).json()["status"] as? String == "published")
            #expect(try await Self.publicPortfolio(harness, slug).count == 1)

            let other = try await Self.create(harness, #"{"title": "Another sign"}"#, bearer: rita.accessToken)
            _ = try await harness.send(.patch, "/api/portfolio/\(other)", json: #"{"status": "published"}"#, bearer: rita.accessToken)
            let second = try #require(try await ModerationTests.items(harness, admin.accessToken, "?kind=pre-approval").first { ($0["subject_id"] as? NSNumber)?.int64Value == other })
            let removed = try await harness.send(.post, "/api/admin/moderation/items/\(ModerationTests.id(second))/decision", json: #"{"decision": "remove", "reason": "Not your work."}"#, bearer: admin.accessToken)
            #expect(removed.status == .ok, "\(removed.text)")
            #expect(try await harness.send(.get, "/api/portfolio/\(other)", bearer: rita.accessToken).json()["status"] as? String == "rejected")
            #expect(try await Self.publicPortfolio(harness, slug).count == 1)
        }
    }
}
