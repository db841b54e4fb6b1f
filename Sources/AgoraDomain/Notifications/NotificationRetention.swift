import Foundation

/// How long notifications are kept: a read one leaves the inbox for the archive after `archiveAfterDays`; every one
/// is deleted after `deleteAfterDays` (never before it would be archived).
public struct NotificationRetention: Sendable, Hashable {
    public let archiveAfterDays: Int
    public let deleteAfterDays: Int

    public init(archiveAfterDays: Int, deleteAfterDays: Int) {
        self.archiveAfterDays = archiveAfterDays
        self.deleteAfterDays = deleteAfterDays
    }

    public static let standard = NotificationRetention(archiveAfterDays: 90, deleteAfterDays: 365)

    /// Read notifications from before this moment are archived.
    public func archiveBefore(_ now: Date) -> Date { now.addingTimeInterval(-Double(archiveAfterDays) * 86_400) }

    /// Notifications from before this moment are deleted.
    public func deleteBefore(_ now: Date) -> Date { now.addingTimeInterval(-Double(max(deleteAfterDays, archiveAfterDays)) * 86_400) }
}
