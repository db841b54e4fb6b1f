import VaporCSQLite
import Foundation

/// A SQLite database used from one thread, synchronously, through prepared statements: the build manifest is
/// read and written row by row while pages are published, where a round trip through a connection pool per row
/// would cost more than the row. It calls the SQLite library SQLiteNIO builds (its C module), so the process holds
/// one SQLite.
final class SQLiteFile {
    private var handle: OpaquePointer?
    private var statements: [String: Statement] = [:]
    let path: String

    /// Opens (or creates, when `create`) the database file.
    init(path: String, create: Bool) throws {
        self.path = path
        let flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX
        let status = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite_nio_sqlite3_close(handle)
            handle = nil
            throw SiteError(file: path, message)
        }
        // Two builds at once (watch mode and a change made through the API) take turns instead of failing.
        sqlite_nio_sqlite3_busy_timeout(handle, Self.busyTimeoutMilliseconds)
    }

    static let busyTimeoutMilliseconds: Int32 = 30_000

    deinit { close() }

    func close() {
        statements.values.forEach { $0.finalize() }
        statements = [:]
        sqlite_nio_sqlite3_close(handle)
        handle = nil
    }

    /// Rows the last statement inserted, changed or deleted.
    var changes: Int { Int(sqlite_nio_sqlite3_changes(handle)) }

    /// Runs statements that bind nothing and return nothing.
    func execute(_ sql: String) throws {
        guard sqlite_nio_sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else { throw error() }
    }

    /// The prepared statement for `sql`, prepared once per connection and reset for reuse.
    func statement(_ sql: String) throws -> Statement {
        if let statement = statements[sql] {
            statement.reset()
            return statement
        }
        var prepared: OpaquePointer?
        guard sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &prepared, nil) == SQLITE_OK, let prepared else {
            throw error()
        }
        let statement = Statement(prepared, owner: self)
        statements[sql] = statement
        return statement
    }

    fileprivate func error() -> SiteError {
        SiteError(file: path, handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "database is closed")
    }

    /// One prepared statement: bind by position (from 1), step, read columns by position (from 0).
    final class Statement {
        private let pointer: OpaquePointer
        private unowned let owner: SQLiteFile

        fileprivate init(_ pointer: OpaquePointer, owner: SQLiteFile) {
            self.pointer = pointer
            self.owner = owner
        }

        fileprivate func reset() {
            sqlite_nio_sqlite3_reset(pointer)
            sqlite_nio_sqlite3_clear_bindings(pointer)
        }

        fileprivate func finalize() { sqlite_nio_sqlite3_finalize(pointer) }

        @discardableResult
        func bind(_ values: (any SQLiteBindable)?...) -> Statement {
            for (offset, value) in values.enumerated() {
                let index = Int32(offset + 1)
                switch value {
                case let text as String: sqlite_nio_sqlite3_bind_text(pointer, index, text, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
                case let number as Int: sqlite_nio_sqlite3_bind_int64(pointer, index, Int64(number))
                case let number as Double: sqlite_nio_sqlite3_bind_double(pointer, index, number)
                case let flag as Bool: sqlite_nio_sqlite3_bind_int64(pointer, index, flag ? 1 : 0)
                default: sqlite_nio_sqlite3_bind_null(pointer, index)
                }
            }
            return self
        }

        /// Advances to the next row; false when there is none.
        func step() throws -> Bool {
            switch sqlite_nio_sqlite3_step(pointer) {
            case SQLITE_ROW: return true
            case SQLITE_DONE: return false
            default: throw owner.error()
            }
        }

        /// Runs a statement that returns no rows.
        func run() throws {
            _ = try step()
        }

        func isNull(_ column: Int32) -> Bool { sqlite_nio_sqlite3_column_type(pointer, column) == SQLITE_NULL }

        func text(_ column: Int32) -> String? {
            guard let bytes = sqlite_nio_sqlite3_column_text(pointer, column) else { return nil }
            return String(cString: bytes)
        }

        func int(_ column: Int32) -> Int { Int(sqlite_nio_sqlite3_column_int64(pointer, column)) }

        func optionalInt(_ column: Int32) -> Int? { isNull(column) ? nil : int(column) }

        func double(_ column: Int32) -> Double? { isNull(column) ? nil : sqlite_nio_sqlite3_column_double(pointer, column) }
    }
}

/// The Swift values statements bind.
protocol SQLiteBindable {}
extension String: SQLiteBindable {}
extension Int: SQLiteBindable {}
extension Double: SQLiteBindable {}
extension Bool: SQLiteBindable {}
