@preconcurrency import AsyncKit
import Logging
import NIOCore
import SQLiteNIO

/// A `SQLiteDatabase` that leases a pooled connection for each query, and holds one for a whole session
/// (`withConnection`), which is what transactions need.
struct SQLitePooledDatabase: SQLiteDatabase {
    let pool: EventLoopGroupConnectionPool<SQLiteWALConnectionSource>
    let logger: Logger

    var eventLoop: any EventLoop { pool.eventLoopGroup.any() }

    func query(
        _ query: String,
        _ binds: [SQLiteData],
        logger: Logger,
        _ onRow: @escaping @Sendable (SQLiteRow) -> Void
    ) -> EventLoopFuture<Void> {
        pool.withConnection(logger: logger) { $0.query(query, binds, logger: logger, onRow) }
    }

    func withConnection<T>(_ closure: @escaping @Sendable (SQLiteConnection) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        pool.withConnection(logger: logger, closure)
    }
}
