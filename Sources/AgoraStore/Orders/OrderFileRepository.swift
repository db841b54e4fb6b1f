import AgoraDomain
import Foundation
import SQLKit

/// The attachments of orders, as rows; the bytes are the attachment store's. At most `maximumPerOrder` per order,
/// counted in the insert's transaction so that two uploads at once cannot pass the limit together.
public struct OrderFileRepository: Sendable {
    let store: Store

    public static let maximumPerOrder = OrderFileLimits.maximumFiles

    public init(store: Store) { self.store = store }

    private static let columns: SQLQueryString = "id, order_id, storage_name, file_name, media_type, byte_size, sha256, created_at"

    public func list(orderID: Int64) async throws -> [OrderFile] {
        try await store.sql.raw("SELECT \(Self.columns) FROM order_files WHERE order_id = \(bind: orderID) ORDER BY id")
            .all().map(Self.file(from:))
    }

    public func find(_ id: Int64, orderID: Int64) async throws -> OrderFile? {
        try await store.sql.raw("SELECT \(Self.columns) FROM order_files WHERE id = \(bind: id) AND order_id = \(bind: orderID)")
            .first().map(Self.file(from:))
    }

    /// Records a stored file on a client's order that is still a draft or open; refuses past the limit.
    public func insert(
        orderID: Int64, clientID: Int64, storageName: String, fileName: String, mediaType: String, byteSize: Int64, sha256: String, now: Date
    ) async throws -> OrderFile {
        try await store.transaction { db in
            let order = try await OrderRepository.lockedForClient(orderID, clientID: clientID, on: db)
            guard order.status.isOpenState else {
                throw StoreError.conflict("files can be attached only while the order is a draft or open")
            }
            let count = try await db.raw("SELECT COUNT(*) AS n FROM order_files WHERE order_id = \(bind: orderID)").first()?
                .decode(column: "n", as: Int.self) ?? 0
            guard count < Self.maximumPerOrder else {
                throw StoreError.conflict("an order has at most \(Self.maximumPerOrder) files: remove one first")
            }
            guard let row = try await db.raw("""
                INSERT INTO order_files (order_id, storage_name, file_name, media_type, byte_size, sha256, created_at)
                VALUES (\(bind: orderID), \(bind: storageName), \(bind: fileName), \(bind: mediaType), \(bind: byteSize), \(bind: sha256), \(bind: now))
                RETURNING \(Self.columns)
                """).first() else { throw StoreError.conflict("the file was not saved") }
            try await OrderRepository.record(.fileAttached, orderID: orderID, actorID: clientID, detail: ["file_name": fileName], now: now, on: db)
            return try Self.file(from: row)
        }
    }

    /// Removes a file from a client's order while it is a draft or open; returns the removed row, nil when absent.
    public func delete(_ id: Int64, orderID: Int64, clientID: Int64, now: Date) async throws -> OrderFile? {
        try await store.transaction { db in
            let order = try await OrderRepository.lockedForClient(orderID, clientID: clientID, on: db)
            guard order.status.isOpenState else {
                throw StoreError.conflict("files can be removed only while the order is a draft or open")
            }
            guard let row = try await db.raw("""
                DELETE FROM order_files WHERE id = \(bind: id) AND order_id = \(bind: orderID) RETURNING \(Self.columns)
                """).first() else { return nil }
            let file = try Self.file(from: row)
            try await OrderRepository.record(.fileRemoved, orderID: orderID, actorID: clientID, detail: ["file_name": file.fileName], now: now, on: db)
            return file
        }
    }

    /// Forgets the files of orders cancelled before `cutoff` and returns their storage names, for the sweep to
    /// delete (a crash between the two leaves files without rows, which the next sweep finds).
    public func removeFilesOfCancelledOrders(cancelledBefore cutoff: Date) async throws -> [String] {
        try await store.transaction { db in
            try await db.raw("""
                DELETE FROM order_files
                WHERE order_id IN (SELECT id FROM orders WHERE status = \(state: OrderStatus.cancelled) AND updated_at < \(bind: cutoff))
                RETURNING storage_name
                """).all().map { try $0.decode(column: "storage_name", as: String.self) }
        }
    }

    static func file(from row: any SQLRow) throws -> OrderFile {
        OrderFile(
            id: try row.decode(column: "id", as: Int64.self),
            orderID: try row.decode(column: "order_id", as: Int64.self),
            storageName: try row.decode(column: "storage_name", as: String.self),
            fileName: try row.decode(column: "file_name", as: String.self),
            mediaType: try row.decode(column: "media_type", as: String.self),
            byteSize: try row.decode(column: "byte_size", as: Int64.self),
            sha256: try row.decode(column: "sha256", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self)
        )
    }
}
