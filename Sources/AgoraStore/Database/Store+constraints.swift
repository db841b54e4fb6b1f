import PostgresKit
import SQLiteKit

extension Store {
    /// Runs a write and turns a unique-constraint violation into `StoreError.conflict(message)`.
    func uniqueOrConflict<T>(_ message: String, _ write: () async throws -> T) async throws -> T {
        do {
            return try await write()
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23505" {
            throw StoreError.conflict(message)
        } catch let error as SQLiteError where error.isUniqueViolation {
            throw StoreError.conflict(message)
        }
    }
}

private extension SQLiteError {
    var isUniqueViolation: Bool {
        switch reason {
        case .constraintUniqueFailed, .constraintPrimaryKeyFailed: true
        case .constraint: message.contains("UNIQUE")
        default: false
        }
    }
}
