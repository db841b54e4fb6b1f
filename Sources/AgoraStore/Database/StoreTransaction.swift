import SQLKit

/// A transaction in progress. Repositories made in it (`UserRepository(store: store, in: transaction)`) read and
/// write inside it, so a change, its history, its emails and its site changes commit or roll back together. The
/// layers above the store hold this, never the SQL handle.
public struct StoreTransaction: Sendable {
    let sql: any SQLDatabase
}

extension Store {
    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    public func inTransaction<T: Sendable>(_ body: @escaping @Sendable (StoreTransaction) async throws -> T) async throws -> T {
        try await transaction { database in try await body(StoreTransaction(sql: database)) }
    }
}
