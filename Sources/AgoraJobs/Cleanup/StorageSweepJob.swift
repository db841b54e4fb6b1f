import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Logging
import NIOPosix

/// Every `interval`, removes from `Storage/` what nothing needs any more: uploads an interrupted request left in
/// `incoming/`, stored files without a row (a crash between the rename and the insert), the files of orders
/// cancelled more than `cancelledRetention` ago, image folders in `media/` (photos, portfolio images) that no row
/// names, and verification documents `VerificationRules.documentRetention` after their decision (and document files
/// no request names). Files younger than `grace` are left alone: an upload in progress, or a file between its rename
/// and its row.
public struct StorageSweepJob: PeriodicJob {
    let store: Store
    let storage: AttachmentStorage
    let media: MediaStorage
    let documents: DocumentStorage
    let clock: any AgoraClock
    public let interval: Duration
    let cancelledRetention: TimeInterval
    public let logger: Logger
    public let name = "storage sweep"

    /// Longer than any request may take (`AGORA_REQUEST_DEADLINE` is at most an hour).
    public static let grace: TimeInterval = 3_600

    /// What one pass removed.
    public struct Pass: Sendable, Equatable {
        public let incoming: Int
        public let unreferenced: Int
        public let ofCancelledOrders: Int
        public let images: Int
        /// Verification documents deleted after their retention, and document files no request names.
        public let documents: Int
    }

    public init(
        store: Store, storage: AttachmentStorage, media: MediaStorage, documents: DocumentStorage, clock: any AgoraClock = SystemClock(), interval: Duration = .seconds(3_600),
        cancelledRetention: TimeInterval = 30 * 24 * 3_600, logger: Logger = Logger(label: "agora.jobs.storage")
    ) {
        self.store = store
        self.storage = storage
        self.media = media
        self.documents = documents
        self.clock = clock
        self.interval = interval
        self.cancelledRetention = cancelledRetention
        self.logger = logger
    }

    @discardableResult
    public func runOnce() async throws -> Pass {
        let now = clock.now
        let settled = now.addingTimeInterval(-Self.grace)
        let storage = storage
        // Listing and deleting files blocks a thread: done on NIO's thread pool, never on the cooperative threads.
        let abandoned = try await NIOThreadPool.singleton.runIfActive {
            let old = storage.files(in: storage.incoming).filter { $0.modified < settled }
            for file in old { storage.remove(storage.incoming.appendingPathComponent(file.name)) }
            return old.count
        }
        let files = OrderFileRepository(store: store)
        let expired = try await files.removeFilesOfCancelledOrders(cancelledBefore: now.addingTimeInterval(-cancelledRetention))
        let known = try await AttachmentLedger(store: store).storageNames()
        let unreferenced = try await NIOThreadPool.singleton.runIfActive {
            for name in expired { storage.remove(storageName: name) }
            let stray = storage.files(in: storage.stored).filter { $0.modified < settled && !known.contains($0.name) }
            for file in stray { storage.remove(storageName: file.name) }
            return stray.count
        }
        let media = media
        let inUse: [(kind: any MediaVariants.Type, keys: Set<String>)] = [
            (ProfilePhoto.self, try await ProfileRepository(store: store).photoKeys().union(try await ClientIdentityRepository(store: store).photoKeys())),
            (PortfolioImage.self, try await PortfolioRepository(store: store).imageKeys()),
        ]
        let images = try await NIOThreadPool.singleton.runIfActive {
            var removed = 0
            for (kind, keys) in inUse {
                let stray = media.folders(of: kind).filter { $0.modified < settled && !keys.contains($0.key) }
                for folder in stray { media.remove(kind, key: folder.key) }
                removed += stray.count
            }
            return removed
        }
        let verifications = VerificationRepository(store: store)
        let due = try await verifications.documentsToDelete(now: now)
        let documents = documents
        // Forgotten first: a pass stopped between the two leaves an unreferenced file the stray pass below deletes,
        // never a request that points at a file no longer there.
        try await verifications.forgetDocuments(due.map(\.id), now: now)
        try await NIOThreadPool.singleton.runIfActive { for document in due { documents.remove(document.storageName) } }
        let keptDocuments = try await verifications.documentStorageNames()
        let strayDocuments = try await NIOThreadPool.singleton.runIfActive {
            let stray = documents.files().filter { $0.modified < settled && !keptDocuments.contains($0.name) }
            for file in stray { documents.remove(file.name) }
            return stray.count
        }
        let pass = Pass(incoming: abandoned, unreferenced: unreferenced, ofCancelledOrders: expired.count, images: images, documents: due.count + strayDocuments)
        if pass != Pass(incoming: 0, unreferenced: 0, ofCancelledOrders: 0, images: 0, documents: 0) {
            logger.info("storage sweep", metadata: [
                "incoming": "\(pass.incoming)", "unreferenced": "\(pass.unreferenced)", "cancelled_orders": "\(pass.ofCancelledOrders)",
                "images": "\(pass.images)", "documents": "\(pass.documents)",
            ])
        }
        return pass
    }
}
