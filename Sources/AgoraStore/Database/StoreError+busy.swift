import SQLiteNIO

extension StoreError {
    /// Whether the error is SQLite's "database is locked" after its busy timeout: a moment of contention that a retry
    /// gets past, not a fault of the request.
    public static func isBusy(_ error: any Error) -> Bool {
        guard let sqlite = error as? SQLiteError else { return false }
        switch sqlite.reason {
        case .busy, .locked, .busyTimeout, .busyInRecovery, .busyInSnapshot, .lockedBySharedCache: return true
        default: return false
        }
    }
}
