@preconcurrency import AsyncKit
import Logging
import NIOCore
import NIOPosix
import SQLiteNIO

/// Opens SQLite connections tuned for a server: write-ahead log, foreign keys on, and a busy timeout so
/// concurrent writers wait for each other instead of failing.
struct SQLiteWALConnectionSource: ConnectionPoolSource {
    let path: String
    let threadPool: NIOThreadPool
    /// Whether reads go through a memory map (see `Store.open`).
    let memoryMapped: Bool

    /// How long a writer waits for the lock held by another writer before giving up.
    static let busyTimeoutMilliseconds = 10_000
    static let mmapBytes = 4 << 30

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        let promise = eventLoop.makePromise(of: SQLiteConnection.self)
        promise.completeWithTask {
            let connection = try await SQLiteConnection.open(storage: .file(path: path), threadPool: threadPool, logger: logger, on: eventLoop).get()
            do {
                for pragma in [
                    "PRAGMA busy_timeout = \(Self.busyTimeoutMilliseconds)",
                    "PRAGMA foreign_keys = ON",
                    "PRAGMA journal_mode = WAL",
                    "PRAGMA synchronous = NORMAL",
                    // Reads go through a memory map instead of a read call and a copy per page. Address space
                    // only, backed by the kernel's page cache, but the process's resident size counts what it touched.
                    "PRAGMA mmap_size = \(memoryMapped ? Self.mmapBytes : 0)",
                ] {
                    _ = try await connection.query(pragma)
                }
                return connection
            } catch {
                try? await connection.close().get()
                throw error
            }
        }
        return promise.futureResult
    }
}
