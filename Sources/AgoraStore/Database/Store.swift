@preconcurrency import AsyncKit
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit
import SQLiteKit

/// The one entry point to the database: opens SQLite or PostgreSQL behind the same SQLKit interface,
/// runs migrations, and hands out repositories.
public final class Store: Sendable {
    /// Which database engine a store runs on. Queries are written once; the few places where the SQL of the
    /// two engines differs ask this.
    public enum Engine: String, Sendable, Codable {
        case sqlite
        case postgresql
    }

    public let engine: Engine
    public let location: DatabaseLocation
    /// The pooled database. Each statement may run on a different connection; use `transaction` to group them.
    public let sql: any SQLDatabase
    let logger: Logger
    /// SQLite's write transactions, one at a time (see `WriterQueue`).
    private let writers = WriterQueue()
    /// What each committed transaction changed that this process's live connections follow.
    public let commitSignals = CommitSignals()
    private let shutdown: @Sendable () async throws -> Void

    private init(engine: Engine, location: DatabaseLocation, sql: any SQLDatabase, logger: Logger, shutdown: @escaping @Sendable () async throws -> Void) {
        self.engine = engine
        self.location = location
        self.sql = sql
        self.logger = logger
        self.shutdown = shutdown
    }

    /// Opens the database and checks that it answers. Throws `StoreError.cannotOpen` with the reason when the
    /// file cannot be created or written, or the server cannot be reached.
    /// `memoryMapped` makes SQLite read through a memory map: faster for the service, which reads the same pages
    /// again and again; a site build reads the whole database once, and with it its resident size would grow with
    /// the database.
    /// `connectionWait` is how long a query waits for a connection before it fails: long enough for a busy moment,
    /// short enough that a wedged database is reported rather than waited on for good.
    /// `connectionsPerThread` bounds the pool: that many connections per thread of NIO's event loop group.
    /// The threads SQLite's blocking calls run on, shared by every SQLite store of the process and never stopped
    /// (as NIO's own singleton pool would be), with a thread for every connection a store pools at the default size,
    /// several times over: a write outside a transaction that waits for the lock does so in SQLite's busy handler,
    /// holding its thread, and with fewer threads than waiting writers the writer holding the lock could be left
    /// without one to finish on (everyone then times out with "database is locked").
    static let sqliteThreads: NIOThreadPool = {
        let threads = NIOThreadPool(numberOfThreads: max(16, 4 * System.coreCount * 2))
        threads.start()
        return threads
    }()

    public static func open(
        _ location: DatabaseLocation, logger: Logger = Logger(label: "agora.store"), memoryMapped: Bool = true,
        connectionWait: Duration = .seconds(10), connectionsPerThread: Int = 4
    ) async throws -> Store {
        let requestTimeout = TimeAmount(connectionWait)
        // A connection that fails is reported once, by the caller, as a `StoreError`; the pool's own log line
        // would repeat it with the driver's internals.
        var poolLogger = logger
        if logger.logLevel > .debug { poolLogger.logLevel = .critical }
        let store: Store
        switch location {
        case .sqlite(let path):
            try checkSQLitePath(path)
            let pool = EventLoopGroupConnectionPool(
                source: SQLiteWALConnectionSource(path: path, threadPool: sqliteThreads, memoryMapped: memoryMapped),
                maxConnectionsPerEventLoop: connectionsPerThread,
                requestTimeout: requestTimeout,
                pruneInterval: nil,
                logger: poolLogger,
                on: MultiThreadedEventLoopGroup.singleton
            )
            let database = SQLitePooledDatabase(pool: pool, logger: poolLogger).sql(queryLogLevel: .trace)
            store = Store(engine: .sqlite, location: location, sql: database, logger: logger) { try await pool.shutdownAsync() }
        case .postgres(let url):
            var configuration: SQLPostgresConfiguration
            do {
                configuration = try SQLPostgresConfiguration(url: url)
            } catch {
                throw StoreError.invalidLocation(location.description, reason: "expected postgres://user:password@host:port/database")
            }
            configuration.coreConfiguration.options.connectTimeout = .seconds(5)
            let pool = EventLoopGroupConnectionPool(
                source: PostgresConnectionSource(sqlConfiguration: configuration),
                maxConnectionsPerEventLoop: connectionsPerThread,
                requestTimeout: requestTimeout,
                pruneInterval: .seconds(60),
                logger: poolLogger,
                on: MultiThreadedEventLoopGroup.singleton
            )
            let database = pool.database(logger: poolLogger).sql(queryLogLevel: .trace)
            store = Store(engine: .postgresql, location: location, sql: database, logger: logger) { try await pool.shutdownAsync() }
        }
        do {
            try await store.sql.raw("SELECT 1").run()
        } catch {
            await store.close()
            throw StoreError.cannotOpen(location.description, reason: Self.describe(error))
        }
        return store
    }

    /// Releases every pooled connection. Call once, when the process is done with the store.
    public func close() async {
        do {
            try await shutdown()
        } catch {
            logger.warning("closing the database pool failed: \(error)")
        }
    }

    /// Runs `body` on one connection inside a transaction: all of it is committed, or none of it.
    /// On SQLite the transaction takes the write lock at once (`BEGIN IMMEDIATE`) so two writers never deadlock, and
    /// waits its turn in `WriterQueue` first: never start a transaction inside another one's body, it would wait
    /// for itself.
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        guard engine == .sqlite else {
            return try await sql.withSession { session in try await self.transaction(on: session, body) }
        }
        return try await writers.run {
            try await self.sql.withSession { session in try await self.transaction(on: session, body) }
        }
    }

    /// A transaction on a session the caller already holds.
    func transaction<T: Sendable>(on session: any SQLDatabase, _ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await session.raw(SQLQueryString(engine == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN")).run()
        let changed = CommitSignals.Pending()
        do {
            let result = try await CommitSignals.$pending.withValue(changed) { try await body(session) }
            try await session.raw("COMMIT").run()
            commitSignals.committed(changed)
            return result
        } catch {
            try? await session.raw("ROLLBACK").run()
            throw error
        }
    }

    /// Fails early, with a reason, for SQLite paths that cannot hold a database.
    private static func checkSQLitePath(_ path: String) throws {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        let location = "sqlite:\(path)"
        if fileManager.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard !isDirectory.boolValue else { throw StoreError.cannotOpen(location, reason: "it is a directory") }
            guard fileManager.isReadableFile(atPath: path) else { throw StoreError.cannotOpen(location, reason: "the file is not readable") }
            guard fileManager.isWritableFile(atPath: path) else { throw StoreError.cannotOpen(location, reason: "the file is read-only") }
        } else {
            let directory = (path as NSString).deletingLastPathComponent
            let parent = directory.isEmpty ? "." : directory
            guard fileManager.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw StoreError.cannotOpen(location, reason: "the directory \(parent) does not exist")
            }
            guard fileManager.isWritableFile(atPath: parent) else {
                throw StoreError.cannotOpen(location, reason: "the directory \(parent) is not writable")
            }
        }
    }

    /// One line from a driver error, without the connection string or credentials.
    static func describe(_ error: any Error) -> String {
        if let psql = error as? PSQLError {
            if let message = psql.serverInfo?[.message] { return message }
            switch psql.code {
            case .connectionError: return "the server could not be reached (\(psql.underlying.map { "\($0)" } ?? "connection failed"))"
            default: return "\(psql.code)"
            }
        }
        if let sqlite = error as? SQLiteError { return sqlite.message }
        return String(describing: error)
    }
}
