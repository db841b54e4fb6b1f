import AgoraDomain
import AgoraJobs
import AgoraStore
import AgoraTestSupport
import AgoraWorkflows
import Foundation
import HummingbirdTesting
import Testing

@Suite("Sweeping storage")
struct StorageSweepTests {
    /// Writes a file in `folder` of the storage, `age` seconds old.
    func orphan(_ folder: URL, age: TimeInterval, now: Date) throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let name = AttachmentStorage.randomName()
        let url = folder.appendingPathComponent(name)
        try Data("left behind".utf8).write(to: url)
        try FileManager.default.setAttributes([.modificationDate: now.addingTimeInterval(-age)], ofItemAtPath: url.path)
        return name
    }

    @Test("abandoned uploads, files without a row and the files of long-cancelled orders go; everything else stays", arguments: TestDatabase.engines)
    func sweep(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let storage = AttachmentStorage(root: harness.storage)
            let kept = try await market.postOrder(market.ada)
            let cancelled = try await market.postOrder(market.ada)
            for order in [kept, cancelled] {
                let uploaded = try await OrderFileTests.upload(harness, order: order, body: OrderFileTests.multipart([("file", "brief.pdf", OrderFileTests.pdf)]), bearer: market.ada.accessToken)
                try #require(uploaded.status == .created)
            }
            #expect(try await harness.send(.post, "/api/orders/\(cancelled)/cancel", bearer: market.ada.accessToken).status == .ok)
            let now = harness.clock.now
            let abandoned = try orphan(storage.incoming, age: 2 * 3_600, now: now)
            let uploading = try orphan(storage.incoming, age: 60, now: now)
            let rowless = try orphan(storage.stored, age: 2 * 3_600, now: now)
            let renaming = try orphan(storage.stored, age: 60, now: now)
            let names = { Set((try? FileManager.default.contentsOfDirectory(atPath: storage.stored.path)) ?? []) }
            let attached = names().subtracting([rowless, renaming])
            #expect(attached.count == 2)

            // The day of the cancellation, its files stay.
            let today = try await StorageSweepJob(store: harness.store, storage: storage, media: MediaStorage(storageDirectory: harness.storage), documents: DocumentStorage(storageDirectory: harness.storage), clock: FixedClock(now)).runOnce()
            #expect(today.incoming == 1 && today.unreferenced == 1 && today.ofCancelledOrders == 0)
            #expect(!FileManager.default.fileExists(atPath: storage.incoming.appendingPathComponent(abandoned).path))
            #expect(FileManager.default.fileExists(atPath: storage.incoming.appendingPathComponent(uploading).path))
            #expect(names() == attached.union([renaming]))

            let later = try await StorageSweepJob(store: harness.store, storage: storage, media: MediaStorage(storageDirectory: harness.storage), documents: DocumentStorage(storageDirectory: harness.storage), clock: FixedClock(now.addingTimeInterval(31 * 86_400))).runOnce()
            #expect(later.ofCancelledOrders == 1 && later.unreferenced == 1 && later.incoming == 1)
            let order = try await harness.send(.get, "/api/orders/\(kept)", bearer: market.ada.accessToken).json()
            let file = try #require((order["files"] as? [[String: Any]])?.first)
            let download = try await harness.send(.get, try #require(file["url"] as? String), bearer: market.ada.accessToken)
            #expect(download.status == .ok, "the open order's file is still there")
            #expect(names().count == 1)
            let cancelledOrder = try await harness.send(.get, "/api/orders/\(cancelled)", bearer: market.ada.accessToken).json()
            #expect((cancelledOrder["files"] as? [[String: Any]])?.isEmpty == true)
        }
    }
}
