import AgoraAPI
import AgoraDomain
import AgoraJobs
import AgoraStore
import AgoraTestSupport
import AgoraWorkflows
import Foundation
import HummingbirdTesting
import Testing

@Suite("Milestone deliverables", .serialized)
struct MilestoneFileTests {
    func attach(_ fixture: ProjectFixture, milestone: Int64, name: String = "wireframes.pdf", bytes: [UInt8] = OrderFileTests.pdf, as member: SignIn) async throws -> TestResponse {
        try await OrderFileTests.upload(
            fixture.harness, to: "/api/milestones/\(milestone)/files", body: OrderFileTests.multipart([("file", name, bytes)]), bearer: member.accessToken
        )
    }

    func stored(_ harness: AuthHarness) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: harness.storage.appendingPathComponent("orders").path)) ?? []
    }

    @Test("the provider attaches files while working, they go with the delivery, both members download them, no one else", arguments: TestDatabase.engines)
    func deliverFiles(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let harness = market.harness
            let design = fixture.milestoneIDs[0]
            #expect(try await attach(fixture, milestone: design, as: market.paula).status == .conflict, "not started yet")
            #expect(try await fixture.fund(design).status == .ok)
            #expect(try await fixture.step("start", design, as: market.paula).status == .ok)
            #expect(try await attach(fixture, milestone: design, as: market.ada).status == .conflict, "the provider delivers")
            #expect(try await attach(fixture, milestone: design, as: market.bob).status == .notFound)
            #expect(try await attach(fixture, milestone: design, as: market.seeded).status == .notFound)

            let attached = try await attach(fixture, milestone: design, as: market.paula)
            #expect(attached.status == .created, "\(attached.text)")
            let file = try attached.json()
            #expect(file["media_type"] as? String == "application/pdf" && file["revision"] == nil)
            let url = try #require(file["url"] as? String)
            #expect(attached.headers[.location] == url)

            // Until it is delivered, the file is the provider's alone.
            #expect((try await fixture.milestone(design, as: market.paula)["files"] as? [[String: Any]])?.count == 1)
            #expect(try await fixture.milestone(design, as: market.paula)["accepts_files"] as? Bool == true)
            #expect((try await fixture.milestone(design, as: market.ada)["files"] as? [[String: Any]])?.isEmpty == true)
            #expect(try await fixture.milestone(design, as: market.ada)["accepts_files"] as? Bool == false)
            #expect(try await harness.send(.get, url, bearer: market.ada.accessToken).status == .notFound)

            #expect(try await fixture.step("submit", design, as: market.paula, note: "The wireframes, attached.").status == .ok)
            let delivered = try await fixture.milestone(design, as: market.ada)
            let submission = try #require((delivered["submissions"] as? [[String: Any]])?.first)
            let files = try #require(submission["files"] as? [[String: Any]])
            #expect(files.count == 1 && files.first?["revision"] as? Int == 1 && files.first?["url"] as? String == url)
            #expect((delivered["files"] as? [[String: Any]])?.isEmpty == true)
            for member in [market.ada, market.paula] {
                let download = try await harness.send(.get, url, bearer: member.accessToken)
                #expect(download.status == .ok && Array(download.body.readableBytesView) == OrderFileTests.pdf)
                #expect(download.headers[.contentType] == "application/pdf")
            }
            for stranger in [market.bob, market.seeded] {
                #expect(try await harness.send(.get, url, bearer: stranger.accessToken).status == .notFound)
            }
            #expect(try await harness.send(.get, url).status == .unauthorized)
            #expect(try await attach(fixture, milestone: design, as: market.paula).status == .conflict, "waiting for review")
            let fileID = try #require((file["id"] as? NSNumber)?.int64Value)
            #expect(try await harness.send(.delete, "/api/milestones/\(design)/files/\(fileID)", bearer: market.paula.accessToken).status == .notFound,
                    "a delivered file stays")

            // A revision: a new file, removed again before the next delivery; its bytes go with it.
            #expect(try await fixture.step("request-changes", design, as: market.ada, note: "Please add the mobile layouts.").status == .ok)
            let second = try await attach(fixture, milestone: design, name: "mobile.png", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 64), as: market.paula)
            #expect(second.status == .created, "\(second.text)")
            #expect(stored(harness).count == 2)
            let secondID = try #require((try second.json()["id"] as? NSNumber)?.int64Value)
            #expect(try await harness.send(.delete, "/api/milestones/\(design)/files/\(secondID)", bearer: market.ada.accessToken).status == .notFound)
            #expect(try await harness.send(.delete, "/api/milestones/\(design)/files/\(secondID)", bearer: market.paula.accessToken).status == .noContent)
            #expect(stored(harness).count == 1)
            let kinds = try await fixture.activityKinds(as: market.paula)
            #expect(kinds.filter { $0 == "milestone.file-attached" }.count == 2 && kinds.contains("milestone.file-removed"))

            // The sweep keeps delivered files: they have their row.
            let sweep = StorageSweepJob(
                store: harness.store, storage: AttachmentStorage(root: harness.storage), media: MediaStorage(storageDirectory: harness.storage),
                documents: DocumentStorage(storageDirectory: harness.storage), clock: FixedClock(harness.clock.now.addingTimeInterval(2 * 86_400))
            )
            #expect(try await sweep.runOnce().unreferenced == 0)
            #expect(stored(harness).count == 1)
        }
    }

    @Test("a delivery holds ten files at most, a file of a type we do not take is refused, and nothing is left stored")
    func refusals() async throws {
        try await OrderMarketplace.with { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let design = fixture.milestoneIDs[0]
            #expect(try await fixture.fund(design).status == .ok)
            #expect(try await fixture.step("start", design, as: market.paula).status == .ok)
            let executable: [UInt8] = [0x4D, 0x5A, 0x90, 0x00] + Array(repeating: 0, count: 120)
            let refused = try await attach(fixture, milestone: design, name: "report.pdf", bytes: executable, as: market.paula)
            #expect(refused.status == .unsupportedMediaType && refused.problemType == "urn:agora:problem:unaccepted-file-type")
            #expect(stored(market.harness).isEmpty)
            for index in 1...MilestoneRules.maximumFilesPerDelivery {
                #expect(try await attach(fixture, milestone: design, name: "part-\(index).pdf", as: market.paula).status == .created)
            }
            #expect(try await attach(fixture, milestone: design, as: market.paula).status == .conflict)
            #expect(stored(market.harness).count == MilestoneRules.maximumFilesPerDelivery)
            #expect(try await fixture.milestone(design, as: market.paula)["accepts_files"] as? Bool == false)
        }
    }
}
