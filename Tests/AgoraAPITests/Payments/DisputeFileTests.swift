import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Files as dispute evidence")
struct DisputeFileTests {
    func attach(_ market: OrderMarketplace, dispute: Int64, bytes: [UInt8] = OrderFileTests.pdf, as member: SignIn) async throws -> TestResponse {
        try await OrderFileTests.upload(
            market.harness, to: "/api/disputes/\(dispute)/files", body: OrderFileTests.multipart([("file", "brand-guide.pdf", bytes)]), bearer: member.accessToken
        )
    }

    /// A dispute the client opened on the funded Design milestone.
    func opened(_ market: OrderMarketplace) async throws -> Int64 {
        let fixture = try await ProjectFixture.accepted(in: market)
        let design = fixture.milestoneIDs[0]
        #expect(try await fixture.fund(design).status == .ok)
        let opened = try await market.harness.send(
            .post, "/api/projects/\(fixture.projectID)/disputes",
            json: #"{"milestone_id": \#(design), "reason": "quality", "statement": "The designs ignore the brand guide we agreed on."}"#,
            bearer: market.ada.accessToken
        )
        #expect(opened.status == .created, "\(opened.text)")
        return try #require((try opened.json()["id"] as? NSNumber)?.int64Value)
    }

    @Test("either member attaches files while the dispute is open; both members and the deciding staff download them; nobody else", arguments: TestDatabase.engines)
    func files(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let id = try await opened(market)
            let attached = try await attach(market, dispute: id, as: market.paula)
            #expect(attached.status == .created, "\(attached.text)")
            let url = try #require(try attached.json()["url"] as? String)
            #expect(try attached.json()["uploaded_by"] as? String == "provider")
            let dispute = try await market.harness.send(.get, "/api/disputes/\(id)", bearer: market.ada.accessToken).json()
            #expect((dispute["files"] as? [[String: Any]])?.map { $0["file_name"] as? String } == ["brand-guide.pdf"])
            #expect(try await market.harness.emails(to: "ada@example.com").contains { $0.subject.contains("evidence") || $0.subject.contains("Evidence") })

            let downloaded = try await market.harness.send(.get, url, bearer: market.ada.accessToken)
            #expect(downloaded.status == .ok && Array(downloaded.body.readableBytesView) == OrderFileTests.pdf)
            #expect(try await market.harness.send(.get, url, bearer: market.bob.accessToken).status == .notFound)
            #expect(try await attach(market, dispute: id, as: market.bob).status == .notFound)
            let finance = try await market.harness.signedInStaff("fi@example.com", role: .finance)
            let moderator = try await market.harness.signedInStaff("mo@example.com", role: .moderator)
            let staffURL = url.replacingOccurrences(of: "/api/disputes/", with: "/api/admin/disputes/")
            #expect(try await market.harness.send(.get, staffURL, bearer: finance.accessToken).status == .ok)
            #expect(try await market.harness.send(.get, staffURL, bearer: moderator.accessToken).status == .forbidden)
            #expect(try await market.harness.send(.get, staffURL + "0", bearer: finance.accessToken).status == .notFound)

            let executable: [UInt8] = [0x4D, 0x5A, 0x90, 0x00] + Array(repeating: 0, count: 120)
            #expect(try await attach(market, dispute: id, bytes: executable, as: market.ada).status == .unsupportedMediaType)
            #expect(try await market.harness.send(.post, "/api/disputes/\(id)/withdraw", bearer: market.ada.accessToken).status == .ok)
            #expect(try await attach(market, dispute: id, as: market.ada).status == .conflict, "a withdrawn dispute takes no more evidence")
            #expect(try await market.harness.send(.get, url, bearer: market.paula.accessToken).status == .ok, "the files stay readable")
        }
    }
}
