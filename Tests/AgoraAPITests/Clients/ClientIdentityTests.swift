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

@Suite("Client identities")
struct ClientIdentityTests {
    static func upload(_ harness: AuthHarness, bearer: String) async throws -> TestResponse {
        var headers = HTTPFields()
        headers[.contentType] = "multipart/form-data; boundary=\(OrderFileTests.boundary)"
        headers[.authorization] = "Bearer \(bearer)"
        let parts: [(name: String, fileName: String?, bytes: [UInt8])] = [("file", "me.jpg", try TestImages.bytes("gps-rotated.jpg"))]
        return try await harness.client.execute(uri: "/api/users/identity/photo", method: .post, headers: headers, body: OrderFileTests.multipart(parts))
    }

    @Test("a client sets a company, a country and a photo; providers offered the order see them, never the email", arguments: TestDatabase.engines)
    func identity(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let shown = try await harness.send(.get, "/api/users/identity", bearer: market.ada.accessToken).json()
            #expect((shown["name"] as? String)?.hasSuffix(".") == true && shown["company"] as? String == "")
            let updated = try await harness.send(.put, "/api/users/identity", json: #"{"company": "Boulangerie Marcel", "country": "fr"}"#, bearer: market.ada.accessToken)
            #expect(updated.status == .ok, "\(updated.text)")
            #expect(try updated.json()["country"] as? String == "FR" && updated.json()["country_name"] as? String == "France")
            let photo = try await Self.upload(harness, bearer: market.ada.accessToken)
            #expect(photo.status == .ok, "\(String(buffer: photo.body))")
            let folder = try #require(MediaStorage(storageDirectory: harness.storage).folders(of: ProfilePhoto.self).first?.key)

            let orderID = try await market.postOrder(market.ada, #", "invite": [\#(market.seeded.userID)]"#)
            let seen = try await harness.send(.get, "/api/orders/\(orderID)", bearer: market.seeded.accessToken)
            #expect(seen.status == .ok, "\(seen.text)")
            let client = try #require(try seen.json()["client"] as? [String: Any])
            #expect(client["company"] as? String == "Boulangerie Marcel" && client["country"] as? String == "FR")
            #expect(((client["photo"] as? [String: Any])?["url"] as? String)?.contains(folder) == true)
            #expect(!seen.text.contains("ada@example.com"), "never the email")
            let inbox = try await harness.send(.get, "/api/orders/inbox", bearer: market.seeded.accessToken).json()
            let entry = try #require((inbox["entries"] as? [[String: Any]])?.first { (($0["order"] as? [String: Any])?["id"] as? Int).map(Int64.init) == orderID })
            #expect(((entry["order"] as? [String: Any])?["client"] as? [String: Any])?["company"] as? String == "Boulangerie Marcel")

            let removed = try await harness.send(.delete, "/api/users/identity/photo", bearer: market.ada.accessToken)
            #expect(removed.status == .ok)
            #expect(try removed.json()["photo"] == nil)
            #expect(try await harness.send(.delete, "/api/users/identity/photo", bearer: market.ada.accessToken).status == .notFound)
        }
    }

    @Test("bad details are named; providers and visitors have no client identity", arguments: TestDatabase.engines)
    func badInput(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine, providers: 5) { market in
            let harness = market.harness
            let bad = try await harness.send(.put, "/api/users/identity", json: #"{"company": "\#(String(repeating: "c", count: 101))", "country": "ZZ"}"#, bearer: market.ada.accessToken)
            #expect(Set(bad.fieldErrors) == ["company", "country"], "\(bad.text)")
            #expect(try await harness.send(.put, "/api/users/identity", json: #"{"company": "Line\nbreak"}"#, bearer: market.ada.accessToken).fieldErrors == ["company"])
            #expect(try await harness.send(.put, "/api/users/identity", json: #"{"colour": "red"}"#, bearer: market.ada.accessToken).fieldErrors == ["colour"])
            #expect(try await harness.send(.get, "/api/users/identity", bearer: market.ada.accessToken).json()["company"] as? String == "", "nothing kept")
            #expect(try await harness.send(.get, "/api/users/identity", bearer: market.paula.accessToken).status == .forbidden)
            #expect(try await Self.upload(harness, bearer: market.paula.accessToken).status == .forbidden)
            #expect(try await harness.send(.get, "/api/users/identity").status == .unauthorized)
        }
    }
}
