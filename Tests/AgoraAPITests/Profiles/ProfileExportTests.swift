@testable import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import Testing

@Suite("Profile export")
struct ProfileExportTests {
    @Test("a provider downloads their account, profile, versions, portfolio and verification requests as one JSON file, and nobody else's", arguments: TestDatabase.engines)
    func export(engine: TestDatabase) async throws {
        try await ProfileTests.with(engine) { harness, rita, category in
            let slug = try await ProfileTests.publish(harness, rita, category)
            _ = try await PortfolioTests.create(harness, #"{"title": "Bakery ordering site", "description": "Orders for 40 shops."}"#, bearer: rita.accessToken)
            #expect(try await VerificationTests.send(harness, kind: "identity-document", bearer: rita.accessToken).status == .created)

            let answer = try await harness.send(.get, "/api/users/profile/export", bearer: rita.accessToken)
            #expect(answer.status == .ok, "\(answer.text)")
            let day = ISO8601DateFormatter.string(from: harness.clock.now, timeZone: .gmt, formatOptions: [.withFullDate])
            #expect(answer.headers[.contentDisposition] == "attachment; filename=\"agora-profile-\(slug)-\(day).json\"")
            #expect(answer.headers[.cacheControl] == "no-store")
            let body = try answer.json()
            #expect(body["format"] as? String == ProfileExportRoutes.format)
            let account = try #require(body["account"] as? [String: Any])
            #expect(account["email"] as? String == "rita@example.com" && account["name"] as? String == "Ada Lovelace")
            let profile = try #require(body["profile"] as? [String: Any])
            #expect(profile["status"] as? String == "published")
            #expect((profile["content"] as? [String: Any])?["title"] as? String == "Bakery websites and booking systems")
            #expect((body["versions"] as? [Any])?.isEmpty == false)
            #expect((body["portfolio"] as? [[String: Any]])?.map { $0["title"] as? String } == ["Bakery ordering site"], "drafts included: it is the owner's")
            let verification = try #require((body["verifications"] as? [[String: Any]])?.first)
            #expect(verification["status"] as? String == "pending" && (verification["document"] as? [String: Any])?["url"] as? String != nil)
            #expect(!answer.text.contains("%PDF"), "documents by link, never inside the file")
            #expect(!answer.text.contains("password"))

            let otto = try await harness.signedUp("otto@example.com", type: "provider")
            let other = try await harness.send(.get, "/api/users/profile/export", bearer: otto.accessToken).json()
            #expect((other["account"] as? [String: Any])?["email"] as? String == "otto@example.com")
            #expect((other["portfolio"] as? [Any])?.isEmpty == true && (other["verifications"] as? [Any])?.isEmpty == true)
            #expect((other["profile"] as? [String: Any])?["status"] as? String == "draft")
            let client = try await harness.signedUp("cleo@example.com")
            #expect(try await harness.send(.get, "/api/users/profile/export", bearer: client.accessToken).status == .forbidden)
            #expect(try await harness.send(.get, "/api/users/profile/export").status == .unauthorized)
        }
    }
}
