import Foundation
import SQLKit

/// The attachments kept, over every kind (an order's files, a milestone's deliverables, files shared in a chat, a
/// dispute's evidence): what one account uploaded
/// lately, which the daily quota counts all together so that no kind is a way around it, and every storage name in
/// use, which the sweep keeps.
public struct AttachmentLedger: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// The bytes `userID` uploaded since `since` and still kept, and when the earliest of them came.
    public func uploaded(by userID: Int64, since: Date) async throws -> (bytes: Int64, earliest: Date?) {
        guard let row = try await store.sql.raw("""
            SELECT CAST(COALESCE(SUM(byte_size), 0) AS BIGINT) AS bytes, MIN(created_at) AS earliest FROM (
                SELECT f.byte_size, f.created_at FROM order_files f JOIN orders o ON o.id = f.order_id
                WHERE o.client_id = \(bind: userID) AND f.created_at >= \(bind: since)
                UNION ALL
                SELECT byte_size, created_at FROM project_files WHERE uploader_id = \(bind: userID) AND created_at >= \(bind: since)
                UNION ALL
                SELECT byte_size, created_at FROM message_files WHERE uploader_id = \(bind: userID) AND created_at >= \(bind: since)
                UNION ALL
                SELECT byte_size, created_at FROM dispute_files WHERE uploader_id = \(bind: userID) AND created_at >= \(bind: since)
            ) uploads
            """).first() else { return (0, nil) }
        return (try row.decode(column: "bytes", as: Int64.self), try row.decodeIfPresent(column: "earliest", as: Date.self))
    }

    /// Every storage name in use by any attachment, for sweeping files a crash left without a row.
    public func storageNames() async throws -> Set<String> {
        Set(try await store.sql.raw("""
            SELECT storage_name FROM order_files UNION ALL SELECT storage_name FROM project_files UNION ALL SELECT storage_name FROM message_files
            UNION ALL SELECT storage_name FROM dispute_files
            """).all().map { try $0.decode(column: "storage_name", as: String.self) })
    }
}
